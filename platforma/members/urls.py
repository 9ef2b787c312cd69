from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("join/", views.join, name="join"),
    path("join/status/<str:token>/", views.application_status, name="application-status"),
    path(
        "recommendations/<str:token>/",
        views.recommendation_respond,
        name="recommendation-respond",
    ),
    path("my-organisation/", views.my_organisation, name="my-organisation"),
    path("my-organisation/appeals/", views.my_appeals, name="my-appeals"),
    path("my-organisation/appeals/<int:pk>/", views.my_appeal_lodge, name="my-appeal-lodge"),
    path("office/", views.office_home, name="office-home"),
    path("office/applications/", views.application_list, name="office-application-list"),
    path(
        "office/applications/<int:pk>/",
        views.application_detail,
        name="office-application-detail",
    ),
    path(
        "office/applications/<int:pk>/review/",
        views.application_review,
        name="office-application-review",
    ),
    path(
        "office/applications/<int:pk>/opinion/",
        views.application_opinion,
        name="office-application-opinion",
    ),
    path(
        "office/applications/<int:pk>/decide/",
        views.application_decide,
        name="office-application-decide",
    ),
    path("office/appeals/", views.appeal_list, name="office-appeal-list"),
    path("office/appeals/<int:pk>/", views.appeal_detail, name="office-appeal-detail"),
    path("office/appeals/<int:pk>/decide/", views.appeal_decide, name="office-appeal-decide"),
    path("office/documents/<int:pk>/", views.document_download, name="office-document"),
    path("office/members/", views.office_member_list, name="office-member-list"),
    path("office/members/export.<str:fmt>", views.member_export, name="office-member-export"),
    path("office/members/import/", views.member_import, name="office-member-import"),
    path("office/members/<int:pk>/", views.membership_detail, name="office-membership-detail"),
    path(
        "office/members/<int:pk>/status/",
        views.membership_transition,
        name="office-membership-transition",
    ),
    path(
        "office/members/<int:pk>/appeal/",
        views.membership_appeal_record,
        name="office-membership-appeal-record",
    ),
    path(
        "office/members/<int:pk>/invite/",
        views.membership_invite,
        name="office-membership-invite",
    ),
    path("office/persons/", views.person_list, name="office-person-list"),
    path("office/persons/new/", views.person_create, name="office-person-create"),
    path("office/persons/<int:pk>/", views.person_edit, name="office-person-edit"),
    path(
        "office/representatives/new/",
        views.representative_assign,
        name="office-representative-assign",
    ),
    path(
        "office/representatives/<int:pk>/end/",
        views.representative_end,
        name="office-representative-end",
    ),
    path(
        "office/changes/<int:pk>/decide/",
        views.change_request_decide,
        name="office-change-decide",
    ),
]
