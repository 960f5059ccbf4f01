"""Published reports in the admin: readable, never editable (publish from the plan page).

Like every admin, it asks the policy, which never allows adding, changing or deleting a
published report or file: a new version is published instead, with its reason.
"""

from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin, PolicyTabularInline
from styr.plans.admin import VisiblePlansMixin
from styr.reports.models import PublishedFile, PublishedReport


class PublishedFileInline(PolicyTabularInline):
    model = PublishedFile
    fields = readonly_fields = ("format", "size", "sha256")
    extra = 0
    can_delete = False


@admin.register(PublishedReport)
class PublishedReportAdmin(VisiblePlansMixin, PolicyModelAdmin):
    list_display = ["plan", "as_of", "version", "since", "published_at", "published_by"]
    list_filter = ["plan", "as_of"]
    list_select_related = ["plan", "published_by"]
    readonly_fields = [
        "plan",
        "as_of",
        "version",
        "reason",
        "since",
        "published_at",
        "published_by",
        "content_sha256",
        "content",
    ]
    inlines = [PublishedFileInline]
