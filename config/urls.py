from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext_lazy as _

from platforma.accounts import views as account_views
from platforma.website import accounts

admin.site.site_header = _("Platforma back office")
admin.site.site_title = _("Platforma")
admin.site.index_title = _("Back office")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", healthz, name="healthz"),
    # The REST API: one address for every language (?lang= or Accept-Language).
    path("", include("platforma.api.urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path(
        "accounts/login/",
        account_views.LoginView.as_view(),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/home/", accounts.account_home, name="account-home"),
    path("accounts/notifications/", include("platforma.notifications.urls")),
    path(
        "accounts/invitation/<uidb64>/<token>/",
        accounts.InvitationAcceptView.as_view(),
        name="invitation-accept",
    ),
    path("accounts/password-reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        accounts.password_reset_done,
        name="password_reset_done",
    ),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    # The second factor, the account's security page, the office's lockouts.
    path("", include("platforma.accounts.urls")),
    # The Forum's own pages; the rest of /forum/... is the Forum row's platform pages.
    path("forum/", include("platforma.forum.urls")),
    # Each domain app serves its pages under a platform: /<lang>/<platform>/<section>/...
    path("<slug:platform>/activities/", include("platforma.activities.urls")),
    path("<slug:platform>/publications/", include("platforma.publications.urls")),
    path("<slug:platform>/mailings/", include("platforma.outreach.urls")),
    path("<slug:platform>/privacy/", include("platforma.privacy.urls")),
    path("<slug:platform>/meetings/", include("platforma.meetings.urls")),
    path("<slug:platform>/elections/", include("platforma.elections.urls")),
    path("<slug:platform>/reports/", include("platforma.reports.urls")),
    path("<slug:platform>/office/governance/", include("platforma.governance.urls")),
    path("<slug:platform>/office/working-groups/", include("platforma.workinggroups.urls")),
    path("<slug:platform>/", include("platforma.members.urls")),
    path("", include("platforma.website.urls")),
)
