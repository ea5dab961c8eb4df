from django.contrib import admin

from .models import AllocationKey, AllocationShare, CoverageTarget, FundingRate, InstituteEnrolment, RetentionRule


@admin.register(FundingRate)
class FundingRateAdmin(admin.ModelAdmin):
    list_display = [
        "school_year",
        "count_date",
        "fixed_amount",
        "per_student_amount",
        "minimum_students",
        "aspirant_fixed_amount",
        "national_budget",
        "national_requested",
    ]


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):
    list_display = ["record_type", "months"]


# --- subsidy and coverage --------------------------------------------------------------------------------------


class AllocationShareInline(admin.TabularInline):
    model = AllocationShare
    fields = ["membership", "share"]
    raw_id_fields = ["membership"]
    extra = 0


@admin.register(AllocationKey)
class AllocationKeyAdmin(admin.ModelAdmin):
    list_display = ["partnership", "central_share", "weight_students", "weight_clusters", "weight_fixed", "updated_at"]
    search_fields = ["partnership__name"]
    raw_id_fields = ["partnership"]
    inlines = [AllocationShareInline]

    def save_formset(self, request, form, formset, change):  # type: ignore[no-untyped-def]
        """A share carries the key's partnership (the walk tests and every lookup filter on it)."""
        for share in formset.save(commit=False):
            share.partnership = form.instance.partnership
            share.save()
        for share in formset.deleted_objects:
            share.delete()


@admin.register(InstituteEnrolment)
class InstituteEnrolmentAdmin(admin.ModelAdmin):
    list_display = ["institute", "school_year", "programme", "mode", "sector", "subject", "total", "updated_by"]
    list_filter = ["school_year", "mode", "sector"]
    search_fields = ["institute__name", "programme", "subject"]
    raw_id_fields = ["institute", "updated_by"]


@admin.register(CoverageTarget)
class CoverageTargetAdmin(admin.ModelAdmin):
    list_display = ["__str__", "partnership", "region", "target_year", "target_share"]
    raw_id_fields = ["partnership"]
