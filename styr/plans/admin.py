"""Back-office editing of plans, asking the policy for every object.

Changing what an action says (title, text, theme, deadline, responsibility) records a dated
version with a reason, so pages and reports for earlier days keep what applied then. Status
updates and versions are history: added, never changed or removed.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styr.accounts.admin_site import PolicyModelAdmin, PolicyTabularInline
from styr.accounts.policy import can, viewable_plans
from styr.lib.fields import DayField
from styr.plans.domain import check_status_update, record_action_version, record_status_update
from styr.plans.models import (
    VERSIONED_FIELDS,
    Action,
    ActionVersion,
    FocusArea,
    Plan,
    Responsibility,
    StatusUpdate,
    Theme,
)


class VisiblePlansMixin:
    """Drafts are listed only to those who may see them."""

    plan_path = "plan"

    def get_queryset(self, request):
        visible = Plan.objects.filter(viewable_plans(request.user))
        return super().get_queryset(request).filter(**{f"{self.plan_path}__in": visible})


class FocusAreaInline(PolicyTabularInline):
    model = FocusArea
    extra = 0


class ThemeInline(PolicyTabularInline):
    model = Theme
    fk_name = "plan"
    extra = 0
    fields = ["order", "number", "title", "parent"]


@admin.register(Plan)
class PlanAdmin(PolicyModelAdmin):
    list_display = ["title", "registration_number", "owner", "period_start", "published_at"]
    list_filter = ["municipality", "owner"]
    search_fields = ["title", "registration_number"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["owner"]
    readonly_fields = ["published_at"]
    inlines = [FocusAreaInline, ThemeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(viewable_plans(request.user))


@admin.register(Theme)
class ThemeAdmin(VisiblePlansMixin, PolicyModelAdmin):
    list_display = ["heading", "plan", "parent", "order"]
    list_filter = ["plan"]
    search_fields = ["title", "description"]


class ResponsibilityFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        # The reason is a field of the action's own form, posted with the inline.
        reason = self.data.get("change_reason", "").strip()
        if self.instance.pk and self.has_changed() and not reason:
            raise ValidationError(_("Ange under ”Skäl till ändringen” varför ansvaret ändras."))


class ResponsibilityInline(PolicyTabularInline):
    model = Responsibility
    formset = ResponsibilityFormSet
    extra = 0
    autocomplete_fields = ["person", "post"]


class StatusUpdateForm(forms.ModelForm):
    class Meta:
        model = StatusUpdate
        fields = ["date", "status", "note", "internal_note", "author_name"]

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("status"):
            action = self.instance.action if self.instance.action_id else None
            check_status_update(action, data["date"], data["status"])
        return data


class StatusUpdateInline(PolicyTabularInline):
    """Earlier updates are shown read-only; new ones are added below them."""

    model = StatusUpdate
    form = StatusUpdateForm
    extra = 1
    fields = ["date", "status", "note", "internal_note", "author_name", "author", "recorded_at"]
    readonly_fields = ["author", "recorded_at"]
    ordering = ["date", "recorded_at", "id"]


class ActionVersionInline(PolicyTabularInline):
    """What the action said from which day, as recorded: read-only history."""

    model = ActionVersion
    extra = 0
    fields = readonly_fields = (
        "applies_from",
        "recorded_at",
        "recorded_by",
        "reason",
        "correction",
        "title",
    )
    ordering = ["recorded_at", "id"]
    verbose_name_plural = _("versioner (historik)")


class ActionForm(forms.ModelForm):
    """The action's fields, and for a change: from when it applies and why."""

    change_applies_from = DayField(
        label=_("Ändringen gäller från"),
        required=False,
        initial=timezone.localdate,
        help_text=_(
            "Dagen från vilken ändringen gäller; sidor och rapporter före den är oförändrade."
        ),
    )
    change_correction = forms.BooleanField(
        label=_("Rättelse av ett misstag"),
        required=False,
        help_text=_("Gäller från åtgärdens första dag. Rättelsen listas ändå på åtgärden."),
    )
    change_reason = forms.CharField(
        label=_("Skäl till ändringen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Krävs när titel, text, tema, tidsangivelse eller ansvar ändras."),
    )

    class Meta:
        model = Action
        fields = [
            "plan",
            "theme",
            "order",
            "title",
            "text",
            "origin",
            "introduced_on",
            "deadline_text",
            "deadline_date",
            "deadline_precision",
        ]

    def clean(self):
        data = super().clean()
        editing = self.instance.pk is not None
        reason = (data.get("change_reason") or "").strip()
        if editing and set(VERSIONED_FIELDS) & set(self.changed_data) and not reason:
            self.add_error("change_reason", _("Ange varför åtgärden ändras."))
        applies = data.get("change_applies_from")
        if editing and applies and not data.get("change_correction"):
            if applies > timezone.localdate():
                self.add_error("change_applies_from", _("Datumet kan inte ligga i framtiden."))
            elif applies < self.instance.introduced_on:
                self.add_error(
                    "change_applies_from",
                    _("Datumet ligger före åtgärdens första dag (%(day)s).")
                    % {"day": self.instance.introduced_on.isoformat()},
                )
        return data


@admin.register(Action)
class ActionAdmin(VisiblePlansMixin, PolicyModelAdmin):
    form = ActionForm
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
    inlines = [ResponsibilityInline, StatusUpdateInline, ActionVersionInline]

    def get_readonly_fields(self, request, obj=None):
        # Versions start on the day the action was introduced, in its plan: both stay.
        return ["plan", "introduced_on"] if obj is not None else []

    def get_fieldsets(self, request, obj=None):
        fields = super().get_fieldsets(request, obj)[0][1]["fields"]
        own = [name for name in fields if not name.startswith("change_")]
        if obj is None:
            return [(None, {"fields": own})]
        change = ["change_applies_from", "change_correction", "change_reason"]
        return [(None, {"fields": own}), (_("Ändring"), {"fields": change})]

    def save_related(self, request, form, formsets, change):
        form.save_m2m()
        for formset in formsets:
            if formset.model is StatusUpdate:
                self._record_status_updates(request, form, formset)
            else:
                self.save_formset(request, form, formset, change=change)
        # Whatever the action now says is kept as a version (none if nothing changed).
        data = form.cleaned_data
        record_action_version(
            form.instance,
            by=request.user,
            applies_from=data.get("change_applies_from"),
            reason=data.get("change_reason") or "",
            correction=bool(data.get("change_correction")),
        )

    def _record_status_updates(self, request, form, formset):
        # New status updates go through the one function that writes them.
        new = [update_form for update_form in formset.extra_forms if update_form.has_changed()]
        if new and not can(request.user, "plans.report_status", form.instance):
            raise PermissionDenied
        formset.new_objects = [
            record_status_update(
                form.instance,
                date=update_form.cleaned_data["date"],
                status=update_form.cleaned_data["status"],
                note=update_form.cleaned_data.get("note", ""),
                internal_note=update_form.cleaned_data.get("internal_note", ""),
                author=request.user,
                author_name=update_form.cleaned_data.get("author_name", ""),
                may_approve=can(request.user, "plans.approve_status", form.instance),
            )
            for update_form in new
        ]
        formset.changed_objects = []
        formset.deleted_objects = []


@admin.register(StatusUpdate)
class StatusUpdateAdmin(VisiblePlansMixin, PolicyModelAdmin):
    """The full log, read-only; updates are added on their action."""

    plan_path = "action__plan"
    list_display = ["action", "date", "status", "note", "author", "recorded_at"]
    list_filter = ["status", "date", "action__plan"]
    search_fields = ["note", "action__title", "author_name"]
    date_hierarchy = "date"
    list_select_related = ["action", "author"]

    def has_add_permission(self, request, obj=None):
        # Added on the action's page, where the action is known.
        return False
