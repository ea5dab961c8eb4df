"""Admin of the conversations module's assessment part: the platform's content (success factors, barriers,
dilemmas) and the curation of good practices. Responses are anonymous and are not shown here."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import services_assessment as services
from .models import AssessmentRound, Barrier, Dilemma, FactorGroup, GoodPractice, Statement


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["position", "key", "text", "active"]


@admin.register(FactorGroup)
class FactorGroupAdmin(admin.ModelAdmin):
    list_display = ["title", "position", "active"]
    inlines = [StatementInline]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["text", "group", "position", "active"]
    list_filter = ["group", "active"]
    search_fields = ["text", "key"]


@admin.register(Barrier)
class BarrierAdmin(admin.ModelAdmin):
    list_display = ["text", "position", "active"]


@admin.register(Dilemma)
class DilemmaAdmin(admin.ModelAdmin):
    list_display = ["title", "position"]


@admin.register(AssessmentRound)
class AssessmentRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "opened_on", "closes_on", "closed_on"]
    list_filter = ["partnership"]
    exclude = ["token"]
    raw_id_fields = ["session", "created_by"]


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "dilemma", "partnership", "status", "created_at"]
    list_filter = ["status", "dilemma"]
    search_fields = ["title", "what_we_did"]
    raw_id_fields = ["proposed_by", "reviewed_by"]
    actions = ["approve", "reject"]

    @admin.action(description=_("Opnemen in de bibliotheek"))
    def approve(self, request, queryset):
        for practice in queryset:
            services.practice_review(practice=practice, approve=True, actor=request.user)
        messages.success(request, _("De gekozen voorbeelden zijn opgenomen."))

    @admin.action(description=_("Niet opnemen"))
    def reject(self, request, queryset):
        for practice in queryset:
            services.practice_review(
                practice=practice,
                approve=False,
                note=str(_("Niet opgenomen door de platformbeheerder.")),
                actor=request.user,
            )
        messages.success(request, _("De gekozen voorbeelden zijn niet opgenomen."))
