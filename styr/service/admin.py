"""Contact-centre cases in the admin: readable, not editable (import with `styr cases import`).

Deleting an import deletes its cases, which is how a wrongly imported file is taken back;
every deletion recounts the stored counts (`refresh_series`) in the same transaction.
"""

from django.contrib import admin
from django.db import transaction

from styr.accounts.admin_site import PolicyModelAdmin
from styr.service.domain import refresh_series
from styr.service.models import ServiceCase, ServiceCaseImport


class RecountsOnDelete:
    """Deleting cases (or their import) recounts their municipalities' stored counts. The
    admin runs these hooks inside its transaction, so the counts change with the cases."""

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_series(obj.municipality_id)

    def delete_queryset(self, request, queryset):
        # The bulk action runs outside the admin's transaction: take one of our own.
        with transaction.atomic():
            municipalities = set(queryset.values_list("municipality_id", flat=True))
            super().delete_queryset(request, queryset)
            for municipality in municipalities:
                refresh_series(municipality)


@admin.register(ServiceCaseImport)
class ServiceCaseImportAdmin(RecountsOnDelete, PolicyModelAdmin):
    list_display = ["file_name", "municipality", "case_count", "generated", "imported_at"]
    list_filter = ["municipality", "generated"]
    list_select_related = ["municipality"]
    search_fields = ["file_name", "sha256"]
    readonly_fields = [
        "municipality",
        "file_name",
        "sha256",
        "case_count",
        "generated",
        "imported_at",
    ]


@admin.register(ServiceCase)
class ServiceCaseAdmin(RecountsOnDelete, PolicyModelAdmin):
    list_display = [
        "received",
        "municipality",
        "channel",
        "requester",
        "category",
        "handled_by",
        "handled_by_contact_centre",
        "resolved_at_first_contact",
    ]
    list_filter = [
        "municipality",
        "requester",
        "handled_by_contact_centre",
        "resolved_at_first_contact",
        "channel",
    ]
    list_select_related = ["municipality"]
    search_fields = ["category", "handled_by", "month"]
    date_hierarchy = "received"
    # Counting tens of thousands of rows for "x of y" is not worth a slow page.
    show_full_result_count = False
    readonly_fields = [
        "batch",
        "municipality",
        "received",
        "month",
        "channel",
        "requester",
        "category",
        "handled_by",
        "handled_by_contact_centre",
        "resolved_at_first_contact",
    ]
