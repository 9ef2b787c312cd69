from django.urls import path

from . import views
from .views import calendar_month

app_name = "activities"

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("calendar.ics", views.feed_ics, name="feed-ics"),
    path("calendar/<slug:group>.ics", views.feed_ics, name="feed-wg-ics"),
    # The month view (a grid; a list of days on a phone).
    path("calendar/", calendar_month.this_month, name="calendar"),
    path(
        "calendar/<int:year>/<int:month_number>/",
        calendar_month.month_view,
        name="calendar-month",
    ),
    path("<int:pk>/", views.event_detail, name="event-detail"),
    path("<int:pk>/register/", views.event_register, name="event-register"),
    path("<int:pk>/register/sent/", views.registration_sent, name="event-registration-sent"),
    path("confirm/<str:token>/", views.registration_confirm, name="registration-confirm"),
    path("<int:pk>/event.ics", views.event_ics, name="event-ics"),
    path("<int:pk>/check-in/", views.event_checkin, name="event-checkin"),
    path("<int:pk>/files/<int:file_pk>/", views.event_file, name="event-file"),
    path("registration/<str:token>/", views.registration_detail, name="registration-detail"),
    path("registration/<str:token>/cancel/", views.registration_cancel, name="registration-cancel"),
    path(
        "registration/<str:token>/consent/",
        views.registration_consent,
        name="registration-consent",
    ),
    path("registration/<str:token>/event.ics", views.registration_ics, name="registration-ics"),
    # The organisers' office.
    path("office/", views.office_event_list, name="office-event-list"),
    path("office/new/", views.event_create, name="office-event-create"),
    path("office/kinds/", views.event_kinds, name="office-eventkind-list"),
    path("office/<int:pk>/", views.event_edit, name="office-event-edit"),
    path("office/<int:pk>/cancel/", views.event_cancel, name="office-event-cancel"),
    path("office/<int:pk>/files/", views.event_files, name="office-event-files"),
    path(
        "office/<int:pk>/files/<int:file_pk>/publish/",
        views.event_file_update,
        name="office-event-file-update",
    ),
    path(
        "office/<int:pk>/files/<int:file_pk>/remove/",
        views.event_file_remove,
        name="office-event-file-remove",
    ),
    path(
        "office/<int:pk>/registrations/",
        views.event_registrations,
        name="office-event-registrations",
    ),
    path(
        "office/<int:pk>/registrations/add/",
        views.registration_add,
        name="office-registration-add",
    ),
    path(
        "office/<int:pk>/registrations/export.<str:fmt>",
        views.registrations_export,
        name="office-registration-export",
    ),
    path(
        "office/<int:pk>/registrations/<int:registration_pk>/cancel/",
        views.office_registration_cancel,
        name="office-registration-cancel",
    ),
    path("office/<int:pk>/message/", views.event_message, name="office-event-message"),
]
