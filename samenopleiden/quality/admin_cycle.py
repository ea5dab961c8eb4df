"""Admin of the quality module's cycle part. The platform administrator keeps the criteria a region shares here;
everything else is kept by the partnerships in their own pages (read-only lists here, for support)."""

from django.contrib import admin

from .models import CertificationCriterion, PeerReview, QualityGoal, SchoolCertification, Survey


@admin.register(CertificationCriterion)
class CertificationCriterionAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "partnership", "order", "active"]
    list_filter = ["region", "active"]
    search_fields = ["title"]


@admin.register(QualityGoal)
class QualityGoalAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "safeguard", "deadline"]
    list_filter = ["safeguard"]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "school_year", "opens_on", "closes_on"]


@admin.register(PeerReview)
class PeerReviewAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "planned_on", "outcome"]


@admin.register(SchoolCertification)
class SchoolCertificationAdmin(admin.ModelAdmin):
    list_display = ["school", "partnership", "assessed_on", "outcome", "valid_until"]
