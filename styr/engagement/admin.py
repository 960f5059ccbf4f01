"""HME surveys and answers in the admin. Answers are not edited by hand (the policy allows
viewing and deleting them); a deleted answer re-stores its survey's indices
(`refresh_indices`) in the same transaction, so the pages show it at once."""

from django.contrib import admin
from django.db import transaction

from styr.accounts.admin_site import PolicyModelAdmin
from styr.engagement.domain import refresh_indices
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

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_indices(obj.survey_id)

    def delete_queryset(self, request, queryset):
        # The bulk action runs outside the admin's transaction: take one of our own.
        with transaction.atomic():
            surveys = set(queryset.values_list("survey_id", flat=True))
            super().delete_queryset(request, queryset)
            for survey in surveys:
                refresh_indices(survey)
