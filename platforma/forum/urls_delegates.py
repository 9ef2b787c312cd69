"""The Annual Assembly and its delegates (public pages and the Forum office's)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
