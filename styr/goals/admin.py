"""Back-office editing of goals and indicators. Written assessments are added, never changed."""

from django import forms
from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin, PolicyTabularInline
from styr.goals.domain import write_assessment
from styr.goals.models import (
    AssessmentScale,
    Goal,
    GoalAssessment,
    Indicator,
    Measurement,
    Target,
)
from styr.goals.stored import refresh_indicators


@admin.register(AssessmentScale)
class AssessmentScaleAdmin(PolicyModelAdmin):
    list_display = [
        "municipality",
        "met_label",
        "partly_label",
        "not_met_label",
        "tolerance_percent",
        "goal_met_percent",
        "goal_partly_percent",
    ]


@admin.register(Goal)
class GoalAdmin(PolicyModelAdmin):
    list_display = ["__str__", "level", "parent", "owner_body", "owner_unit", "start_year"]
    list_filter = ["municipality", "level"]
    search_fields = ["title", "code", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent", "actions"]
    raw_id_fields = ["owner_body", "owner_unit"]

    def delete_queryset(self, request, queryset):
        # An indicator no goal uses any more is not on the goal pages: store them again.
        used = list(Indicator.objects.filter(goals__in=queryset).values_list("id", flat=True))
        super().delete_queryset(request, queryset)
        refresh_indicators(Indicator.objects.filter(id__in=used))

    def delete_model(self, request, obj):
        self.delete_queryset(request, Goal.objects.filter(pk=obj.pk))


class TargetInline(PolicyTabularInline):
    model = Target
    extra = 1


class MeasurementInline(PolicyTabularInline):
    model = Measurement
    extra = 1
    fields = ["period", "unit", "other_municipality", "gender", "value", "is_example"]
    raw_id_fields = ["unit", "other_municipality"]


@admin.register(Indicator)
class IndicatorAdmin(PolicyModelAdmin):
    list_display = ["name", "source", "kpi", "computation", "unit", "direction", "period_type"]
    list_filter = ["municipality", "source", "period_type"]
    search_fields = ["name", "description", "kpi__id", "kpi__title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["goals"]
    raw_id_fields = ["kpi", "compare_group"]
    filter_horizontal = ["compare_with"]
    inlines = [TargetInline, MeasurementInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After its targets, measurements and comparisons are saved: store what they give.
        refresh_indicators(Indicator.objects.filter(pk=form.instance.pk))


class GoalAssessmentForm(forms.ModelForm):
    class Meta:
        model = GoalAssessment
        fields = ["goal", "period", "analysis", "author", "author_name"]


@admin.register(GoalAssessment)
class GoalAssessmentAdmin(PolicyModelAdmin):
    """New analyses get the level computed at that moment; earlier ones are read-only."""

    form = GoalAssessmentForm
    list_display = ["goal", "period", "level", "author_name", "recorded_at"]
    list_filter = ["period", "level"]
    search_fields = ["goal__title", "analysis"]
    raw_id_fields = ["author"]
    autocomplete_fields = ["goal"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["goal", "period", "level", "analysis", "author", "author_name", "recorded_at"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            return
        saved = write_assessment(
            form.cleaned_data["goal"],
            form.cleaned_data["period"],
            form.cleaned_data["analysis"],
            author=form.cleaned_data.get("author"),
            author_name=form.cleaned_data.get("author_name", ""),
        )
        obj.pk = saved.pk
        obj._state.adding = False
