from django.contrib import admin

from .models import HistoryEntry


@admin.register(HistoryEntry)
class HistoryEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "partnership", "object_type", "object_repr", "action"]
    list_filter = ["action", "object_type"]
    readonly_fields = [f.name for f in HistoryEntry._meta.fields]

    def has_add_permission(self, request):  # history is written by the services only
        return False

    def has_change_permission(self, request, obj=None):
        return False
