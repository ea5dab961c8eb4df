from django.contrib import admin

from .models import Action


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "owner", "deadline", "status", "source_label"]
    list_filter = ["status", "partnership"]
    search_fields = ["title", "source_label"]
    raw_id_fields = ["owner", "created_by"]
