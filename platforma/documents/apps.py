from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "platforma.documents"
    label = "documents"
    verbose_name = _("Built documents")

    def ready(self) -> None:
        # Each app that has slow PDFs registers its kinds in its ``pdf`` module (as the admin
        # finds ``admin`` modules): this app, below them in the layers, never imports them, and
        # the worker, which loads no URLconf, knows every kind.
        autodiscover_modules("pdf")
