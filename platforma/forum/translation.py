from modeltranslation.translator import TranslationOptions, register

from .models import AnnualAssembly


@register(AnnualAssembly)
class AnnualAssemblyTranslation(TranslationOptions):
    fields = ("title", "place", "description")
