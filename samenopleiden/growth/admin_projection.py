"""Admin of the growth module's projection part."""

from django.contrib import admin

from .models import BoardClusterLimit, Scenario


@admin.register(Scenario)
class ScenarioAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership", "horizon", "updated_at"]
    list_filter = ["partnership"]
    search_fields = ["name"]


@admin.register(BoardClusterLimit)
class BoardClusterLimitAdmin(admin.ModelAdmin):
    list_display = ["board", "partnership", "max_clusters"]
    list_filter = ["partnership"]
