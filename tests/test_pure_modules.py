"""Pure means pure: every module the README calls pure imports with Django blocked.

They are imported in a fresh interpreter where a meta path finder refuses `django` and
every `django.*` module, so a Django import anywhere on the way (in the module or in what it
imports) is found, whatever the test process has loaded already. import-linter checks the
same statically (the "pure" contract in pyproject.toml); this test is the run-time proof.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The modules the README's layout marks "(pure)", and the pure parts they are built on.
PURE = [
    "styr.lib.asof",
    "styr.lib.dates",
    "styr.lib.numbers",
    "styr.lib.periods",
    "styr.lib.read_ahead",
    "styr.org.history",
    "styr.plans.status",
    "styr.plans.snapshot",
    "styr.plans.versions",
    "styr.plans.spreadsheet",
    "styr.kolada.records",
    "styr.kolada.stream",
    "styr.service.levels",
    "styr.service.records",
    "styr.engagement.hme",
    "styr.engagement.records",
    "styr.goals.assessment",
    "styr.goals.chart",
    "styr.reports.build",
    "styr.reports.content",
    "styr.reports.wording",
    "styr.contracts.cascade",
    "styr.contracts.coverage",
    "styr.contracts.hr_file",
    "styr.meetings.rates",
    "styr.meetings.records",
    "styr.reminders.schedule",
]


def extract_modules() -> list[str]:
    """Every module of `styr.extract` ("pure Python without Django"), found on disk so that
    a module added by a split is checked too."""
    package = ROOT / "styr" / "extract"
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = PURE + extract_modules()

IMPORT_ALL = """
import importlib, json, sys

class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError(f"Django is blocked here: {name}")
        return None

sys.meta_path.insert(0, NoDjango())
failures = {}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as error:
        failures[name] = f"{type(error).__name__}: {error}"
print(json.dumps(failures))
"""


@pytest.fixture(scope="module")
def failures() -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, *MODULES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_blocker_does_block_django():
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, "django.utils.timezone"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "django.utils.timezone" in json.loads(done.stdout)


@pytest.mark.parametrize("module", MODULES)
def test_pure_module_imports_without_django(module, failures):
    assert module not in failures, (
        f"{module} needs Django: {failures[module]}. Move the query or the translation to a "
        "queries module (or the caller) and keep the rules here plain Python."
    )
