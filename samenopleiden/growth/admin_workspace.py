"""Admin of the growth module's workspace part. The variants and the joining process template are platform-wide
rows the platform administrator keeps here; the partnership rows are listed for support."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    Candidate,
    GrowthProfile,
    GrowthVariant,
    OnboardingStepTemplate,
    PlacesForecast,
    RegionalTable,
    VariantScore,
)


@admin.register(GrowthVariant)
class GrowthVariantAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "code", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "code"]
    fieldsets = [
        (None, {"fields": ["name", "code", "order", "is_active", "summary"]}),
        (
            _("Overwegingen (één per regel)"),
            {"fields": ["governance", "finance", "organisation", "support", "quality"]},
        ),
        (_("Afweging (één per regel)"), {"fields": ["advantages", "disadvantages", "questions"]}),
    ]


@admin.register(OnboardingStepTemplate)
class OnboardingStepTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "order", "rule", "days", "month", "day", "is_active"]
    list_editable = ["order", "is_active"]


@admin.register(VariantScore)
class VariantScoreAdmin(admin.ModelAdmin):
    list_display = ["variant", "partnership", "fit"]
    list_filter = ["variant", "partnership"]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership", "kind", "start_year", "status"]
    list_filter = ["status", "partnership"]
    search_fields = ["name"]
    raw_id_fields = ["owner"]


admin.site.register(GrowthProfile)
admin.site.register(PlacesForecast)
admin.site.register(RegionalTable)
