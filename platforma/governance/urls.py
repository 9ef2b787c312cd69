from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("offices/", views.office_list, name="office-office-list"),
    path("offices/new/", views.office_create, name="office-office-create"),
    path("offices/<int:pk>/", views.office_detail, name="office-office-detail"),
    path("offices/<int:pk>/mandates/new/", views.mandate_start, name="office-mandate-start"),
    path("mandates/<int:pk>/end/", views.mandate_end, name="office-mandate-end"),
    path("statutes/", views.statute_list, name="office-statute-list"),
    path("statutes/new/", views.statute_adopt, name="office-statute-adopt"),
    path("statutes/<int:pk>/", views.statute_detail, name="office-statute-detail"),
]
