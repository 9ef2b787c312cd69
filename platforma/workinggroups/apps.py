from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkinggroupsConfig(AppConfig):
    name = "platforma.workinggroups"
    label = "workinggroups"
    verbose_name = _("Working groups")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects to members' signals)
