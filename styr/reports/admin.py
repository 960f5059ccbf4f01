"""Published reports in the admin: readable, never editable (publish from the plan page)."""

from django.contrib import admin

from styr.reports.models import PublishedFile, PublishedReport


class PublishedFileInline(admin.TabularInline):
    model = PublishedFile
    fields = ["format", "size", "sha256"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PublishedReport)
class PublishedReportAdmin(admin.ModelAdmin):
    list_display = ["plan", "as_of", "since", "published_at", "published_by"]
    list_filter = ["plan", "as_of"]
    readonly_fields = [
        "plan",
        "as_of",
        "since",
        "published_at",
        "published_by",
        "content_sha256",
        "content",
    ]
    inlines = [PublishedFileInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
