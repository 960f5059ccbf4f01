"""Load an organisation and its plans from a readable YAML file (the Nacka 2015 demo).

Loading is all or nothing: every record is validated and written in one transaction, and
the first problem is reported with the file, the line and what is wrong. A database that
already holds data is refused unless the caller asks to replace it.

The sections live beside this module, one per part of the memo they load: `reader` (YAML
with line numbers), `organisation`, `plans` (with `report_texts`), `goals`, `managers` and
`meetings`.
"""

from __future__ import annotations

from pathlib import Path

from django.db import connection, transaction
from django.db.models import Model

from styr.accounts.models import Account, RoleGrant
from styr.caching.versions import bump_shared
from styr.contracts.models import (
    ContractEvent,
    ContractVersion,
    ExpectedResult,
    ManagerAssignment,
    Outcome,
    ResultContract,
)
from styr.demo.goals import KOLADA_DIRS, GoalSections
from styr.demo.goals import SECTIONS as GOAL_SECTIONS
from styr.demo.managers import SECTIONS as MANAGER_SECTIONS
from styr.demo.managers import ManagerSections
from styr.demo.meetings import SECTIONS as MEETING_SECTIONS
from styr.demo.meetings import MeetingSections
from styr.demo.organisation import OrganisationSections
from styr.demo.plans import PlanSections
from styr.demo.reader import DemoError, Node, Reader, parse
from styr.engagement.models import EngagementResponse, EngagementSurvey, HmeIndex
from styr.goals.models import (
    AssessmentScale,
    ComparisonValue,
    Goal,
    GoalAssessment,
    Indicator,
    Measurement,
    Target,
    YearAssessment,
)
from styr.imports.models import PlanImport
from styr.kolada.load import load_files
from styr.kolada.models import KoladaGroup, KoladaMunicipality, KoladaValue, Kpi
from styr.lib.append_only import PURGE_SETTING
from styr.meetings.models import Attendance, Award, Coordination, Meeting
from styr.org.models import (
    Body,
    Municipality,
    Person,
    PersonAlias,
    Post,
    Tenure,
    Unit,
    UnitChange,
)
from styr.plans.models import (
    Action,
    ActionVersion,
    FocusArea,
    Plan,
    Responsibility,
    StatusReview,
    StatusUpdate,
    Theme,
)
from styr.reminders.models import SentMail, Subscription
from styr.reports.models import PublishedFile, PublishedReport, ReportTexts
from styr.rounds.models import Round
from styr.service.models import ServiceCase, ServiceCaseCount, ServiceCaseImport, ServiceLevel

DEMO_FILE = Path(__file__).with_name("nacka2015.yaml")

# Deleted, in this order, by --replace; foreign keys are checked at commit.
REPLACED_MODELS: list[type[Model]] = [
    SentMail,
    Subscription,
    Round,
    Award,
    Attendance,
    Meeting,
    Coordination.coordinators.through,
    Coordination.town_hall_units.through,
    Coordination,
    Outcome,
    ContractEvent,
    ExpectedResult,
    ContractVersion.goals.through,
    ContractVersion.actions.through,
    ContractVersion,
    ResultContract,
    ManagerAssignment,
    GoalAssessment,
    YearAssessment,
    ComparisonValue,
    Measurement,
    Target,
    Indicator.goals.through,
    Indicator.compare_with.through,
    Indicator,
    Goal.actions.through,
    Goal,
    AssessmentScale,
    ServiceLevel,
    ServiceCaseCount,
    ServiceCase,
    ServiceCaseImport,
    HmeIndex,
    EngagementResponse,
    EngagementSurvey,
    KoladaValue,
    KoladaGroup.members.through,
    KoladaGroup,
    Kpi,
    KoladaMunicipality,
    PublishedFile,
    PublishedReport,
    ReportTexts,
    PlanImport,
    RoleGrant,
    Account,
    ActionVersion,
    StatusReview,
    StatusUpdate,
    Responsibility,
    Action,
    Theme,
    FocusArea,
    Plan,
    Tenure,
    UnitChange,
    Body,
    PersonAlias,
    Post,
    Unit,
    Person,
    Municipality,
]


class DatabaseNotEmpty(Exception):
    pass


def load_kolada_catalogue() -> str:
    """Load Kolada's whole KPI catalogue and all municipality groups from the bundled files,
    so that staff can search and link any KPI. Returns a one-line summary."""
    data = KOLADA_DIRS[-1]
    result = load_files([data / "kpi.json.gz", data / "municipality_groups.json.gz"])
    return ", ".join(f"{f.loaded} {f.kind}" for f in result.files)


def database_is_empty() -> bool:
    return not any(model.objects.exists() for model in (Municipality, Plan, Person))


def clear_database() -> None:
    """Delete every row of Styr's data, append-only history included (`styr demo --replace`).

    On PostgreSQL the append-only tables' triggers refuse DELETE unless the transaction says
    it is purging (`styr.purge`); it says so only for these statements, then takes it back.
    """
    purging = connection.vendor == "postgresql"
    with transaction.atomic(), connection.cursor() as cursor:
        if purging:
            cursor.execute(f"SET LOCAL {PURGE_SETTING} = 'on'")
        for model in REPLACED_MODELS:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        bump_shared()  # deleted without model signals: every cached page is old
        if purging:
            cursor.execute(f"SET LOCAL {PURGE_SETTING} = 'off'")


def load_file(
    path: Path = DEMO_FILE, *, replace: bool = False, generated: bool = True
) -> Municipality:
    """Load a data file; refuse a non-empty database unless `replace`.

    `generated=False` leaves out the generated example records (a year of contact-centre
    cases, an HME survey): the tests that don't need them load the rest faster.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DemoError(path.name, None, f"cannot read the file: {error}") from error
    data = parse(text, path.name)
    with transaction.atomic():
        if not database_is_empty():
            if not replace:
                raise DatabaseNotEmpty(
                    "The database already holds data; nothing was loaded. "
                    "Use --replace to delete it and load the demo."
                )
            clear_database()
        return _load_sections(Reader(path.name), data, generated=generated)


def _load_sections(r: Reader, data: Node, *, generated: bool) -> Municipality:
    """Every section of the file, in the order their references need: the organisation,
    the plans, the goals, the managers and then the meetings."""
    r.mapping(
        data,
        "the file",
        {"municipality", "people", "posts", "units", "bodies", "plans"},
        {"org_changes"} | GOAL_SECTIONS | MANAGER_SECTIONS | MEETING_SECTIONS,
    )
    org = OrganisationSections(r)
    municipality = org.load(data)
    PlanSections(r, municipality, org.bodies, org.people, org.posts).load(data)
    goals = GoalSections(r, municipality, org.bodies, org.units, org.people)
    goals.load(data, generated=generated)
    ManagerSections(r, municipality, org.units, org.people).load(data)
    # After the managers: a meeting's example attendance is of the managers of its day.
    MeetingSections(r, municipality, org.units).load(data)
    return municipality
