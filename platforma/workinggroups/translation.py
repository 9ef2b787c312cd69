from modeltranslation.translator import TranslationOptions, register

from .models import ForumWorkingGroup, WorkingGroup


@register(ForumWorkingGroup)
class ForumWorkingGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name", "description")
