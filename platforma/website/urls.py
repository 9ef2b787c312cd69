from django.urls import path

from . import outbox, views

app_name = "website"

urlpatterns = [
    path("", views.platform_list, name="platform-list"),
    path("<slug:platform>/", views.platform_home, name="platform-home"),
    path("<slug:platform>/members/", views.member_list, name="member-list"),
    path("<slug:platform>/working-groups/", views.working_group_list, name="workinggroup-list"),
    path(
        "<slug:platform>/working-groups/<slug:group>/",
        views.working_group_detail,
        name="workinggroup-detail",
    ),
    path("<slug:platform>/governance/", views.governance_page, name="governance"),
    # "forum" (a reserved slug) is the Forum's own record.
    path("<slug:platform>/transparency/", views.transparency, name="transparency"),
    path("<slug:platform>/office/mail/", outbox.outgoing_mail_list, name="office-mail-list"),
    path(
        "<slug:platform>/office/mail/<int:pk>/retry/",
        outbox.outgoing_mail_retry_view,
        name="office-mail-retry",
    ),
]
