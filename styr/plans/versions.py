"""What changed between the versions of an action, in words a reader of the plan expects.

Pure: versions come in as rows (anything with the fields of `ActionVersion`), names of
themes, people and posts as dicts by id. The action page lists the result:
"Tidplan ändrad 1 mars 2016: våren 2016 → hösten 2016".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from styr.lib.dates import describe

LABELS = {
    "title": "Titel ändrad",
    "text": "Texten ändrad",
    "deadline": "Tidplan ändrad",
    "theme": "Flyttad till annat tema",
    "responsible": "Ansvar ändrat",
}


@dataclass
class Change:
    what: str  # a key of LABELS
    before: str
    after: str

    @property
    def label(self) -> str:
        return LABELS[self.what]


@dataclass
class VersionEntry:
    applies_from: dt.date
    recorded_at: dt.datetime
    recorded_by: str
    reason: str
    correction: bool
    first: bool
    changes: list[Change] = field(default_factory=list)


@dataclass
class Names:
    themes: dict[int, str]
    people: dict[int, str]
    posts: dict[int, str]


def deadline_words(version: Any) -> str:
    if version.deadline_text:
        return str(version.deadline_text)
    if version.deadline_date:
        return describe(version.deadline_date, version.deadline_precision)
    return "ingen tidsangivelse"


def responsibility_words(version: Any, names: Names) -> str:
    parts = []
    for item in version.responsibilities:
        who = (
            names.people.get(item["person"] or 0)
            or names.posts.get(item["post"] or 0)
            or item["role_text"]
        )
        parts.append(f"{who} (stöd)" if item["kind"] == "supporting" else who)
    return ", ".join(parts) or "ingen namngiven"


def changes_between(before: Any, after: Any, names: Names) -> list[Change]:
    found = []
    if before.title != after.title:
        found.append(Change("title", before.title, after.title))
    if before.text != after.text:
        found.append(Change("text", before.text, after.text))
    if (before.deadline_text, before.deadline_date) != (after.deadline_text, after.deadline_date):
        found.append(Change("deadline", deadline_words(before), deadline_words(after)))
    if before.theme_id != after.theme_id:
        found.append(
            Change(
                "theme",
                names.themes.get(before.theme_id, ""),
                names.themes.get(after.theme_id, ""),
            )
        )
    if before.responsibilities != after.responsibilities:
        found.append(
            Change(
                "responsible",
                responsibility_words(before, names),
                responsibility_words(after, names),
            )
        )
    return found


def describe_versions(versions: list[Any], names: Names) -> list[VersionEntry]:
    """One entry per version in the order recorded, each compared with the one before it."""
    ordered = sorted(versions, key=lambda v: (v.recorded_at, v.id or 0))
    entries = []
    for index, version in enumerate(ordered):
        author = version.recorded_by
        entries.append(
            VersionEntry(
                applies_from=version.applies_from,
                recorded_at=version.recorded_at,
                recorded_by=(author.get_full_name() or author.get_username()) if author else "",
                reason=version.reason,
                correction=version.correction,
                first=index == 0,
                changes=changes_between(ordered[index - 1], version, names) if index else [],
            )
        )
    return entries
