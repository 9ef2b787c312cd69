from django.urls import URLPattern, URLResolver, path

from .views import office, public

app_name = "outreach"

urlpatterns: list[URLPattern | URLResolver] = [
    path("unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("office/", office.mailing_list, name="office-mailing-list"),
    path("office/new/", office.mailing_create, name="office-mailing-create"),
    path("office/<int:pk>/", office.mailing_detail, name="office-mailing-detail"),
    path("office/<int:pk>/edit/", office.mailing_edit, name="office-mailing-edit"),
    path("office/<int:pk>/preview/", office.mailing_preview, name="office-mailing-preview"),
    path("office/<int:pk>/test/", office.mailing_test, name="office-mailing-test"),
    path("office/<int:pk>/send/", office.mailing_send, name="office-mailing-send"),
    path("office/<int:pk>/cancel/", office.mailing_cancel, name="office-mailing-cancel"),
    path("office/<int:pk>/resume/", office.mailing_resume, name="office-mailing-resume"),
    path(
        "office/recipients/<int:pk>/bounce/",
        office.recipient_bounce,
        name="office-recipient-bounce",
    ),
]
