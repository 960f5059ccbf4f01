"""The plan sections of a demo file: each plan with its focus areas, themes, actions, the
responsibility for them, their dated status history and the plan's report texts. Read by
`styr.demo.loader` after the organisation, whose people, posts and bodies they refer to.

Actions and status updates are written through `styr.plans.domain` (the one write path),
as recorded on the day the document states them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone

from styr.demo.reader import Node, Reader
from styr.demo.report_texts import load_report_texts
from styr.lib.asof import recorded_on
from styr.org.models import Precision
from styr.plans.domain import record_action_version, record_status_update
from styr.plans.models import (
    Action,
    FocusArea,
    Origin,
    Plan,
    Responsibility,
    ResponsibilityKind,
    Status,
    Theme,
)


class PlanSections:
    def __init__(self, reader: Reader, municipality, bodies, people, posts):
        self.r = reader
        self.municipality = municipality
        self.bodies, self.people, self.posts = bodies, people, posts
        self.theme_order = 0
        self.action_order = 0

    def load(self, data: Node) -> None:
        for node in self.r.items(data, "plans", "plans"):
            self.plan(node)

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
