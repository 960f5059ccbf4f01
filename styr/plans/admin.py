"""Back-office editing of plans. Status updates can be added, never changed or removed."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from styr.plans.domain import check_status_update, record_status_update
from styr.plans.models import Action, FocusArea, Plan, Responsibility, StatusUpdate, Theme


class FocusAreaInline(admin.TabularInline):
    model = FocusArea
    extra = 0


class ThemeInline(admin.TabularInline):
    model = Theme
    fk_name = "plan"
    extra = 0
    fields = ["order", "number", "title", "parent"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "registration_number", "owner", "period_start", "period_end"]
    list_filter = ["municipality", "owner"]
    search_fields = ["title", "registration_number"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["owner"]
    inlines = [FocusAreaInline, ThemeInline]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["heading", "plan", "parent", "order"]
    list_filter = ["plan"]
    search_fields = ["title", "description"]


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    extra = 0
    autocomplete_fields = ["person", "post"]


class StatusUpdateForm(forms.ModelForm):
    class Meta:
        model = StatusUpdate
        fields = ["date", "status", "note", "author_name"]

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("status"):
            action = self.instance.action if self.instance.action_id else None
            check_status_update(action, data["date"], data["status"])
        return data


class StatusUpdateInline(admin.TabularInline):
    """Earlier updates are shown read-only; new ones are added below them."""

    model = StatusUpdate
    form = StatusUpdateForm
    extra = 1
    fields = ["date", "status", "note", "author_name", "author", "recorded_at"]
    readonly_fields = ["author", "recorded_at"]
    ordering = ["date", "recorded_at", "id"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "theme", "deadline_text", "deadline_date", "origin"]
    list_filter = ["plan", "origin", "theme", "status_updates__status"]
    search_fields = [
        "title",
        "text",
        "responsibilities__person__name",
        "responsibilities__person__aliases__name",
        "responsibilities__role_text",
    ]
    list_select_related = ["plan", "theme"]
    autocomplete_fields = ["theme"]
    inlines = [ResponsibilityInline, StatusUpdateInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not StatusUpdate:
            return super().save_formset(request, form, formset, change)
        # New status updates go through the one function that writes them.
        formset.new_objects = [
            record_status_update(
                form.instance,
                date=update_form.cleaned_data["date"],
                status=update_form.cleaned_data["status"],
                note=update_form.cleaned_data.get("note", ""),
                author=request.user,
                author_name=update_form.cleaned_data.get("author_name", ""),
            )
            for update_form in formset.extra_forms
            if update_form.has_changed()
        ]
        formset.changed_objects = []
        formset.deleted_objects = []


@admin.register(StatusUpdate)
class StatusUpdateAdmin(admin.ModelAdmin):
    """The full log, read-only; updates are added on their action."""

    list_display = ["action", "date", "status", "note", "author", "recorded_at"]
    list_filter = ["status", "date", "action__plan"]
    search_fields = ["note", "action__title", "author_name"]
    date_hierarchy = "date"
    list_select_related = ["action", "author"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


StatusUpdateAdmin.verbose_name = _("statusuppdatering")
