"""The goal sections of a demo file: Kolada files, goals, indicators, assessments and the
generated example data. Read by `styr.demo.loader` after the organisation and the plans,
in the same transaction, with the same line-aware error messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.utils import timezone

from styr.demo.reader import Reader
from styr.engagement.generate import load_demo_survey
from styr.goals.models import (
    Computation,
    Direction,
    Goal,
    GoalLevel,
    Indicator,
    IndicatorUnit,
    Measurement,
    PeriodType,
    Source,
    Target,
)
from styr.goals.stored import refresh_indicators
from styr.kolada.load import LoadError, load_files
from styr.kolada.models import KoladaGroup, KoladaMunicipality, Kpi
from styr.lib.periods import InvalidPeriod, parse_period
from styr.plans.models import Action
from styr.service.generate import load_demo_year

KOLADA_DIRS = [Path(__file__).with_name("kolada"), Path(__file__).parent.parent / "kolada" / "data"]

SECTIONS = {"kolada_files", "goals", "indicators", "goal_assessments", "generated"}


class GoalSections:
    def __init__(self, reader: Reader, municipality, bodies, units, people):
        self.r = reader
        self.municipality = municipality
        self.bodies, self.units, self.people = bodies, units, people
        self.goals: dict[str, Goal] = {}
        self.order = 0

    def load(self, data, *, generated: bool = True) -> None:
        r = self.r
        files = r.items(data, "kolada_files", "kolada_files")
        if files:
            self.kolada(data, files)
        for node in r.items(data, "goals", "goals"):
            self.goal(node, None)
        for node in r.items(data, "indicators", "indicators"):
            self.indicator(node)
        # Before the written assessments, which keep the level the pages show.
        refresh_indicators(Indicator.objects.filter(municipality=self.municipality))
        for node in r.items(data, "goal_assessments", "goal_assessments"):
            self.assessment(node)
        if generated and data.get("generated") is not None:
            self.generated(data["generated"])

    def kolada(self, data, files) -> None:
        paths = []
        for name in files:
            found = next((d / str(name) for d in KOLADA_DIRS if (d / str(name)).is_file()), None)
            if found is None:
                self.r.fail(data, f"kolada_files: no bundled file {name!r}", "kolada_files")
            paths.append(found)
        try:
            load_files(paths)
        except LoadError as error:
            self.r.fail(data, f"kolada_files: {error}", "kolada_files")

    def period(self, node, key: str, value) -> str:
        try:
            return parse_period(value).key
        except InvalidPeriod as error:
            self.r.fail(node, f"{key}: {error}", key)

    def goal(self, node, parent: Goal | None) -> None:
        r = self.r
        r.mapping(
            node,
            "a goal",
            {"slug", "level", "title", "start_year"},
            {"description", "owner_body", "owner_unit", "end_year", "code", "actions", "children"},
        )
        slug = r.text(node, "slug")
        if slug in self.goals:
            r.fail(node, f"goal {slug!r} is listed twice", "slug")
        self.order += 1
        goal = r.save(
            node,
            Goal(
                municipality=self.municipality,
                parent=parent,
                level=r.choice(node, "level", GoalLevel),
                code=r.text(node, "code", required=False),
                title=r.text(node, "title"),
                slug=slug,
                description=r.text(node, "description", required=False),
                owner_body=r.ref(node, "owner_body", self.bodies, "body"),
                owner_unit=r.ref(node, "owner_unit", self.units, "unit"),
                start_year=self.year(node, "start_year"),
                end_year=self.year(node, "end_year") if node.get("end_year") else None,
                order=self.order,
            ),
        )
        self.goals[slug] = goal
        for title in r.items(node, "actions", "a goal"):
            actions = list(
                Action.objects.filter(plan__municipality=self.municipality, title=str(title))
            )
            if len(actions) != 1:
                found = "no action" if not actions else f"{len(actions)} actions"
                r.fail(node, f"actions: {found} titled {title!r}", "actions")
            goal.actions.add(actions[0])
        for child in r.items(node, "children", "a goal"):
            self.goal(child, goal)

    def year(self, node, key: str) -> int:
        value = node.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            self.r.fail(node, f"{key}: {value!r} is not a year", key)
        return value

    def indicator(self, node) -> None:
        r = self.r
        r.mapping(
            node,
            "an indicator",
            {"slug", "name", "source", "unit", "direction", "period_type"},
            {
                "goals",
                "kpi",
                "computation",
                "unit_text",
                "description",
                "decimals",
                "note",
                "targets",
                "measurements",
                "example_measurements",
                "compare_with",
                "compare_group",
            },
        )
        kpi = None
        if node.get("kpi") is not None:
            kpi = Kpi.objects.filter(id=r.text(node, "kpi")).first()
            if kpi is None:
                r.fail(node, f"kpi: {node['kpi']!r} is not in the loaded Kolada files", "kpi")
        group = None
        if node.get("compare_group") is not None:
            group = KoladaGroup.objects.filter(id=r.text(node, "compare_group")).first()
            if group is None:
                r.fail(node, f"compare_group: unknown group {node['compare_group']!r}")
        computation = ""
        if node.get("computation") is not None:
            computation = r.choice(node, "computation", Computation)
        indicator = r.save(
            node,
            Indicator(
                municipality=self.municipality,
                name=r.text(node, "name"),
                slug=r.text(node, "slug"),
                description=r.text(node, "description", required=False)
                or (kpi.description if kpi else ""),
                unit=r.choice(node, "unit", IndicatorUnit),
                unit_text=r.text(node, "unit_text", required=False),
                direction=r.choice(node, "direction", Direction),
                period_type=r.choice(node, "period_type", PeriodType),
                source=r.choice(node, "source", Source),
                kpi=kpi,
                computation=computation,
                compare_group=group,
                decimals=node.get("decimals", 1),
                note=r.text(node, "note", required=False),
            ),
        )
        for slug in r.items(node, "goals", "an indicator"):
            if slug not in self.goals:
                r.fail(node, f"goals: unknown goal {slug!r}", "goals")
            indicator.goals.add(self.goals[slug])
        ids = [str(i) for i in r.items(node, "compare_with", "an indicator")]
        known = set(KoladaMunicipality.objects.filter(id__in=ids).values_list("id", flat=True))
        for missing in [i for i in ids if i not in known]:
            r.fail(node, f"compare_with: unknown Kolada municipality {missing!r}", "compare_with")
        indicator.compare_with.set(ids)
        for key, value in (node.get("targets") or {}).items():
            Target.objects.create(
                indicator=indicator, period=self.period(node, "targets", key), value=value
            )
        # The demo's entered outcomes are invented; the file says so and the pages show it.
        example = node.get("example_measurements", False)
        if not isinstance(example, bool):
            r.fail(node, f"example_measurements: {example!r} is not true or false")
        for key, value in (node.get("measurements") or {}).items():
            Measurement.objects.create(
                indicator=indicator,
                period=self.period(node, "measurements", key),
                value=value,
                is_example=example,
            )

    def assessment(self, node) -> None:
        from styr.goals.domain import write_assessment

        r = self.r
        r.mapping(node, "an assessment", {"goal", "period", "analysis"}, {"author", "recorded_at"})
        goal = r.ref(node, "goal", self.goals, "goal")
        recorded = r.date(node, "recorded_at")
        write_assessment(
            goal,
            self.period(node, "period", node["period"]),
            r.text(node, "analysis"),
            author=r.ref(node, "author", self.people, "person"),
            recorded_at=(
                timezone.make_aware(dt.datetime.combine(recorded, dt.time(12)))
                if recorded
                else None
            ),
        )

    def generated(self, node) -> None:
        r = self.r
        r.mapping(node, "generated", set(), {"service_cases", "hme_survey"})
        if node.get("service_cases") is not None:
            cases = r.mapping(node["service_cases"], "service_cases", {"year"})
            load_demo_year(self.municipality, year=self.year(cases, "year"))
        if node.get("hme_survey") is not None:
            survey = r.mapping(node["hme_survey"], "hme_survey", {"year"})
            load_demo_survey(self.municipality, year=self.year(survey, "year"))
