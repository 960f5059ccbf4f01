"""The content of a status report (lägesrapport): plain data, no Django.

`build.build_report` fills it from a plan as of a day; the renderers (Markdown, HTML, Word,
PDF) only read it; publishing stores it as JSON. Everything is a string, a number, a list
or one of these dataclasses, so `to_json`/`from_json` round-trip exactly.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field

# 2: the strategy office's texts, dated notes and theme descriptions. Version 1 content
# (published before) still reads: the fields it lacks take their defaults.
FORMAT_VERSION = 2


@dataclass
class ReportAction:
    id: int
    title: str
    text: str
    theme: str
    origin: str  # earlier | new
    responsible: list[str]
    supporting: list[str]
    deadline_text: str
    deadline_date: str | None  # ISO date
    status: str  # a status code, or "none" when nothing was reported
    status_label: str
    note: str
    note_date: str | None  # ISO date of the update the note comes from
    overdue: bool
    # The note was already in force at the previous report (or, with none, before the
    # report's day): it is shown with its date so that it does not read as current.
    note_dated: bool = False
    note_date_text: str = ""
    named: list[str] = field(default_factory=list)  # responsible and supporting, bare names


@dataclass
class Block:
    """A heading (or none) and the actions under it, in document order."""

    heading: str
    level: int  # 1 = directly under the section heading
    actions: list[ReportAction] = field(default_factory=list)
    description: str = ""  # the theme's own text, above its actions


@dataclass
class StatusCount:
    code: str
    label: str
    count: int


@dataclass
class ThemeSummary:
    heading: str
    level: int
    total: int
    done: int
    overdue: int
    counts: list[StatusCount]


@dataclass
class StatusChange:
    id: int
    title: str
    before: str  # status label
    after: str


@dataclass
class Changes:
    since: str  # ISO date of the previous report
    since_text: str
    new: list[ReportAction] = field(default_factory=list)
    status: list[StatusChange] = field(default_factory=list)
    newly_overdue: list[ReportAction] = field(default_factory=list)


@dataclass
class Signatory:
    name: str
    title: str = ""
    unit: str = ""


@dataclass
class Texts:
    """The strategy office's words (`ReportTexts`), in the format `wording.text_parts` reads."""

    summary: str = ""
    matter: str = ""
    areas: str = ""
    economy: str = ""
    other: str = ""
    attachments: list[str] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    include_statistics: bool = True


@dataclass
class Report:
    format_version: int
    municipality: str
    date: str  # ISO date the report is "as of"
    date_text: str  # "2 september 2015"
    document_type: str
    registration_number: str
    addressee: str
    title: str
    subtitle: str
    proposal: str
    total: int
    done: int
    counts: list[StatusCount]
    themes: list[ThemeSummary]
    overdue: list[ReportAction]
    changes: Changes | None
    remaining: list[ReportAction]
    upcoming: list[Block]
    appendix: list[Block]
    texts: Texts = field(default_factory=Texts)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=1, sort_keys=True)


def from_json(text: str) -> Report:
    data = json.loads(text)

    def action(item):
        return ReportAction(**item)

    def counts(items):
        return [StatusCount(**item) for item in items]

    changes = data["changes"]
    return Report(
        **{
            **data,
            "counts": counts(data["counts"]),
            "themes": [
                ThemeSummary(**{**theme, "counts": counts(theme["counts"])})
                for theme in data["themes"]
            ],
            "overdue": [action(a) for a in data["overdue"]],
            "changes": None
            if changes is None
            else Changes(
                since=changes["since"],
                since_text=changes["since_text"],
                new=[action(a) for a in changes["new"]],
                status=[StatusChange(**c) for c in changes["status"]],
                newly_overdue=[action(a) for a in changes["newly_overdue"]],
            ),
            "remaining": [action(a) for a in data["remaining"]],
            "upcoming": [_block(b) for b in data["upcoming"]],
            "appendix": [_block(b) for b in data["appendix"]],
            "texts": _texts(data.get("texts")),
        }
    )


def _block(item) -> Block:
    return Block(**{**item, "actions": [ReportAction(**a) for a in item["actions"]]})


def _texts(item) -> Texts:
    if item is None:
        return Texts()
    return Texts(**{**item, "signatories": [Signatory(**s) for s in item["signatories"]]})
