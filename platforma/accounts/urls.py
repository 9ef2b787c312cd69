from django.urls import path

from . import views, views_tokens

app_name = "accounts"

urlpatterns = [
    path("accounts/login/code/", views.second_factor, name="second-factor"),
    path("accounts/login/enrol/", views.enrol, name="enrol"),
    path("accounts/security/", views.security, name="security"),
    path("accounts/api-tokens/", views_tokens.api_tokens, name="api-tokens"),
    path(
        "accounts/api-tokens/<int:pk>/revoke/",
        views_tokens.api_token_revoke,
        name="api-token-revoke",
    ),
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
