from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("new/", views.office_meeting_create, name="office-meeting-create"),
    path("decisions/", views.decision_list, name="decision-list"),
    path(
        "decisions/<int:decision>/visibility/",
        views.office_decision_visibility,
        name="office-decision-visibility",
    ),
    path("mandates/", views.mandate_dashboard, name="mandate-dashboard"),
    path("vote/", views.floor_vote_home, name="floor-vote-home"),
    path("<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("<int:pk>/edit/", views.office_meeting_edit, name="office-meeting-edit"),
    path("<int:pk>/open/", views.office_meeting_open, name="office-meeting-open"),
    path("<int:pk>/close/", views.office_meeting_close, name="office-meeting-close"),
    path("<int:pk>/meeting.ics", views.office_meeting_ics, name="office-meeting-ics"),
    path("<int:pk>/convene/", views.meeting_convene, name="meeting-convene"),
    path("<int:pk>/agenda/", views.office_agenda, name="office-agenda"),
    path(
        "<int:pk>/agenda/<int:item>/edit/",
        views.office_agenda_item_edit,
        name="office-agenda-item-edit",
    ),
    path(
        "<int:pk>/agenda/<int:item>/move/",
        views.office_agenda_item_move,
        name="office-agenda-item-move",
    ),
    path(
        "<int:pk>/agenda/<int:item>/remove/",
        views.office_agenda_item_remove,
        name="office-agenda-item-remove",
    ),
    path(
        "<int:pk>/agenda/<int:item>/documents/",
        views.office_agenda_document_add,
        name="office-agenda-document-add",
    ),
    path(
        "<int:pk>/documents/<int:document>/",
        views.office_agenda_document,
        name="office-agenda-document",
    ),
    path(
        "<int:pk>/documents/<int:document>/remove/",
        views.office_agenda_document_remove,
        name="office-agenda-document-remove",
    ),
    path("<int:pk>/attendance/", views.attendance_page, name="attendance"),
    path("<int:pk>/proxies/", views.proxy_page, name="proxies"),
    path("<int:pk>/quorum/", views.quorum_page, name="quorum"),
    path("<int:pk>/quorum.json", views.quorum_json, name="quorum-json"),
    path("<int:pk>/motions/", views.motion_list, name="motion-list"),
    path("<int:pk>/motions/<int:motion>/", views.motion_votes, name="motion-votes"),
    path("<int:pk>/floor/open/", views.office_floor_open, name="office-floor-open"),
    path("<int:pk>/floor/close/", views.office_floor_close, name="office-floor-close"),
    path("<int:pk>/projector/", views.projector, name="projector"),
    path("<int:pk>/projector.json", views.projector_json, name="projector-json"),
    path("<int:pk>/vote/", views.floor_vote, name="floor-vote"),
    path("<int:pk>/vote.json", views.floor_vote_json, name="floor-vote-json"),
    path("<int:pk>/minutes/", views.minutes_page, name="minutes"),
    path("<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes-pdf"),
]
