"""Rounds in the admin: read by the plan's staff; its strateg may reword the title and the
message. Rounds are opened and closed on the plan's rounds page or with `styr round`, so
that validation and the audit's event go with them; never added or deleted here."""

from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin
from styr.plans.admin import VisiblePlansMixin
from styr.rounds.models import Round


@admin.register(Round)
class RoundAdmin(VisiblePlansMixin, PolicyModelAdmin):
    list_display = ["title", "plan", "due", "opened_at", "closed_at"]
    list_filter = ["plan"]
    search_fields = ["title", "message"]
    date_hierarchy = "due"
    list_select_related = ["plan"]
    fields = ["plan", "title", "message", "due", "opened_at", "opened_by", "closed_at", "closed_by"]
    readonly_fields = ["plan", "due", "opened_at", "opened_by", "closed_at", "closed_by"]
