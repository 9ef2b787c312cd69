from modeltranslation.translator import TranslationOptions, register

from .models import Distribution, Publication


@register(Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title", "abstract")


@register(Distribution)
class DistributionTranslation(TranslationOptions):
    fields = ("note",)
