"""The audit log in the admin: read-only, for administrators, in Swedish.

Replaces django-auditlog's own LogEntry admin, which answers permissions without the policy
and speaks English. Every question goes to `styr.accounts.policy` ("auditlog.logentry":
administrators read, nobody adds, changes or deletes).
"""

from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from styr.accounts.admin_site import PolicyModelAdmin
from styr.accounts.audit import AUDITED, AuditEvent, event_label

ACTIONS = {
    LogEntry.Action.CREATE: _("skapad"),
    LogEntry.Action.UPDATE: _("ändrad"),
    LogEntry.Action.DELETE: _("borttagen"),
    LogEntry.Action.ACCESS: _("händelse"),
}
M2M_OPERATIONS = {"add": _("tillagda"), "delete": _("borttagna")}
EMPTY = "–"
SHORT = 160  # characters of changes in the list


def field_name(entry, name: str) -> str:
    model = entry.content_type.model_class()
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a field since removed, or a model since removed
        return name


def shown(value) -> str:
    return EMPTY if value in (None, "None", "") else str(value)


def change_rows(entry, *, resolve: bool) -> list[tuple[str, str, str]]:
    """(field, before, after) for each change; m2m changes as (field, operation, objects).

    `resolve` shows related objects and choices by name (a query per related object: the
    detail page); without it they show as stored (the list).
    """
    changes = entry.changes_dict
    resolve = resolve and entry.content_type.model_class() is not None
    display = {str(k): v for k, v in entry.changes_display_dict.items()} if resolve else {}
    rows = []
    for name, change in sorted(changes.items()):
        label = field_name(entry, name)
        if isinstance(change, dict) and change.get("type") == "m2m":
            operation = change.get("operation")
            operation = M2M_OPERATIONS.get(str(operation), operation)
            rows.append((label, str(operation), ", ".join(change.get("objects", []))))
            continue
        before, after = display.get(label, change) if resolve else change
        rows.append((label, shown(before), shown(after)))
    return rows


class ActionFilter(admin.SimpleListFilter):
    title = _("typ")
    parameter_name = "typ"

    def lookups(self, request, model_admin):
        return [(str(value), label) for value, label in ACTIONS.items()]

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


class EventFilter(admin.SimpleListFilter):
    title = _("händelse")
    parameter_name = "handelse"

    def lookups(self, request, model_admin):
        return AuditEvent.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(additional_data__event=self.value())
        return queryset


class ObjectTypeFilter(admin.SimpleListFilter):
    title = _("objekttyp")
    parameter_name = "objekt"

    def lookups(self, request, model_admin):
        from django.apps import apps

        models = [apps.get_model(label) for label in AUDITED]
        types = ContentType.objects.get_for_models(*models)
        return sorted(
            ((str(types[m].id), str(m._meta.verbose_name)) for m in models),
            key=lambda item: item[1].lower(),
        )

    def queryset(self, request, queryset):
        return queryset.filter(content_type_id=self.value()) if self.value() else queryset


if admin.site.is_registered(LogEntry):
    admin.site.unregister(LogEntry)


SHOWN = ("when", "who", "kind", "event", "what", "before_after", "via", "address")


@admin.register(LogEntry)
class AuditLogAdmin(PolicyModelAdmin):
    list_display = ["when", "who", "kind", "event", "what", "summary"]
    list_select_related = ["content_type", "actor"]
    list_filter = [ActionFilter, EventFilter, ObjectTypeFilter]
    search_fields = ["object_repr", "actor__username", "actor_email"]
    date_hierarchy = "timestamp"
    ordering = ["-timestamp", "-id"]
    list_per_page = 50
    fields = readonly_fields = SHOWN

    @admin.display(description=_("tid"), ordering="timestamp")
    def when(self, entry):
        return entry.timestamp

    @admin.display(description=_("vem"))
    def who(self, entry):
        if entry.actor is not None:
            return entry.actor.get_username()
        data = entry.additional_data or {}
        if data.get("os_user"):
            return _("%(user)s (kommandorad)") % {"user": data["os_user"]}
        return entry.actor_email or EMPTY

    @admin.display(description=_("typ"), ordering="action")
    def kind(self, entry):
        return ACTIONS.get(entry.action, entry.action)

    @admin.display(description=_("händelse"))
    def event(self, entry):
        return event_label(entry) or EMPTY

    @admin.display(description=_("objekt"))
    def what(self, entry):
        model = entry.content_type.model_class()
        kind = model._meta.verbose_name if model else entry.content_type.model
        return f"{kind}: {entry.object_repr}"

    @admin.display(description=_("ändringar"))
    def summary(self, entry):
        if entry.action == LogEntry.Action.ACCESS:
            data = entry.additional_data or {}
            return data.get("username", "") or EMPTY
        text = "; ".join(f"{f}: {a} → {b}" for f, a, b in change_rows(entry, resolve=False))
        return text if len(text) <= SHORT else text[: SHORT - 1] + "…"

    @admin.display(description=_("ändringar (före → efter)"))
    def before_after(self, entry):
        rows = change_rows(entry, resolve=True)
        if not rows:
            return EMPTY
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("fält"),
            _("före"),
            _("efter"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    @admin.display(description=_("via"))
    def via(self, entry):
        data = entry.additional_data or {}
        if data.get("via"):
            return f"{data['via']} ({data.get('os_user', '')})"
        return _("webben") if entry.remote_addr else EMPTY

    @admin.display(description=_("adress"))
    def address(self, entry):
        return entry.remote_addr or EMPTY
