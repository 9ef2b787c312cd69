from django.urls import path

from . import views

app_name = "elections"

urlpatterns = [
    path("", views.election_list, name="election-list"),
    path("<int:pk>/", views.election_detail, name="election-detail"),
    path("<int:pk>/vote/", views.vote, name="election-vote"),
    path("<int:pk>/check/", views.check_tracker, name="election-check"),
    path("<int:pk>/board/", views.board, name="election-board"),
    path("<int:pk>/board.json", views.board_json, name="election-board-json"),
    path("<int:pk>/result.pdf", views.result_pdf, name="election-result-pdf"),
    path(
        "<int:pk>/nominations/<int:nomination>/answer/",
        views.nomination_answer,
        name="nomination-answer",
    ),
    path(
        "<int:pk>/nominations/<int:nomination>/second/",
        views.nomination_second,
        name="nomination-second",
    ),
    path("<int:pk>/proxy/", views.proxy_give, name="proxy-give"),
    path("office/", views.office_list, name="office-list"),
    path("office/<int:pk>/", views.office_detail, name="office-detail"),
    path("office/<int:pk>/edit/", views.office_election_edit, name="office-election-edit"),
    path(
        "office/<int:pk>/nominations/new/",
        views.office_nomination_new,
        name="office-nomination-new",
    ),
    path("<int:pk>/teller/", views.teller_share, name="teller-share"),
    path("office/<int:pk>/tellers/", views.office_tellers, name="office-tellers"),
    path("office/<int:pk>/transition/", views.office_transition, name="office-transition"),
    path("office/<int:pk>/nominations/", views.office_nomination_add, name="office-nomination-add"),
    path(
        "office/<int:pk>/nominations/<int:nomination>/answer/",
        views.office_nomination_answer,
        name="office-nomination-answer",
    ),
    path("office/<int:pk>/proxies/", views.office_proxy_add, name="office-proxy-add"),
    path("office/<int:pk>/paper/", views.office_paper, name="office-paper"),
    path("office/<int:pk>/second-round/", views.office_second_round, name="office-second-round"),
]
