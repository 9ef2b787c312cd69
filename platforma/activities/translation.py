from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventFile, EventKind


@register(EventKind)
class EventKindTranslation(TranslationOptions):
    fields = ("name",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "aims", "outcomes", "city", "venue", "partners", "donors")


@register(EventFile)
class EventFileTranslation(TranslationOptions):
    fields = ("caption",)
