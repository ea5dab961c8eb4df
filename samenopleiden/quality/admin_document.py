"""Admin of the quality module's document part: the framework (safeguards, elements, minimum items) is platform data
that the platform administrator edits here; the partnerships' core documents are read here for support."""

from django.contrib import admin

from .models import (
    CoreDocument,
    CoreSection,
    DocumentApproval,
    Element,
    FacilitationNorm,
    FeedbackRound,
    MinimumItem,
    Safeguard,
)


class ElementInline(admin.StackedInline):
    model = Element
    extra = 0
    fields = ["code", "order", "name", "description", "questions", "tips", "suggested_words"]


@admin.register(Safeguard)
class SafeguardAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "code"]
    inlines = [ElementInline]


@admin.register(Element)
class ElementAdmin(admin.ModelAdmin):
    list_display = ["name", "safeguard", "order", "suggested_words"]
    list_filter = ["safeguard"]
    search_fields = ["name", "questions", "tips"]


@admin.register(MinimumItem)
class MinimumItemAdmin(admin.ModelAdmin):
    list_display = ["order", "text", "code"]


@admin.register(FacilitationNorm)
class FacilitationNormAdmin(admin.ModelAdmin):
    list_display = ["partnership", "role", "hours_per_student"]
    list_filter = ["partnership"]


class SectionInline(admin.TabularInline):
    model = CoreSection
    extra = 0
    fields = ["title", "safeguard", "element", "status", "writer"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(CoreDocument)
class CoreDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "target_date", "updated_at"]
    readonly_fields = ["version"]
    inlines = [SectionInline]


@admin.register(CoreSection)
class CoreSectionAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "safeguard", "status"]
    list_filter = ["status", "safeguard"]


@admin.register(FeedbackRound)
class FeedbackRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "deadline"]


@admin.register(DocumentApproval)
class DocumentApprovalAdmin(admin.ModelAdmin):
    list_display = ["document", "version_label", "approved_on", "approved_by"]
