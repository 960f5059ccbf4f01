from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin
from styr.engagement.models import EngagementResponse, EngagementSurvey


@admin.register(EngagementSurvey)
class EngagementSurveyAdmin(PolicyModelAdmin):
    list_display = ["title", "municipality", "year", "conducted_on", "generated", "imported_at"]
    list_filter = ["municipality", "generated"]
    search_fields = ["title", "file_name"]
    # Answers come from a file through `styr hme import`; the file's identity stays as read.
    readonly_fields = ["file_name", "sha256", "imported_at"]


@admin.register(EngagementResponse)
class EngagementResponseAdmin(PolicyModelAdmin):
    list_display = ["id", "survey", "unit", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"]
    list_filter = ["survey", "unit"]
    list_select_related = ["survey", "unit"]
    raw_id_fields = ["survey", "unit"]
