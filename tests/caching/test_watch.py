"""Every model whose rows pages show is watched, and rows count for their municipality."""

import re
from pathlib import Path

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from styr.caching.models import SHARED
from styr.caching.watch import BULK, IGNORED, path_to_municipality, scope_of, watched_models

STYR = Path(__file__).resolve().parents[2] / "styr"


def test_every_styr_model_is_watched_unless_listed_as_no_content():
    for model in apps.get_models():
        label = model._meta.label
        if not model._meta.app_config.name.startswith("styr.") or label in IGNORED:
            continue
        assert post_save.has_listeners(model), f"{label} is not watched by styr.caching"
        assert post_delete.has_listeners(model) or label in BULK, label


def test_bulk_models_are_written_only_where_a_version_is_bumped():
    """A model in BULK is written without signals: each module that writes it in bulk or by
    SQL must bump (or write a watched parent row in the same transaction)."""
    writers = {
        "styr/kolada/load.py": "bump_shared",
        "styr/service/domain.py": "ServiceCaseImport.objects.create",
        "styr/engagement/domain.py": "EngagementSurvey.objects.create",
        "styr/goals/stored.py": "bump_municipality(municipality)",
    }
    for path, proof in writers.items():
        assert proof in (STYR.parent / path).read_text(), path
    assert {label.split(".")[0] for label in BULK} == {"kolada", "service", "engagement", "goals"}


def test_no_bulk_update_or_raw_write_in_styr_goes_unbumped():
    """`QuerySet.update` skips signals; Styr's code has none outside migrations."""
    for path in STYR.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for line in path.read_text().splitlines():
            assert not re.search(r"objects\.filter\(.*\)\.update\(", line), f"{path}: {line}"


def test_a_status_update_counts_for_its_plan_s_municipality(demo):
    from styr.plans.models import StatusUpdate

    path = [field.name for field in path_to_municipality(StatusUpdate)]
    assert path == ["action", "plan", "municipality"]
    update = StatusUpdate.objects.select_related("action__plan").first()
    assert scope_of(update) == demo.id


def test_kolada_s_national_data_counts_for_everyone():
    assert path_to_municipality(apps.get_model("kolada", "KoladaValue")) is None
    assert scope_of(apps.get_model("kolada", "Kpi")(id="N00945")) == SHARED


def test_user_names_are_watched():
    assert apps.get_model("auth", "User") in watched_models()
