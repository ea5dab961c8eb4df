"""Django admin for platform administrators. Partnerships maintain their own data in the app itself."""

from django.contrib import admin

from . import models as m


@admin.register(m.Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "sector_po", "sector_vo", "sector_mbo"]
    list_filter = ["status", "regions"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["regions"]
    raw_id_fields = ["lead_member"]


@admin.register(m.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(m.SchoolBoard)
class SchoolBoardAdmin(admin.ModelAdmin):
    search_fields = ["name", "authority_code"]


@admin.register(m.School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "brin", "branch_code", "city", "board"]
    search_fields = ["name", "brin", "city"]
    raw_id_fields = ["board"]


class ProgrammeInline(admin.TabularInline):
    model = m.Programme
    extra = 0


@admin.register(m.Institute)
class InstituteAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level"]
    search_fields = ["name", "code"]
    inlines = [ProgrammeInline]


@admin.register(m.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "email", "partnership"]
    search_fields = ["last_name", "email"]
    list_filter = ["partnership"]
    raw_id_fields = ["school", "institute", "user"]


@admin.register(m.RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "partnership", "cluster"]
    list_filter = ["role", "partnership"]
    raw_id_fields = ["person", "cluster"]
