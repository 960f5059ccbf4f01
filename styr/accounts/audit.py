"""The audit log: every write Styr's people make, with who, when, and before → after.

We use django-auditlog: one `LogEntry` table holding the actor, the time, the address and a
before/after diff per field, written by model signals on the same database connection as
the write, so inside the same transaction (a write that rolls back leaves no entry), on
SQLite as on PostgreSQL. (django-pghistory records through PostgreSQL triggers and Styr runs
on SQLite by default; django-simple-history adds a history table per model and knows no
logins; django-reversion keeps snapshots, not diffs.)

What this module adds to the library:
- `register_models()`: the models Styr's people write, and what of them is not kept
  (a published file's bytes, a report's rendered content, the password hash);
- named events: `audit_event(AuditEvent.STATUS_UPDATE)` (or the decorator `audited`) labels
  every entry written inside it, so the admin tells a publication, an import or a status
  update from a plain create, and names the acting user when no request does;
- the command line: `command_line(argv)` labels entries written by a `styr` command with the
  command and the operating-system user (there is no request to name anyone);
- logins, logouts and failed logins as entries of their own.

The module imports no Styr model, so the domain modules of every layer may use its context
managers without an import cycle.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
import os
import re
import shlex
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from typing import Any

from auditlog.middleware import AuditlogMiddleware
from django.db import models
from django.utils.translation import gettext_lazy as _

from styr.accounts.throttling import client_address


class AuditEvent(models.TextChoices):
    """What a person did, when it is more than a plain create or change of rows."""

    LOGIN = "login", _("inloggning")
    LOGOUT = "logout", _("utloggning")
    LOGIN_FAILED = "login_failed", _("misslyckad inloggning")
    SINGLE_SIGN_ON = "single_sign_on", _("konto och roller från inloggningstjänsten")
    STATUS_UPDATE = "status_update", _("statusuppdatering")
    STATUS_REVIEW = "status_review", _("granskning av statusuppdatering")
    APPROVAL_SETTING = "approval_setting", _("krav på godkännande ändrat")
    ACTION_CHANGE = "action_change", _("ändring av åtgärd")
    ACTION_VERSION = "action_version", _("ny version av åtgärd")
    PLAN_PUBLISH = "plan_publish", _("publicering av plan")
    REPORT_PUBLISH = "report_publish", _("publicering av lägesrapport")
    REPORT_TEXTS = "report_texts", _("rapporttexter sparade")
    PLAN_IMPORT = "plan_import", _("import av plan")
    ROUND_OPEN = "round_open", _("uppföljningstillfälle öppnat")
    ROUND_CLOSE = "round_close", _("uppföljningstillfälle stängt")
    DIGEST_SUBSCRIBE = "digest_subscribe", _("prenumeration på veckans ändringar")
    MAIL_OPT_OUT = "mail_opt_out", _("avregistrering från e-post")
    MANAGERS_IMPORT = "managers_import", _("import av chefer")
    CONTRACT_WRITE = "contract_write", _("resultatkontrakt skrivet")
    CONTRACT_AGREE = "contract_agree", _("resultatkontrakt överenskommet")
    CONTRACT_FOLLOW_UP = "contract_follow_up", _("resultatkontrakt följt upp")
    MEETING_ATTENDANCE = "meeting_attendance", _("närvaro på chefsmöte")
    MANAGER_AWARD = "manager_award", _("chefspris")


# What every entry written now should carry: {"data": {...}, "actor": user or None}.
# Our own context rather than auditlog's `set_extra_data`: that one replaces the request's
# context (and with it the actor) when nested, and does not restore it on exit.
_context: ContextVar[dict[str, Any] | None] = ContextVar("styr_audit_context", default=None)


@contextlib.contextmanager
def audit_context(*, actor=None, **data: Any) -> Iterator[None]:
    """Add `data` to the `additional_data` of every audit entry written inside.

    Nested contexts add to the outer one; a key the outer one set is kept, so an import that
    records status updates stays "import av plan" and a command's command line stays.
    `actor` names the acting user for entries no request names (a command, a test).
    """
    outer = _context.get() or {}
    merged = {"data": {**data, **outer.get("data", {})}, "actor": outer.get("actor") or actor}
    token = _context.set(merged)
    try:
        yield
    finally:
        _context.reset(token)


def audit_event(event: AuditEvent | str, *, actor=None):
    """Label every entry written inside with the event, e.g.
    `with audit_event(AuditEvent.REPORT_PUBLISH, actor=user): ...`."""
    return audit_context(event=str(event), actor=actor)


def audited(event: AuditEvent | str, *, actor: str | None = None) -> Callable:
    """Decorate a domain write with `audit_event`; `actor` names its keyword argument that
    holds the acting user (e.g. "by" or "author")."""

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            with audit_event(event, actor=kwargs.get(actor) if actor else None):
                return function(*args, **kwargs)

        return wrapper

    return decorate


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        return str(os.getuid())


# What a shell reads as one plain word; unlike shlex's, letters such as å, ä and ö are plain.
_PLAIN_WORD = re.compile(r"[\w@%+=:,./-]+")


def command_line(argv: Sequence[str]):
    """Label the entries a `styr` command writes with the command line and the OS user."""
    words = ["styr", *argv[1:]]
    shown = " ".join(w if _PLAIN_WORD.fullmatch(w) else shlex.quote(w) for w in words)
    return audit_context(via=shown, os_user=os_user())


def event_label(entry) -> str:
    """The entry's event in Swedish ("" for a plain create, change or delete)."""
    event = (entry.additional_data or {}).get("event", "")
    try:
        return str(AuditEvent(event).label)
    except ValueError:
        return event


# ---------------------------------------------------------------------------------------
# Receivers


def _add_context(sender, instance, **kwargs) -> None:
    """pre_save of LogEntry: the event, command line and actor of the current context."""
    current = _context.get()
    if not current:
        return
    if current.get("data"):
        instance.additional_data = {**current["data"], **(instance.additional_data or {})}
    actor = current.get("actor")
    if instance.actor_id is None and getattr(actor, "pk", None) is not None:
        instance.actor = actor
        instance.actor_email = getattr(actor, "email", None)


def _leave_command_context(sender, **kwargs) -> None:
    """request_started: a request's entries are the request's, even in a server process
    started by a command (`styr up`, a forking server), so the command line is dropped."""
    if _context.get():
        _context.set(None)


class AuditMiddleware(AuditlogMiddleware):
    """auditlog's middleware (the signed-in user is every entry's actor), with the address
    login throttling counts: auditlog's own trusts the first X-Forwarded-For entry, which
    any client can write; ours trusts only what the proxy of STYR_HTTPS appended."""

    @staticmethod
    def _get_remote_addr(request):
        return client_address(request)


def _access_entry(event: AuditEvent, request, *, user=None, username: str = "") -> None:
    from auditlog.models import LogEntry
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    data: dict[str, Any] = {"event": str(event)}
    if user is None:
        data["username"] = username
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_pk=str(user.pk) if user is not None else "",
        object_id=user.pk if user is not None else None,
        object_repr=user.get_username() if user is not None else username,
        action=LogEntry.Action.ACCESS,
        actor=user,
        actor_email=getattr(user, "email", None),
        remote_addr=client_address(request),
        additional_data=data,
    )


def _logged_in(sender, request, user, **kwargs) -> None:
    _access_entry(AuditEvent.LOGIN, request, user=user)


def _logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:  # logging out without being logged in is no event
        _access_entry(AuditEvent.LOGOUT, request, user=user)


def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    # Django has already replaced the password in `credentials` with stars; only the
    # username tried is kept.
    username = str(credentials.get("username", ""))[:150]
    _access_entry(AuditEvent.LOGIN_FAILED, request, username=username)


# ---------------------------------------------------------------------------------------
# What is audited

# Model → auditlog's register() options. Kolada is not here: its loader writes values with
# executemany, without model signals, because a load may hold a million of them; Kolada's
# data are the public national database's, and a reload reproduces them. Service cases and
# HME answers are written in bulk too: their import (one row each) is what is audited.
AUDITED: dict[str, dict[str, Any]] = {
    "org.Municipality": {},
    "org.Person": {},
    "org.PersonAlias": {},
    "org.Unit": {},
    "org.UnitChange": {},
    "org.Body": {},
    "org.Post": {},
    "org.Tenure": {},
    "plans.Plan": {},
    "plans.FocusArea": {},
    "plans.Theme": {},
    "plans.Action": {},
    "plans.Responsibility": {},
    "plans.StatusUpdate": {},
    "plans.StatusReview": {},
    "plans.ActionVersion": {},
    "goals.AssessmentScale": {},
    "goals.Goal": {"m2m_fields": {"actions"}},
    "goals.Indicator": {"m2m_fields": {"goals", "compare_with"}},
    "goals.Target": {},
    "goals.Measurement": {},
    "goals.GoalAssessment": {},
    # The report's rendered content and the files' bytes are kept by their own append-only
    # rows, with checksums; the log keeps the checksums, not a second copy.
    "reports.PublishedReport": {"exclude_fields": ["content"]},
    "reports.PublishedFile": {"exclude_fields": ["data"]},
    "reports.ReportTexts": {},
    "imports.PlanImport": {},
    "rounds.Round": {},
    # Managers and their line managers, dated (HR imports end and start them).
    "contracts.ManagerAssignment": {},
    "contracts.ResultContract": {},
    "contracts.ContractVersion": {"m2m_fields": {"goals", "actions"}},
    "contracts.ExpectedResult": {},
    "contracts.ContractEvent": {},
    "contracts.Outcome": {},
    # Who gets the digest, and who said no to mail; the sent log (reminders.SentMail) is a
    # log of its own, written in bulk, and not repeated here.
    "reminders.Subscription": {},
    "reminders.OptOut": {},
    "accounts.Account": {},
    "accounts.RoleGrant": {},
    # Every login would otherwise change last_login (the login entry says it); a password
    # change is logged as changed, but neither hash is kept.
    "auth.User": {
        "exclude_fields": ["last_login"],
        "mask_fields": ["password"],
        "mask_callable": "styr.accounts.audit.hidden",
    },
    # Manager meetings: attendance is personal data, so who recorded what is kept.
    "meetings.Coordination": {"m2m_fields": {"coordinators", "town_hall_units"}},
    "meetings.Meeting": {},
    "meetings.Attendance": {},
    "meetings.Award": {},
    "service.ServiceCaseImport": {},
    "engagement.EngagementSurvey": {},
}


def hidden(value: str) -> str:
    """What the log shows of a password hash: that it is there, nothing of it."""
    return "(dold)" if value and value != "None" else "–"


def register_models() -> None:
    """Register the audited models and the receivers; called once from AccountsConfig.ready."""
    from auditlog.models import LogEntry
    from auditlog.registry import auditlog
    from django.apps import apps
    from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
    from django.core.signals import request_started
    from django.db.models.signals import pre_save

    for label, options in AUDITED.items():
        model = apps.get_model(label)
        if not auditlog.contains(model):
            # The model's own columns: without this auditlog also lists every reverse
            # relation (a municipality's units, plans, …) as a meaningless "change" on create.
            columns = [field.name for field in model._meta.concrete_fields]
            auditlog.register(model, include_fields=columns, **options)
    pre_save.connect(_add_context, sender=LogEntry, dispatch_uid="styr_audit_context")
    request_started.connect(_leave_command_context, dispatch_uid="styr_audit_request")
    user_logged_in.connect(_logged_in, dispatch_uid="styr_audit_login")
    user_logged_out.connect(_logged_out, dispatch_uid="styr_audit_logout")
    user_login_failed.connect(_login_failed, dispatch_uid="styr_audit_login_failed")
