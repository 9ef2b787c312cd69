from modeltranslation.translator import TranslationOptions, register

from .models import Body, Office


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name",)
