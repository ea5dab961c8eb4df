"""Admin of the conversations module's session part: the platform administrator keeps the platform's guides
(themes, questions, checklist) and may add new ones; sessions are shown for support."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ChecklistItem, Guide, GuideQuestion, GuideTheme, Participant, Session


class ThemeInline(admin.TabularInline):
    model = GuideTheme
    extra = 0
    fields = ["position", "title", "core_question"]
    show_change_link = True


class ChecklistInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0
    fields = ["position", "text", "data_key"]


class QuestionInline(admin.TabularInline):
    model = GuideQuestion
    extra = 0
    fields = ["position", "text", "sub_questions"]


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "partnership", "copied_from"]
    list_filter = [("partnership", admin.EmptyFieldListFilter)]
    search_fields = ["title", "key"]
    fields = ["title", "key", "purpose", "source", "partnership", "copied_from"]
    readonly_fields = ["copied_from"]
    inlines = [ThemeInline, ChecklistInline]

    def save_formset(self, request, form, formset, change):
        # child rows carry the guide's partnership (None for a platform guide)
        for obj in formset.save(commit=False):
            obj.partnership = form.instance.partnership
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(GuideTheme)
class GuideThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "guide", "position"]
    list_filter = ["guide"]
    fields = ["guide", "position", "title", "core_question"]
    inlines = [QuestionInline]

    def save_model(self, request, obj, form, change):
        obj.partnership = obj.guide.partnership
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for obj in formset.save(commit=False):
            obj.partnership = form.instance.partnership
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    fields = ["name", "person", "perspective", "level"]
    raw_id_fields = ["person"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "date", "status", "guide"]
    list_filter = ["status", "partnership"]
    search_fields = ["title"]
    raw_id_fields = ["facilitator", "current_question"]
    readonly_fields = ["code"]
    inlines = [ParticipantInline]

    @admin.display(description=_("deelnemers"))
    def participant_count(self, obj):
        return obj.participants.count()
