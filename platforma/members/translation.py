from modeltranslation.translator import TranslationOptions, register

from .models import Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("legal_name", "short_name", "city", "address", "fields_of_work", "description")
