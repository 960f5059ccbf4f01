"""Load an organisation and its plans from a readable YAML file (the Nacka 2015 demo).

Loading is all or nothing: every record is validated and written in one transaction, and
the first problem is reported with the file, the line and what is wrong. A database that
already holds data is refused unless the caller asks to replace it.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from styr.accounts.models import Account, RoleGrant
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
from styr.demo.report_texts import load_report_texts
from styr.engagement.models import EngagementResponse, EngagementSurvey
from styr.goals.models import AssessmentScale, Goal, GoalAssessment, Indicator, Measurement, Target
from styr.imports.models import PlanImport
from styr.kolada.load import load_files
from styr.kolada.models import KoladaGroup, KoladaMunicipality, KoladaValue, Kpi
from styr.lib.append_only import PURGE_SETTING
from styr.lib.asof import recorded_on
from styr.meetings.models import Attendance, Award, Coordination, Meeting
from styr.org.history import created_on
from styr.org.models import (
    Body,
    BodyKind,
    ChangeKind,
    Municipality,
    Person,
    PersonAlias,
    Post,
    Precision,
    Tenure,
    Unit,
    UnitChange,
    UnitKind,
    post_before_unit,
)
from styr.plans.domain import record_action_version, record_status_update
from styr.plans.models import (
    Action,
    ActionVersion,
    FocusArea,
    Origin,
    Plan,
    Responsibility,
    ResponsibilityKind,
    Status,
    StatusReview,
    StatusUpdate,
    Theme,
)
from styr.reports.models import PublishedFile, PublishedReport, ReportTexts
from styr.service.models import ServiceCase, ServiceCaseImport

DEMO_FILE = Path(__file__).with_name("nacka2015.yaml")

# Deleted, in this order, by --replace; foreign keys are checked at commit.
REPLACED_MODELS = [
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
    Measurement,
    Target,
    Indicator.goals.through,
    Indicator.compare_with.through,
    Indicator,
    Goal.actions.through,
    Goal,
    AssessmentScale,
    ServiceCase,
    ServiceCaseImport,
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


class DemoError(Exception):
    """A problem in the data file, with the line it is on."""

    def __init__(self, source: str, line: int | None, message: str):
        self.source, self.line, self.message = source, line, message
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {message}")


class DatabaseNotEmpty(Exception):
    pass


class Node(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = Node()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_timestamp(loader, node):
    # PyYAML reads 2015-13-45 as a date and fails with a bare ValueError; say where.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({error})", node.start_mark
        ) from error


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@functools.lru_cache(maxsize=4)
def parse(text: str, source: str) -> Node:
    """The file's records with their line numbers. Cached: the tree is only read, and the
    test suite loads the same demo file hundreds of times."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise DemoError(source, line, f"not valid YAML: {error.problem or error}") from error
    if not isinstance(data, Node):
        raise DemoError(source, 1, "the file must be a mapping with 'municipality', 'people', …")
    return data


class _Reader:
    """Checks one record at a time and says where a problem is."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, node: Any, message: str, key: str | None = None):
        """Stop with the message, at the key's line when there is one, else the record's."""
        line = getattr(node, "line", None)
        if key is not None and isinstance(node, Node):
            line = node.key_lines.get(key, line)
        raise DemoError(self.source, line, message)

    def mapping(self, node: Any, context: str, required: set, optional: set = frozenset()):
        if not isinstance(node, Node):
            self.fail(node, f"{context} must be a mapping")
        unknown = [key for key in node if key not in required and key not in optional]
        if unknown:
            self.fail(node, f"{context} has unknown field {unknown[0]!r}", unknown[0])
        missing = sorted(required - node.keys())
        if missing:
            self.fail(node, f"{context} lacks {', '.join(missing)}")
        return node

    def items(self, node: Any, key: str, context: str) -> list:
        value = node.get(key) or []
        if not isinstance(value, list):
            self.fail(node, f"{context}: {key} must be a list", key)
        return value

    def text(self, node: Node, key: str, *, required: bool = True) -> str:
        value = node.get(key)
        if value is None:
            if required:
                self.fail(node, f"{key} is empty", key)
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(node, f"{key} must be text", key)
        return str(value).strip()

    def flag(self, node: Node, key: str) -> bool:
        value = node.get(key, False)
        if not isinstance(value, bool):
            self.fail(node, f"{key} must be true or false", key)
        return value

    def date(self, node: Node, key: str, *, required: bool = False) -> dt.date | None:
        value = node.get(key)
        if value is None and not required:
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        self.fail(node, f"{key}: {value!r} is not a date in the form YYYY-MM-DD", key)

    def choice(self, node: Node, key: str, choices, *, default=None) -> str:
        value = node.get(key, default)
        if value not in choices.values:
            valid = ", ".join(choices.values)
            self.fail(node, f"{key}: {value!r} is not one of {valid}", key)
        return value

    def ref(self, node: Node, key: str, table: dict, kind: str):
        value = node.get(key)
        if value is None:
            return None
        if value not in table:
            self.fail(node, f"{key}: unknown {kind} {value!r}", key)
        return table[value]

    def save(self, node: Node, instance):
        try:
            instance.full_clean()
        except ValidationError as error:
            messages = "; ".join(
                f"{field}: {' '.join(str(m) for m in errs)}"
                for field, errs in error.message_dict.items()
            )
            self.fail(node, messages)
        instance.save()
        return instance


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
        return _Loader(_Reader(path.name), generated=generated).load(data)


def _changes_by_unit(changes) -> dict[int, list]:
    by_unit: dict[int, list] = {}
    for change in changes:
        by_unit.setdefault(change.unit_id, []).append(change)
    return by_unit


class _Loader:
    def __init__(self, reader: _Reader, *, generated: bool = True):
        self.r = reader
        self.generated = generated
        self.people: dict[str, Person] = {}
        self.posts: dict[str, Post] = {}
        self.units: dict[str, Unit] = {}
        self.bodies: dict[str, Body] = {}
        self.theme_order = 0
        self.action_order = 0

    def load(self, data: Node) -> Municipality:
        r = self.r
        r.mapping(
            data,
            "the file",
            {"municipality", "people", "posts", "units", "bodies", "plans"},
            {"org_changes"} | GOAL_SECTIONS | MANAGER_SECTIONS | MEETING_SECTIONS,
        )
        node = r.mapping(data["municipality"], "municipality", {"name", "slug"}, {"kolada_id"})
        self.municipality = r.save(
            node,
            Municipality(
                name=r.text(node, "name"),
                slug=r.text(node, "slug"),
                kolada_id=r.text(node, "kolada_id", required=False),
            ),
        )
        for node in r.items(data, "people", "people"):
            self.person(node)
        units = r.items(data, "units", "units")
        for node in units:
            self.unit(node)
        for node in r.items(data, "posts", "posts"):
            self.post(node)
        for node in units:
            self.unit_links(node)
        bodies = r.items(data, "bodies", "bodies")
        for node in bodies:
            self.body(node)
        for node in bodies:
            if node.get("parent") is not None:
                body = self.bodies[node["key"]]
                body.parent = r.ref(node, "parent", self.bodies, "body")
                r.save(node, body)
        for node in r.items(data, "org_changes", "org_changes"):
            self.change(node)
        self.check_posts_against_units(data)
        for node in r.items(data, "plans", "plans"):
            self.plan(node)
        goals = GoalSections(r, self.municipality, self.bodies, self.units, self.people)
        goals.load(data, generated=self.generated)
        ManagerSections(r, self.municipality, self.units, self.people).load(data)
        # After the managers: a meeting's example attendance is of the managers of its day.
        MeetingSections(r, self.municipality, self.units).load(data)
        return self.municipality

    def key(self, node: Node, table: dict, kind: str) -> str:
        key = self.r.text(node, "key")
        if key in table:
            self.r.fail(node, f"{kind} key {key!r} is used twice", "key")
        return key

    def person(self, node: Node):
        r = self.r
        r.mapping(node, "a person", {"key", "name"}, {"aliases"})
        key = self.key(node, self.people, "person")
        person = r.save(
            node, Person(municipality=self.municipality, slug=key, name=r.text(node, "name"))
        )
        for alias in r.items(node, "aliases", "a person"):
            if not isinstance(alias, str) or not alias.strip():
                r.fail(node, "aliases must be names")
            r.save(node, PersonAlias(person=person, name=alias.strip()))
        self.people[key] = person

    def unit(self, node: Node):
        r = self.r
        r.mapping(
            node, "a unit", {"key", "name", "kind"}, {"parent", "responsible_post", "example"}
        )
        key = self.key(node, self.units, "unit")
        self.units[key] = r.save(
            node,
            Unit(
                municipality=self.municipality,
                slug=key,
                name=r.text(node, "name"),
                kind=r.choice(node, "kind", UnitKind),
                is_example=r.flag(node, "example"),
            ),
        )

    def unit_links(self, node: Node):
        unit = self.units[node["key"]]
        unit.parent = self.r.ref(node, "parent", self.units, "unit")
        unit.responsible_post = self.r.ref(node, "responsible_post", self.posts, "post")
        self.r.save(node, unit)

    def post(self, node: Node):
        r = self.r
        r.mapping(
            node,
            "a post",
            {"key", "title"},
            {"director", "leads_unit", "valid_from", "valid_to", "holders", "example"},
        )
        key = self.key(node, self.posts, "post")
        post = r.save(
            node,
            Post(
                municipality=self.municipality,
                slug=key,
                title=r.text(node, "title"),
                is_director=r.flag(node, "director"),
                is_example=r.flag(node, "example"),
                leads_unit=r.ref(node, "leads_unit", self.units, "unit"),
                valid_from=r.date(node, "valid_from"),
                valid_to=r.date(node, "valid_to"),
            ),
        )
        for holder in r.items(node, "holders", "a post"):
            r.mapping(holder, "a holder", {"person"}, {"start", "end", "note", "example"})
            r.save(
                holder,
                Tenure(
                    post=post,
                    person=r.ref(holder, "person", self.people, "person"),
                    start=r.date(holder, "start"),
                    end=r.date(holder, "end"),
                    note=r.text(holder, "note", required=False),
                    is_example=r.flag(holder, "example"),
                ),
            )
        self.posts[key] = post

    def body(self, node: Node):
        r = self.r
        r.mapping(
            node,
            "a body",
            {"key", "name", "kind"},
            {
                "parent",
                "valid_from",
                "valid_to",
                "responsible_post",
                "support_unit",
                "support_fte",
                "remit",
            },
        )
        key = self.key(node, self.bodies, "body")
        fte = node.get("support_fte")
        if fte is not None:
            try:
                fte = Decimal(str(fte))
            except InvalidOperation:
                r.fail(node, f"support_fte: {fte!r} is not a number", "support_fte")
        self.bodies[key] = r.save(
            node,
            Body(
                municipality=self.municipality,
                slug=key,
                name=r.text(node, "name"),
                kind=r.choice(node, "kind", BodyKind),
                valid_from=r.date(node, "valid_from"),
                valid_to=r.date(node, "valid_to"),
                responsible_post=r.ref(node, "responsible_post", self.posts, "post"),
                support_unit=r.ref(node, "support_unit", self.units, "unit"),
                support_fte=fte,
                remit=r.text(node, "remit", required=False),
            ),
        )

    def check_posts_against_units(self, data: Node):
        """No post starts before the unit it leads exists (known once the changes are in)."""
        created = {
            unit_id: created_on(changes)
            for unit_id, changes in _changes_by_unit(
                UnitChange.objects.filter(unit__municipality=self.municipality)
            ).items()
        }
        for node in self.r.items(data, "posts", "posts"):
            post = self.posts[node["key"]]
            if post.leads_unit_id is None:
                continue
            problem = post_before_unit(post, post.leads_unit, created.get(post.leads_unit_id))
            if problem:
                self.r.fail(node, f"post {node['key']!r}: {problem}", "valid_from")

    def change(self, node: Node):
        r = self.r
        r.mapping(
            node,
            "an organisational change",
            {"date", "kind", "unit", "note"},
            {"precision", "new_name", "new_parent", "new_responsible_post", "counterpart"},
        )
        kind = r.choice(node, "kind", ChangeKind)
        needs = {"rename": "new_name", "move": "new_parent", "reassign": "new_responsible_post"}
        if kind in needs and node.get(needs[kind]) is None:
            r.fail(node, f"a {kind} needs {needs[kind]}", "kind")
        r.save(
            node,
            UnitChange(
                unit=r.ref(node, "unit", self.units, "unit"),
                date=r.date(node, "date", required=True),
                precision=r.choice(node, "precision", Precision, default="day"),
                kind=kind,
                new_name=r.text(node, "new_name", required=False),
                new_parent=r.ref(node, "new_parent", self.units, "unit"),
                new_responsible_post=r.ref(node, "new_responsible_post", self.posts, "post"),
                counterpart=r.ref(node, "counterpart", self.units, "unit"),
                note=r.text(node, "note"),
            ),
        )

    def plan(self, node: Node):
        r = self.r
        r.mapping(
            node,
            "a plan",
            {"slug", "title", "registration_number", "period_start", "period_end", "owner"},
            {
                "subtitle",
                "decided_on",
                "decided_precision",
                "summary",
                "focus_areas",
                "themes",
                "report_texts",
            },
        )
        plan = r.save(
            node,
            Plan(
                municipality=self.municipality,
                slug=r.text(node, "slug"),
                title=r.text(node, "title"),
                subtitle=r.text(node, "subtitle", required=False),
                registration_number=r.text(node, "registration_number"),
                period_start=r.date(node, "period_start", required=True),
                period_end=r.date(node, "period_end", required=True),
                owner=r.ref(node, "owner", self.bodies, "body"),
                decided_on=r.date(node, "decided_on"),
                # The demo's plans are public documents: published as they are loaded.
                published_at=timezone.now(),
                decided_precision=r.choice(node, "decided_precision", Precision, default="day"),
                summary=r.text(node, "summary", required=False),
            ),
        )
        for number, title in enumerate(r.items(node, "focus_areas", "a plan"), start=1):
            if not isinstance(title, str):
                r.fail(node, f"focus area {number} must be text")
            r.save(node, FocusArea(plan=plan, number=number, title=title.strip()))
        self.theme_order = self.action_order = 0
        for theme in r.items(node, "themes", "a plan"):
            self.theme(theme, plan, parent=None)
        if node.get("report_texts") is not None:
            load_report_texts(r, node["report_texts"], plan)

    def theme(self, node: Node, plan: Plan, parent: Theme | None):
        r = self.r
        r.mapping(node, "a theme", {"title"}, {"number", "description", "actions", "themes"})
        self.theme_order += 1
        theme = r.save(
            node,
            Theme(
                plan=plan,
                parent=parent,
                number=r.text(node, "number", required=False),
                title=r.text(node, "title"),
                description=r.text(node, "description", required=False),
                order=self.theme_order,
            ),
        )
        for action in r.items(node, "actions", "a theme"):
            self.action(action, plan, theme)
        for child in r.items(node, "themes", "a theme"):
            self.theme(child, plan, parent=theme)

    def action(self, node: Node, plan: Plan, theme: Theme):
        r = self.r
        r.mapping(
            node,
            "an action",
            {"title", "text", "origin", "introduced_on"},
            {"deadline", "responsible", "supporting", "status"},
        )
        deadline = node.get("deadline")
        text = date = None
        precision = ""
        if deadline is not None:
            # A time given without a date ("pågår kontinuerligt") is kept as written.
            r.mapping(deadline, "a deadline", {"text"}, {"date", "precision"})
            text = r.text(deadline, "text")
            date = r.date(deadline, "date")
            if date is not None or "precision" in deadline:
                date = r.date(deadline, "date", required=True)
                precision = r.choice(deadline, "precision", Precision)
        self.action_order += 1
        action = r.save(
            node,
            Action(
                plan=plan,
                theme=theme,
                order=self.action_order,
                title=r.text(node, "title"),
                text=r.text(node, "text"),
                origin=r.choice(node, "origin", Origin),
                introduced_on=r.date(node, "introduced_on", required=True),
                deadline_text=text or "",
                deadline_date=date,
                deadline_precision=precision,
            ),
        )
        for kind, key in (
            (ResponsibilityKind.RESPONSIBLE, "responsible"),
            (ResponsibilityKind.SUPPORTING, "supporting"),
        ):
            for order, who in enumerate(r.items(node, key, "an action")):
                r.mapping(who, f"a {key} entry", set(), {"person", "post", "role"})
                if not who:
                    r.fail(who, f"a {key} entry needs a person, a post or a role")
                r.save(
                    who,
                    Responsibility(
                        action=action,
                        kind=kind,
                        person=r.ref(who, "person", self.people, "person"),
                        post=r.ref(who, "post", self.posts, "post"),
                        role_text=r.text(who, "role", required=False),
                        order=order,
                    ),
                )
        # The plan document was the record of the action on the day it was introduced.
        record_action_version(
            action, recorded_at=recorded_on(action.introduced_on, timezone.get_current_timezone())
        )
        for update in r.items(node, "status", "an action"):
            self.status_update(update, action)

    def status_update(self, node: Node, action: Action):
        r = self.r
        r.mapping(node, "a status update", {"date", "code"}, {"note", "author"})
        date = r.date(node, "date", required=True)
        # Historical records: Styr learnt them on the day of the report that states them.
        recorded_at = recorded_on(date, timezone.get_current_timezone())
        try:
            record_status_update(
                action,
                date=date,
                status=r.choice(node, "code", Status),
                note=r.text(node, "note", required=False),
                author_name=r.text(node, "author", required=False),
                recorded_at=recorded_at,
            )
        except ValidationError as error:
            r.fail(node, " ".join(error.messages), "date")
