from django.contrib import admin

from .models import CapacityOffer, MatchingRound, Placement, PostcodeArea, SubjectStatus


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(admin.ModelAdmin):
    list_display = ["code", "place", "latitude", "longitude"]
    search_fields = ["code", "place"]


@admin.register(SubjectStatus)
class SubjectStatusAdmin(admin.ModelAdmin):
    list_display = ["subject", "status", "partnership", "region"]
    list_filter = ["status"]


@admin.register(CapacityOffer)
class CapacityOfferAdmin(admin.ModelAdmin):
    list_display = ["school", "subject", "places", "school_year", "period", "partnership"]
    list_filter = ["school_year", "period"]
    raw_id_fields = ["school"]


@admin.register(MatchingRound)
class MatchingRoundAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership", "school_year", "period", "mode", "status"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["student", "school", "period", "partnership"]
    raw_id_fields = ["student", "school", "offer", "cluster", "round"]
