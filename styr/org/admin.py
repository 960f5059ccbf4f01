from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin, PolicyStackedInline, PolicyTabularInline
from styr.org.kolada_id import kolada_id_changed
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)  # the policy's check, then the save
        if change and "kolada_id" in form.changed_data:
            # The goal pages' stored Kolada values follow, in the admin's transaction.
            kolada_id_changed(obj)


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
