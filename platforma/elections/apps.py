from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "platforma.elections"
    label = "elections"
    verbose_name = _("Elections")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects to members' signals)
