from django.urls import path

from . import views

app_name = "workinggroups"

urlpatterns = [
    path("", views.group_list, name="office-group-list"),
    path("<int:pk>/", views.group_detail, name="office-group-detail"),
    path("<int:pk>/edit/", views.group_edit, name="office-group-edit"),
    path("<int:pk>/enrol/", views.enrolment_add, name="office-enrolment-add"),
    path("enrolments/<int:pk>/end/", views.enrolment_end, name="office-enrolment-end"),
]
