from django.urls import path

from . import views
from .feeds import PublicationsFeed

app_name = "publications"

urlpatterns = [
    path("", views.publication_list, name="publication-list"),
    path("feed.atom", PublicationsFeed(), name="feed-atom"),
    path("search/", views.search, name="search"),
    path("<int:pk>/", views.publication_detail, name="publication-detail"),
    path("files/<int:pk>/", views.version_download, name="version-download"),
    path("files/<int:pk>/cover.png", views.version_cover, name="version-cover"),
]
