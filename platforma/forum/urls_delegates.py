"""The Annual Assembly and its delegates (public pages and the Forum office's)."""

from django.urls import path

from .views import delegates

urlpatterns = [
    path("assembly/<int:year>/", delegates.assembly_page, name="assembly"),
    path("assembly/<int:year>/apply/", delegates.assembly_apply, name="assembly-apply"),
    path("office/assembly/", delegates.office_assembly_list, name="office-assembly-list"),
    path("office/assembly/<int:year>/", delegates.office_assembly, name="office-assembly"),
    path(
        "office/assembly/<int:year>/edit/",
        delegates.office_assembly_edit,
        name="office-assembly-edit",
    ),
    path(
        "office/assembly/<int:year>/do/<slug:action>/",
        delegates.office_assembly_action,
        name="office-assembly-action",
    ),
    path(
        "office/assembly/<int:year>/ranking/<slug:slug>/",
        delegates.office_assembly_ranking,
        name="office-assembly-ranking",
    ),
    path(
        "office/assembly/<int:year>/applications/<int:pk>/",
        delegates.office_assembly_application,
        name="office-assembly-application",
    ),
]
