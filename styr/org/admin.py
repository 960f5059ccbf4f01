from django.contrib import admin

from styr.org.models import (
    Body,
    Municipality,
    Person,
    PersonAlias,
    Post,
    Tenure,
    Unit,
    UnitChange,
)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "kolada_id"]
    search_fields = ["name", "kolada_id"]
    prepopulated_fields = {"slug": ["name"]}


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0


class TenureInline(admin.TabularInline):
    model = Tenure
    extra = 0
    autocomplete_fields = ["person", "post"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline, TenureInline]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "leads_unit", "is_director", "valid_from", "valid_to"]
    list_filter = ["is_director", "municipality"]
    search_fields = ["title", "tenures__person__name"]
    autocomplete_fields = ["leads_unit"]
    inlines = [TenureInline]


class UnitChangeInline(admin.StackedInline):
    model = UnitChange
    fk_name = "unit"
    extra = 0
    autocomplete_fields = ["new_parent", "new_responsible_post", "counterpart"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "responsible_post"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "changes__new_name"]
    autocomplete_fields = ["parent", "responsible_post"]
    inlines = [UnitChangeInline]


@admin.register(UnitChange)
class UnitChangeAdmin(admin.ModelAdmin):
    list_display = ["date", "unit", "kind", "note"]
    list_filter = ["kind", "date"]
    search_fields = ["unit__name", "new_name", "note"]
    date_hierarchy = "date"
    autocomplete_fields = ["unit", "new_parent", "new_responsible_post", "counterpart"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "responsible_post", "valid_from", "valid_to"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "remit"]
    autocomplete_fields = ["parent", "responsible_post", "support_unit"]
