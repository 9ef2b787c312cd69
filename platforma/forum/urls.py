"""The Forum's pages under /<lang>/forum/ (anything else falls through to the platform patterns
with the slug ``forum``: the Forum's meetings, elections and transparency pages)."""

from django.urls import path

from . import urls_delegates
from .views import public

app_name = "forum"

urlpatterns = [
    path("", public.forum_home, name="home"),
    path("steering-committee/", public.steering_committee_page, name="steering-committee"),
    path("working-groups/", public.working_group_list, name="workinggroup-list"),
    path("working-groups/<int:number>/", public.working_group_detail, name="workinggroup-detail"),
    # The Annual Assembly, its call for delegates and the Forum office's pages for them.
    *urls_delegates.urlpatterns,
]
