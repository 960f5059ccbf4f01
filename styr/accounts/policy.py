"""Who may do what to which object: the one place that answers it.

Views, the admin, the commands and any later API ask `can(user, right, obj)`, or Django's
`user.has_perm(right, obj)`, which is the same question: the rules below are registered with
django-rules, whose authentication backend answers `has_perm`. We use django-rules rather than
plain functions of our own because Django's admin already asks `has_perm(codename, obj)` for
every object it shows; with the rules registered under those codenames the admin, `{% has_perm %}`
in templates and our own views share one set of named predicates, with no second backend.
Django's own permission tables grant nothing (see `styr.accounts.backends`).

Roles (see `styr.accounts.models.Role`):
- strateg: administers one plan, or all the municipality's plans: edits plans and actions,
  reports status, imports documents as new plans, publishes plans and reports;
- läsare: an internal reader: sees drafts and internal notes;
- admin: accounts and the organisation (people, units, posts, bodies), and the audit log.
*Ansvarig* is a fact, not a role: a user whose person is named responsible or supporting on
an action (or holds today a post that is named) may report status on it. A superuser
holds every role everywhere; what is never allowed (changing history) stays refused.

Predicates read the user's grants and responsibilities once per request (cached on the user
object), so asking about many objects costs no extra queries.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q

from styr.accounts.models import Role
from styr.accounts.roles import (
    forget as forget,
)
from styr.accounts.roles import (
    grants,
    insider,
    is_admin,
    is_hr,
    is_municipality_strateg,
    is_responsible,
    is_signed_in,
    is_strateg,
    may_report_status,
    may_view_plan,
    staff,
)
from styr.accounts.roles import (
    person_of as person_of,
)
from styr.accounts.roles import (
    responsibility_filter as responsibility_filter,
)
from styr.contracts import rules as contract
from styr.meetings.rules import has_person, is_above_in_line, is_the_person
from styr.meetings.rules import is_meeting_coordinator as is_coordinator
from styr.org.models import Municipality

# The predicates are in `styr.accounts.roles`; `forget`, `person_of` and
# `responsibility_filter` are re-exported: callers import the policy only.

# ---------------------------------------------------------------------------------------
# The rights Styr's own pages and commands ask for

RIGHTS = {
    "plans.view_plan": may_view_plan,
    # Internal notes: insiders of the plan, and on an action also those who answer for it.
    "plans.view_internal": insider | is_responsible,
    "plans.report_status": may_report_status,
    # The status spreadsheet: the same data as the plan's pages, for those signed in (a
    # workbook per request costs the server; citizens read the pages). Whether an uploaded
    # row may be saved is "plans.report_status", asked per row.
    "plans.export_status": is_signed_in & may_view_plan,
    "plans.import_status": is_signed_in & may_view_plan,
    "plans.approve_status": is_strateg,
    "plans.change_plan": is_strateg,
    "plans.publish_plan": is_strateg,
    "plans.change_action": is_strateg,
    "reports.publish_report": is_strateg,
    "reports.write_texts": is_strateg,
    # A round's page names people and who is late: internal, never public.
    "rounds.view_round": insider,
    "rounds.open_round": is_strateg,
    "rounds.close_round": is_strateg,
    "imports.import_plan": is_municipality_strateg,
    "goals.link_kpi": is_municipality_strateg,
    "org.change_organisation": is_admin,
    "accounts.manage_accounts": is_admin,
    "accounts.view_audit": is_admin,
    # The coordinators of the manager meetings keep the meetings and chefspriser there.
    "accounts.use_admin": is_strateg | is_admin | is_coordinator,
    "accounts.view_own_actions": is_signed_in,
    # The weekly digest of a plan: anyone signed in who may read the plan subscribes
    # themselves; the plan's strateg also adds others (politicians) by address.
    "reminders.subscribe": is_signed_in & may_view_plan,
    "reminders.manage_subscriptions": is_strateg,
    # Result contracts are personal data: HR, admins and the people concerned (the manager,
    # the signing line manager, those above in the line today); see styr.contracts.rules.
    # Coverage: HR and admins see every line, a director their own (the page filters).
    "contracts.view_coverage": is_hr | is_admin | contract.is_director_here,
    "contracts.view_contract": (
        is_hr
        | is_admin
        | contract.is_the_manager
        | contract.is_signing_line_manager
        | contract.is_above_in_line
    ),
    "contracts.write_contract": contract.is_line_manager_now,
    "contracts.accept_contract": contract.is_the_manager,
    "contracts.follow_up_contract": contract.is_signing_line_manager,
    "contracts.view_own_contracts": is_signed_in,
    # Manager meetings: attendance is personal data. The coordinating unit (who leads it,
    # or is named a coordinator) records it; it, HR and admins read every list; a manager
    # reads their own and the line above theirs. The rates page shows each signed-in person
    # of the organisation only what they may read (styr.meetings.views).
    "meetings.record_attendance": is_coordinator | is_admin,
    "meetings.view_attendance": is_coordinator | is_hr | is_admin,
    "meetings.view_manager_attendance": (
        is_the_person | is_above_in_line | is_coordinator | is_hr | is_admin
    ),
    "meetings.view_rates": is_coordinator | is_hr | is_admin | has_person,
}

# ---------------------------------------------------------------------------------------
# The admin: Django asks `<app>.<view|add|change|delete>_<model>` per object.
# Each model is edited by the role that owns its part of the domain.

never = rules.always_deny
plan_content = {"view": may_view_plan & staff, "edit": is_strateg}
ADMIN_FAMILIES: dict[str, dict[str, Any]] = {
    # A plan and what it holds: the plan's strateg. New plans: a municipality-wide strateg.
    "plans.plan": {**plan_content, "add": is_municipality_strateg, "delete": never},
    "plans.focusarea": plan_content,
    "plans.theme": plan_content,
    "plans.action": {**plan_content, "delete": never},
    "plans.responsibility": plan_content,
    # History: read, never changed or deleted (status updates are added on their action).
    "plans.statusupdate": {"view": plan_content["view"], "add": may_report_status, "edit": never},
    "plans.actionversion": {"view": plan_content["view"], "edit": never},
    "plans.statusreview": {"view": plan_content["view"], "edit": never},
    "reports.publishedreport": {"view": plan_content["view"], "edit": never},
    "reports.publishedfile": {"view": plan_content["view"], "edit": never},
    # Opened and closed on the rounds page (validated, audited); the title and message may
    # be reworded here. Viewing is the rounds page's own right (the admin's name for it is
    # the same, rounds.view_round): the plan's insiders, not every strateg of the place.
    "rounds.round": {
        "view": insider,
        "change": is_strateg,
        "add": never,
        "delete": never,
    },
    # Written on the plan's report-texts page, each save a new row; read here.
    "reports.reporttexts": {"view": plan_content["view"], "edit": never},
    "imports.planimport": {"view": plan_content["view"], "edit": never},
    # The organisation: admins. A municipality is never deleted from the admin: it would
    # take every plan, person and figure with it.
    "org.municipality": {"view": staff, "edit": is_admin, "delete": never},
    **{
        f"org.{name}": {"view": staff, "edit": is_admin}
        for name in (
            "person",
            "personalias",
            "unit",
            "unitchange",
            "body",
            "post",
            "tenure",
        )
    },
    # Goals and the data behind indicators: a municipality-wide strateg.
    **{
        f"goals.{name}": {"view": staff, "edit": is_municipality_strateg}
        for name in ("assessmentscale", "goal", "indicator", "target", "measurement")
    },
    "goals.goalassessment": {"view": staff, "add": is_municipality_strateg},
    # Case records and survey answers come from files (`styr cases import`, `styr hme
    # import`); taking back a wrongly imported file deletes its rows with it.
    **{
        f"{model}": {
            "view": is_municipality_strateg | is_admin,
            "delete": is_municipality_strateg,
            "edit": never,
        }
        for model in (
            "service.servicecaseimport",
            "service.servicecase",
            "engagement.engagementresponse",
        )
    },
    "engagement.engagementsurvey": {
        "view": is_municipality_strateg | is_admin,
        "change": is_municipality_strateg,
        "delete": is_municipality_strateg,
        "edit": never,
    },
    # Kolada's national catalogue and values are loaded by `styr kolada load`, not edited.
    **{
        f"kolada.{name}": {"view": staff, "edit": never}
        for name in ("kpi", "koladamunicipality", "koladagroup", "koladavalue")
    },
    # Manager meetings and chefspriser: the coordinating unit (attendance is recorded on the
    # meeting's page, or imported); who coordinates: admins.
    "meetings.coordination": {"view": is_coordinator | is_admin, "edit": is_admin},
    "meetings.meeting": {"edit": is_coordinator | is_admin},
    "meetings.award": {"edit": is_coordinator | is_admin},
    # Accounts: admins.
    "auth.user": {"view": is_admin, "edit": is_admin, "delete": never},
    "accounts.account": {"view": is_admin, "edit": is_admin},
    "accounts.rolegrant": {"view": is_admin, "edit": is_admin},
    "auditlog.logentry": {"view": is_admin, "edit": never},  # the audit log: read, never edited
    # Managers come from HR's file (`styr managers import`); contracts are written on their
    # pages by the two who sign them. HR and admins read both here.
    **{
        f"contracts.{name}": {"view": is_hr | is_admin, "edit": never}
        for name in ("managerassignment", "resultcontract", "contractversion", "contractevent")
    },
}


def _admin_rules() -> dict[str, Any]:
    """`app.verb_model` for every verb: "add", "change" and "delete" default to "edit"."""
    registered = {}
    for model, family in ADMIN_FAMILIES.items():
        app, name = model.split(".")
        for verb in ("view", "add", "change", "delete"):
            registered[f"{app}.{verb}_{name}"] = family.get(verb, family.get("edit", never))
    return registered


ADMIN_RIGHTS = _admin_rules()

for _name, _predicate in {**ADMIN_RIGHTS, **RIGHTS}.items():
    rules.set_perm(_name, _predicate)


def can(user, right: str, obj: Any = None) -> bool:
    """May `user` do `right` to `obj`? The question every view, command and API asks.

    Asked of the rules directly, not through `user.has_perm`, because Django answers yes to
    a superuser for everything before asking: here a superuser holds every role, but what
    is never allowed (changing history) stays refused.
    """
    if right not in RIGHTS and right not in ADMIN_RIGHTS:
        raise KeyError(f"unknown right {right!r}")
    return user.is_active and rules.has_perm(right, user, obj)


def can_admin(user, verb: str, opts, obj: Any = None) -> bool:
    """The admin's question: `verb` (view, add, change, delete) on a model's object.

    A model the policy does not list is refused: nothing is editable by default.
    """
    right = f"{opts.app_label}.{verb}_{opts.model_name}"
    return right in ADMIN_RIGHTS and can(user, right, obj)


def viewable_plans(user) -> Q:
    """A filter on Plan: the plans `user` may see (published ones, and drafts for insiders)."""
    if user.is_authenticated and user.is_superuser:
        return Q()
    visible = Q(published_at__isnull=False)
    for role, municipality_id, plan_id in grants(user):
        if role in (Role.READER, Role.ADMIN) or (role == Role.STRATEG and plan_id is None):
            visible |= Q(municipality_id=municipality_id)
        elif role == Role.STRATEG:
            visible |= Q(id=plan_id)
    return visible


def municipalities_where(user, right: str) -> list[Municipality]:
    """The municipalities in which `user` has `right`, by name: where a page that acts in a
    municipality chosen on the page (an import, linking a KPI) lets the user act. One query."""
    return [m for m in Municipality.objects.order_by("name") if can(user, right, m)]
