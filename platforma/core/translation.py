from modeltranslation.translator import TranslationOptions, register

from .models import Person, Platform, Statute


@register(Platform)
class PlatformTranslation(TranslationOptions):
    fields = ("name", "description", "country")


@register(Statute)
class StatuteTranslation(TranslationOptions):
    fields = ("title",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("first_name", "last_name")
