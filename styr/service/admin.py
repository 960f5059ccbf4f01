"""Contact-centre cases in the admin: readable, not editable (import with `styr cases import`).

Deleting an import deletes its cases, which is how a wrongly imported file is taken back.
"""

from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin
from styr.service.models import ServiceCase, ServiceCaseImport


@admin.register(ServiceCaseImport)
class ServiceCaseImportAdmin(PolicyModelAdmin):
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
class ServiceCaseAdmin(PolicyModelAdmin):
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
