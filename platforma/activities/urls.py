from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("calendar.ics", views.feed_ics, name="feed-ics"),
    path("calendar/<slug:group>.ics", views.feed_ics, name="feed-wg-ics"),
    path("<int:pk>/", views.event_detail, name="event-detail"),
    path("<int:pk>/register/", views.event_register, name="event-register"),
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
    path("bench/hello/", views.bench_hello, name="bench-hello"),
]
