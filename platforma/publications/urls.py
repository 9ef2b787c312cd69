from django.urls import path

from . import views
from .feeds import PublicationsFeed
from .views import mailing, office, stakeholders

app_name = "publications"

urlpatterns = [
    path("", views.publication_list, name="publication-list"),
    path("feed.atom", PublicationsFeed(), name="feed-atom"),
    path("search/", views.search, name="search"),
    path("<int:pk>/", views.publication_detail, name="publication-detail"),
    path("files/<int:pk>/", views.version_download, name="version-download"),
    path("files/<int:pk>/cover.png", views.version_cover, name="version-cover"),
    # The secretariat's office.
    path("office/", office.publication_list, name="office-publication-list"),
    path("office/new/", office.publication_create, name="office-publication-create"),
    path("office/<int:pk>/", office.publication_edit, name="office-publication-edit"),
    path("office/<int:pk>/files/", office.version_add, name="office-version-add"),
    path("office/files/<int:pk>/remove/", office.version_remove, name="office-version-remove"),
    path("office/<int:pk>/signatures/", office.signature_add, name="office-signature-add"),
    path(
        "office/signatures/<int:pk>/remove/",
        office.signature_remove,
        name="office-signature-remove",
    ),
    path(
        "office/<int:pk>/distributions/new/",
        office.distribution_create,
        name="office-distribution-create",
    ),
    path(
        "office/<int:pk>/distributions/aggregate/",
        office.distribution_aggregate,
        name="office-distribution-aggregate",
    ),
    path(
        "office/distributions/<int:pk>/remove/",
        office.distribution_remove,
        name="office-distribution-remove",
    ),
    path("office/<int:pk>/email/", mailing.distribution_email, name="office-distribution-email"),
    path("office/stakeholders/", stakeholders.stakeholder_list, name="office-stakeholder-list"),
    path(
        "office/stakeholders/new/",
        stakeholders.stakeholder_create,
        name="office-stakeholder-create",
    ),
    path(
        "office/stakeholders/import/",
        stakeholders.stakeholder_import,
        name="office-stakeholder-import",
    ),
    path(
        "office/stakeholders/<int:pk>/",
        stakeholders.stakeholder_edit,
        name="office-stakeholder-edit",
    ),
    path(
        "office/stakeholders/export.<str:fmt>",
        stakeholders.stakeholder_export,
        name="office-stakeholder-export",
    ),
    path(
        "office/stakeholders/<int:pk>/delete/",
        stakeholders.stakeholder_delete,
        name="office-stakeholder-delete",
    ),
    path(
        "office/stakeholders/duplicates/",
        stakeholders.stakeholder_duplicates,
        name="office-stakeholder-duplicates",
    ),
    path(
        "office/stakeholders/<int:pk>/merge/<int:other>/",
        stakeholders.stakeholder_merge,
        name="office-stakeholder-merge",
    ),
]
