from django.apps import AppConfig
from django.core.signals import setting_changed
from django.utils.translation import gettext_lazy as _

# The header's links are cached per process (templatetags/site_nav.py, context_processors.py);
# they change only with these settings, which tests may override.
URL_SETTINGS = {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "PREFIX_DEFAULT_LANGUAGE"}


def _forget_links(*, setting, **kwargs) -> None:
    if setting in URL_SETTINGS:
        from . import context_processors
        from .templatetags import site_nav

        site_nav._nav.cache_clear()
        context_processors._translated_path.cache_clear()


class WebsiteConfig(AppConfig):
    name = "platforma.website"
    label = "website"
    verbose_name = _("Website")

    def ready(self) -> None:
        setting_changed.connect(_forget_links, dispatch_uid="website-forget-links")
