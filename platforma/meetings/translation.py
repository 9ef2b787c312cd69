from modeltranslation.translator import TranslationOptions, register

from .models import AgendaDocument, AgendaItem, Decision, Meeting, Motion


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "place")


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "description")


@register(AgendaDocument)
class AgendaDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(Motion)
class MotionTranslation(TranslationOptions):
    fields = ("title", "text")


@register(Decision)
class DecisionTranslation(TranslationOptions):
    fields = ("title", "text")
