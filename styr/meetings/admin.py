"""Manager meetings in the admin, through the policy: the coordinating unit keeps the plan
of meetings and the chefspriser; admins also say who coordinates and which units are the
town hall's. Attendance is recorded on the meeting's page (or imported), not here."""

from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin, PolicyTabularInline
from styr.accounts.policy import municipalities_where
from styr.meetings.models import Award, Coordination, Meeting


class InOwnMunicipalityMixin:
    """Lists only the rows of the municipalities whose meetings the user may see."""

    right = "meetings.view_meeting"

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        places = municipalities_where(request.user, self.right)
        # Someone with the right nowhere is refused by the policy (a 403), not sent away as
        # if the row did not exist: the filter is for those who have it somewhere.
        if request.user.is_superuser or not places:
            return rows
        return rows.filter(municipality__in=places)


class AwardInline(PolicyTabularInline):
    model = Award
    extra = 0
    fields = ["prize", "person", "citation", "is_example"]
    autocomplete_fields = ["person"]


@admin.register(Meeting)
class MeetingAdmin(InOwnMunicipalityMixin, PolicyModelAdmin):
    list_display = ["date", "kind", "audience", "mandatory", "is_example", "municipality"]
    list_filter = ["municipality", "kind", "audience", "mandatory"]
    date_hierarchy = "date"
    fields = [
        "municipality",
        "date",
        "kind",
        "audience",
        "mandatory",
        "title",
        "place",
        "note",
        "is_example",
    ]
    inlines = [AwardInline]


@admin.register(Coordination)
class CoordinationAdmin(InOwnMunicipalityMixin, PolicyModelAdmin):
    right = "meetings.view_coordination"
    list_display = ["municipality", "unit"]
    filter_horizontal = ["coordinators", "town_hall_units"]
