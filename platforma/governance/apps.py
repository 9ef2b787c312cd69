from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "platforma.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        from platforma.core.permissions import register_coordinated_groups

        from .coordinators import coordinated_groups

        register_coordinated_groups(coordinated_groups)
