"""Managers and result contracts in the admin: read by admins (and HR, through the policy),
never edited there. Managers come from HR's file (`styr managers import`); a contract is
written, accepted and followed up on its own pages by the two who sign it, so that each
step is validated, dated and audited."""

from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin
from styr.contracts.models import ManagerAssignment, ResultContract


@admin.register(ManagerAssignment)
class ManagerAssignmentAdmin(PolicyModelAdmin):
    list_display = ["person", "title", "unit", "line_manager", "start", "end", "is_example"]
    list_filter = ["municipality", "is_example"]
    search_fields = ["person__name", "title", "line_manager__name"]
    date_hierarchy = "start"
    list_select_related = ["person", "unit", "line_manager"]


@admin.register(ResultContract)
class ResultContractAdmin(PolicyModelAdmin):
    list_display = ["manager", "year", "line_manager", "created_at"]
    list_filter = ["municipality", "year"]
    search_fields = ["manager__name", "line_manager__name"]
    list_select_related = ["manager", "line_manager"]
