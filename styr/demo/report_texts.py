"""The demo's report texts: the memo's own words for its lägesrapport (`ReportTexts`)."""

from __future__ import annotations

from django.utils import timezone

from styr.lib.asof import recorded_on
from styr.plans.models import Plan
from styr.reports.models import ReportTexts

_PROSE = ("subtitle", "summary", "matter", "areas", "economy", "other")


def load_report_texts(r, node, plan: Plan) -> ReportTexts:
    """Save a plan's `report_texts` entry; `r` is the loader's reader (it names bad lines).

    `remaining` names the actions of Återstående åtgärder by title; the texts count as
    recorded on the day they apply from, like the memo's status notes.
    """
    r.mapping(
        node,
        "report_texts",
        {"applies_from", "proposal"},
        {*_PROSE, "attachments", "signatories", "include_statistics", "remaining"},
    )
    day = r.date(node, "applies_from", required=True)
    signatories = []
    for who in r.items(node, "signatories", "report_texts"):
        r.mapping(who, "a signatory", {"name"}, {"title", "unit"})
        lines = [r.text(who, key, required=key == "name") for key in ("name", "title", "unit")]
        signatories.append("\n".join(line for line in lines if line))
    include = node.get("include_statistics", True)
    if not isinstance(include, bool):
        r.fail(node, "include_statistics must be true or false", "include_statistics")
    return r.save(
        node,
        ReportTexts(
            plan=plan,
            applies_from=day,
            recorded_at=recorded_on(day, timezone.get_current_timezone()),
            proposal=r.text(node, "proposal"),
            **{key: r.text(node, key, required=False) for key in _PROSE},
            attachments="\n".join(str(a) for a in r.items(node, "attachments", "report_texts")),
            signatories="\n\n".join(signatories),
            include_statistics=include,
            remaining=_remaining(r, node, plan),
        ),
    )


def _remaining(r, node, plan: Plan) -> list[int] | None:
    if node.get("remaining") is None:
        return None
    ids = dict(plan.actions.values_list("title", "id"))
    chosen = []
    for title in r.items(node, "remaining", "report_texts"):
        if title not in ids:
            r.fail(node, f"remaining: no action of the plan is titled {title!r}", "remaining")
        chosen.append(ids[title])
    return sorted(chosen)
