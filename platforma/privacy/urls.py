from django.urls import URLPattern, URLResolver, path

from .views import office, public

app_name = "privacy"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.request_link, name="request"),
    path("link/<str:token>/", public.access, name="access"),
    path("link/<str:token>/copy.zip", public.access_download, name="access-download"),
    path("link/<str:token>/erase/", public.access_erase, name="access-erase"),
    path("office/", office.request_list, name="office-request-list"),
    path("office/<int:pk>/", office.request_detail, name="office-request-detail"),
    path("office/<int:pk>/approve/", office.request_approve, name="office-request-approve"),
    path("office/<int:pk>/refuse/", office.request_refuse, name="office-request-refuse"),
]
