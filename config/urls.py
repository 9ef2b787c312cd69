from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Platforma back office")
admin.site.site_title = _("Platforma")
admin.site.index_title = _("Back office")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    # Each domain app serves its pages under a platform: /<lang>/<platform>/<section>/...
    path("<slug:platform>/activities/", include("platforma.activities.urls")),
    path("<slug:platform>/publications/", include("platforma.publications.urls")),
    path("<slug:platform>/meetings/", include("platforma.meetings.urls")),
    path("", include("platforma.website.urls")),
)
