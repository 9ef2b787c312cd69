from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("accounts/login/code/", views.second_factor, name="second-factor"),
    path("accounts/login/enrol/", views.enrol, name="enrol"),
    path("accounts/security/", views.security, name="security"),
    path(
        "<slug:platform>/office/accounts/lockouts/",
        views.office_lockout_list,
        name="office-lockout-list",
    ),
    path(
        "<slug:platform>/office/accounts/lockouts/release/",
        views.office_lockout_release,
        name="office-lockout-release",
    ),
]
