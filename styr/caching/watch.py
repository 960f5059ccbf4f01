"""Which writes bump which content version: model signals on every model of Styr's apps.

This is cache bookkeeping, not a roll-up (STYLE.md 6 keeps roll-ups out of signals): a
receiver only counts that a municipality's content changed; nothing a page shows is
computed here. Signals are the mechanism that cannot forget a write: the domain functions,
the admin, the demo loader and every command save through the ORM, and a model added later
to any Styr app is watched without being listed. What bypasses model signals
(`bulk_create`, `QuerySet.update`, raw SQL) bumps where it is done (`grep -rn "bump_"
styr`); `tests/caching/test_watch.py` keeps that list honest.

The scope of a row is its municipality, found by following its foreign keys to
`org.Municipality` (an action: plan → municipality); a row with no such path (Kolada's
national data) or an empty one counts for every municipality (SHARED).
"""

from __future__ import annotations

import functools
from typing import Any

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from styr.caching.models import SHARED
from styr.caching.versions import bump

# Written in bulk without model signals by loaders that bump themselves: watched on save
# only. A receiver of deletes would keep Django from deleting their many rows with one
# statement when their parent goes, and the parent's own delete bumps anyway.
BULK = {
    "kolada.KoladaValue",
    "service.ServiceCase",
    "engagement.EngagementResponse",
    "goals.YearAssessment",
    "goals.ComparisonValue",
}
# No page shows them: the sent-mail log, and the versions themselves.
IGNORED = {"reminders.SentMail", "caching.ContentVersion"}
# Of a user account, what pages show: the name of whoever reported or published.
USER = "auth.User"
USER_FIELDS = ("username", "first_name", "last_name")


def watched_models() -> list:
    """Every model whose writes change what pages show."""
    return [
        model
        for model in apps.get_models()
        if model._meta.label not in IGNORED
        and (model._meta.app_config.name.startswith("styr.") or model._meta.label == USER)
    ]


@functools.cache
def path_to_municipality(model) -> tuple | None:
    """The foreign keys from `model` to org.Municipality (() for Municipality itself),
    shortest first and through required keys where there are such; None if there is none."""
    municipality = apps.get_model("org", "Municipality")
    if model is municipality:
        return ()
    for allow_null in (False, True):
        frontier: list[tuple[Any, tuple]] = [(model, ())]
        seen = {model}
        while frontier:
            following = []
            for current, path in frontier:
                keys = [
                    field
                    for field in current._meta.concrete_fields
                    if field.is_relation and (allow_null or not field.null)
                ]
                for field in keys:
                    if field.related_model is municipality:
                        return (*path, field)
                for field in keys:
                    if field.related_model not in seen:
                        seen.add(field.related_model)
                        following.append((field.related_model, (*path, field)))
            frontier = following
    return None


def _lookup(path) -> str:
    return "__".join(field.name for field in path)


def scope_of(instance: Model) -> int:
    """The municipality whose content `instance` is (its id), or SHARED; at most one query,
    none when the row holds its municipality or its parents are loaded."""
    path = path_to_municipality(type(instance))
    if path is None:
        return SHARED
    if not path:
        return instance.pk
    row = instance
    for index, field in enumerate(path):
        value = getattr(row, field.attname)
        if value is None:
            return SHARED
        if index == len(path) - 1:
            return value
        if field.is_cached(row):
            row = field.get_cached_value(row)
            continue
        found = (
            field.related_model._base_manager.filter(**{field.target_field.attname: value})
            .values_list(_lookup(path[index + 1 :]), flat=True)
            .first()
        )
        return SHARED if found is None else found
    return SHARED  # not reached: the path ends at the municipality


def _stored_scope(instance: Model) -> int | None:
    """The scope of the row as stored before this save, if it could differ from the new one."""
    path = path_to_municipality(type(instance))
    if not path:
        return None
    found = (
        type(instance)
        ._base_manager.filter(pk=instance.pk)
        .values_list(_lookup(path), flat=True)
        .first()
    )
    return SHARED if found is None else found


def _before_save(sender, instance, raw=False, update_fields=None, using=None, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        return
    if sender._meta.label == USER:
        if update_fields is None or set(update_fields) & set(USER_FIELDS):
            stored = sender._base_manager.filter(pk=instance.pk).values_list(*USER_FIELDS)
            shown = tuple(getattr(instance, name) for name in USER_FIELDS)
            instance._styr_shown_changed = stored.first() != shown
        return
    path = path_to_municipality(sender)
    if path and (update_fields is None or path[0].name in update_fields):
        # A row moved to another municipality leaves the old one's pages changed too.
        instance._styr_stored_scope = _stored_scope(instance)


def _saved(sender, instance, created=False, raw=False, using=None, **kwargs):
    if raw:  # fixtures: the rows they point to may not be there yet
        bump(SHARED, using=using)
    elif sender._meta.label == USER:
        # A new account is on no page yet; a renamed one may be on any municipality's.
        if instance.__dict__.pop("_styr_shown_changed", False):
            bump(SHARED, using=using)
    else:
        stored = instance.__dict__.pop("_styr_stored_scope", None)
        scopes = {scope_of(instance)} | ({stored} if stored is not None else set())
        bump(*scopes, using=using)


def _deleted(sender, instance, using=None, **kwargs):
    bump(SHARED if sender._meta.label == USER else scope_of(instance), using=using)


def _linked(sender, instance, action, reverse, model, pk_set, using=None, **kwargs):
    """A many-to-many link added or removed: both ends' municipalities."""
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    scopes = {scope_of(instance)}
    path = path_to_municipality(model)
    if action == "pre_clear" or path is None:
        scopes.add(SHARED)  # the other ends are not at hand, or belong to everyone
    elif pk_set:
        if not path:
            scopes.update(pk_set)
        else:
            others = model._base_manager.filter(pk__in=pk_set).values_list(_lookup(path))
            scopes.update(SHARED if scope is None else scope for (scope,) in others.distinct())
    bump(*scopes, using=using)


def connect() -> None:
    """Connect the receivers to every watched model; called once from CachingConfig.ready."""
    for model in watched_models():
        label = model._meta.label
        uid = f"styr.caching:{label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        if label not in BULK:
            post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_linked, sender=through, dispatch_uid=f"{uid}.{field.name}")
