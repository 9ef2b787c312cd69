from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("decisions/", views.decision_list, name="decision-list"),
    path("mandates/", views.mandate_dashboard, name="mandate-dashboard"),
    path("<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("<int:pk>/convene/", views.meeting_convene, name="meeting-convene"),
    path("<int:pk>/attendance/", views.attendance_page, name="attendance"),
    path("<int:pk>/proxies/", views.proxy_page, name="proxies"),
    path("<int:pk>/quorum/", views.quorum_page, name="quorum"),
    path("<int:pk>/quorum.json", views.quorum_json, name="quorum-json"),
    path("<int:pk>/motions/", views.motion_list, name="motion-list"),
    path("<int:pk>/motions/<int:motion>/", views.motion_votes, name="motion-votes"),
    path("<int:pk>/minutes/", views.minutes_page, name="minutes"),
    path("<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes-pdf"),
]
