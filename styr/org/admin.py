from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin, PolicyStackedInline, PolicyTabularInline
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
class MunicipalityAdmin(PolicyModelAdmin):
    list_display = ["name", "kolada_id"]
    search_fields = ["name", "kolada_id"]
    prepopulated_fields = {"slug": ["name"]}


class PersonAliasInline(PolicyTabularInline):
    model = PersonAlias
    extra = 0


class TenureInline(PolicyTabularInline):
    model = Tenure
    extra = 0
    autocomplete_fields = ["person", "post"]


@admin.register(Person)
class PersonAdmin(PolicyModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name", "aliases__name", "email", "employee_number"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline, TenureInline]


@admin.register(Post)
class PostAdmin(PolicyModelAdmin):
    list_display = ["title", "leads_unit", "is_director", "valid_from", "valid_to"]
    list_filter = ["is_director", "municipality"]
    search_fields = ["title", "tenures__person__name"]
    autocomplete_fields = ["leads_unit"]
    inlines = [TenureInline]


class UnitChangeInline(PolicyStackedInline):
    model = UnitChange
    fk_name = "unit"
    extra = 0
    autocomplete_fields = ["new_parent", "new_responsible_post", "counterpart"]


@admin.register(Unit)
class UnitAdmin(PolicyModelAdmin):
    list_display = ["name", "kind", "parent", "responsible_post"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "changes__new_name"]
    autocomplete_fields = ["parent", "responsible_post"]
    inlines = [UnitChangeInline]


@admin.register(UnitChange)
class UnitChangeAdmin(PolicyModelAdmin):
    list_display = ["date", "unit", "kind", "note"]
    list_filter = ["kind", "date"]
    search_fields = ["unit__name", "new_name", "note"]
    date_hierarchy = "date"
    autocomplete_fields = ["unit", "new_parent", "new_responsible_post", "counterpart"]


@admin.register(Body)
class BodyAdmin(PolicyModelAdmin):
    list_display = ["name", "kind", "parent", "responsible_post", "valid_from", "valid_to"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "remit"]
    autocomplete_fields = ["parent", "responsible_post", "support_unit"]
