"""Admin of the conversations module's board part: the boards with their post-its, options and tables, for the
platform administrator to look into (the facilitator works on the board pages themselves)."""

from django.contrib import admin

from .models import Board, PostIt, VoteOption


class PostItInline(admin.TabularInline):
    model = PostIt
    extra = 0
    fields = ["colour", "text", "group"]
    raw_id_fields = ["group"]


class VoteOptionInline(admin.TabularInline):
    model = VoteOption
    extra = 0
    fields = ["position", "title", "dilemma", "chosen"]


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["session", "partnership", "voting", "placemat_open", "revision"]
    list_filter = ["voting", "placemat_open"]
    readonly_fields = ["revision", "layout_revision", "votes_revision"]
    raw_id_fields = ["session"]
    inlines = [PostItInline, VoteOptionInline]
