from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.preferences, name="preferences"),
    path("<int:pk>/read/", views.notice_read, name="notice-read"),
    path("read/", views.notices_read_all, name="notices-read-all"),
]
