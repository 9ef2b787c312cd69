from django.urls import path
from django.views.generic import RedirectView

from .main import api

urlpatterns = [
    # /api/ and /api/v1/ lead people to the interactive documentation.
    path("api/", RedirectView.as_view(url="/api/v1/docs", permanent=False), name="api-root"),
    path("api/v1/", RedirectView.as_view(url="/api/v1/docs", permanent=False), name="api-v1-root"),
    path("api/v1/", api.urls),
]
