"""Loading a data file: `styr demo`, refusing a non-empty database, and all-or-nothing errors.

The broken files are the real demo file with one line altered in its LAST action, so that
everything before the error would be visible in the database if the load were not atomic.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from styr.demo.loader import DEMO_FILE, DatabaseNotEmpty, DemoError, load_file
from styr.org.models import (
    Body,
    Municipality,
    Person,
    PersonAlias,
    Post,
    Tenure,
    Unit,
    UnitChange,
)
from styr.plans.models import (
    Action,
    FocusArea,
    Plan,
    Responsibility,
    StatusUpdate,
    Theme,
)

MODELS = [
    Municipality,
    Person,
    PersonAlias,
    Post,
    Tenure,
    Unit,
    UnitChange,
    Body,
    Plan,
    FocusArea,
    Theme,
    Action,
    Responsibility,
    StatusUpdate,
]
DEMO_COUNTS = {
    "Municipality": 1,
    "Person": 37,  # the memo's 17 and 20 invented managers (managers:, marked examples)
    "PersonAlias": 1,
    "Post": 18,
    "Tenure": 18,
    "Unit": 16,
    "UnitChange": 13,
    "Body": 15,
    "Plan": 1,
    "FocusArea": 5,
    "Theme": 18,
    "Action": 33,
    "Responsibility": 57,
    "StatusUpdate": 28,
}
EMPTY = dict.fromkeys(DEMO_COUNTS, 0)
LAST_ACTION = "- title: Utbildning erbjuds nämndordförande och berörda direktörer"


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


class DemoText:
    """The demo file's lines, to be altered in its last action and written elsewhere."""

    def __init__(self):
        self.lines = DEMO_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
        self.start = next(i for i, line in enumerate(self.lines) if LAST_ACTION in line)

    def find(self, stripped: str) -> int:
        """Index of the first line of the last action that reads `stripped` (indent aside)."""
        return next(
            i for i in range(self.start, len(self.lines)) if self.lines[i].strip() == stripped
        )

    def replace(self, index: int, old: str, new: str) -> int:
        """Alter one line; return its 1-based line number."""
        assert old in self.lines[index]
        self.lines[index] = self.lines[index].replace(old, new)
        return index + 1

    def write(self, path: Path) -> Path:
        path.write_text("".join(self.lines), encoding="utf-8")
        return path


LOADED = (
    "Loaded Nacka kommun: 33 actions from nacka2015.yaml.\n"
    "Loaded Kolada's catalogue: 6099 kpis, 3630 groups.\n"
    "Demo accounts (password 'styr-demo-2015', for local use only): anders-borjesson, "
    "anders-fredriksson, anette-boe, dag-bjorklund, einar-fransson, elisabeth-carle, eva-olin, "
    "gunilla-glantz, helena-meier, jenny-asmundsson, kersti-hedqvist, klara-palmberg-broryd, "
    "lena-dahlstedt, "
    "malin-westerback, mats-bohman, admin, lasare\n"
)


@pytest.fixture
def demo_text() -> DemoText:
    return DemoText()


def test_last_action_is_near_the_end_of_the_file(demo_text):
    """The altered record comes after the organisation and the plans (only the goal sections
    follow it), so a partial load would show."""
    assert [line for line in demo_text.lines[demo_text.start + 1 :] if "- title:" in line] == []
    assert demo_text.start > 0.8 * len(demo_text.lines)


# --- The command ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_command_loads_an_empty_database_and_reports_33_actions():
    out = StringIO()
    call_command("demo", stdout=out)
    assert out.getvalue() == LOADED
    assert counts() == DEMO_COUNTS


@pytest.mark.django_db
def test_demo_command_refuses_a_non_empty_database_and_names_replace():
    call_command("demo", stdout=StringIO())
    with pytest.raises(CommandError) as raised:
        call_command("demo", stdout=StringIO())
    assert str(raised.value) == (
        "The database already holds data; nothing was loaded. "
        "Use --replace to delete it and load the demo."
    )
    assert "--replace" in str(raised.value)
    assert counts() == DEMO_COUNTS


@pytest.mark.django_db
def test_load_file_refuses_a_non_empty_database():
    load_file()
    plan_id = Plan.objects.get().id
    with pytest.raises(DatabaseNotEmpty):
        load_file()
    assert counts() == DEMO_COUNTS
    assert Plan.objects.get().id == plan_id


@pytest.mark.django_db(transaction=True)
def test_demo_command_with_replace_reloads_without_duplicates():
    """Committed for real, so deferred foreign keys are checked when the replacement commits."""
    call_command("demo", stdout=StringIO())
    old_plan = Plan.objects.get().id
    out = StringIO()
    call_command("demo", replace=True, stdout=out)
    assert out.getvalue() == LOADED
    assert counts() == DEMO_COUNTS
    assert not Plan.objects.filter(id=old_plan).exists()


def test_replace_empties_every_table_that_refers_to_styrs_data():
    """A model with a foreign key but no place in REPLACED_MODELS keeps rows that point at a
    deleted municipality, plan or person, and `--replace` fails at commit: add the model to
    REPLACED_MODELS before what it refers to."""
    from django.apps import apps

    from styr.demo.loader import REPLACED_MODELS

    replaced = {model._meta.db_table for model in REPLACED_MODELS}
    missing = sorted(
        model._meta.label
        for config in apps.get_app_configs()
        if config.name.startswith("styr.")
        for model in config.get_models(include_auto_created=True)
        if model._meta.db_table not in replaced
        and any(field.many_to_one for field in model._meta.concrete_fields)
    )
    assert missing == []


@pytest.mark.django_db
def test_demo_command_accepts_file_and_replace_on_the_command_line():
    out = StringIO()
    call_command("demo", "--file", str(DEMO_FILE), stdout=out)
    call_command("demo", "--file", str(DEMO_FILE), "--replace", stdout=out)
    assert out.getvalue() == LOADED * 2
    assert counts() == DEMO_COUNTS


@pytest.mark.django_db
def test_demo_command_accepts_file_as_a_string_in_call_command():
    out = StringIO()
    call_command("demo", file=str(DEMO_FILE), stdout=out)
    assert out.getvalue() == LOADED


# --- Errors in the file: reported with file and line, nothing written ------------------------


def expect_demo_error(path: Path, **load) -> DemoError:
    with pytest.raises(DemoError) as raised:
        load_file(path, **load)
    error = raised.value
    assert error.source == path.name
    assert str(error) == (
        f"{error.source}, line {error.line}: {error.message}"
        if error.line
        else f"{error.source}: {error.message}"
    )
    return error


@pytest.mark.django_db
def test_unknown_person_key_is_reported_at_its_entry_and_nothing_is_loaded(demo_text, tmp_path):
    line = demo_text.replace(
        demo_text.find("- person: helena-meier"), "helena-meier", "helena-meyer"
    )
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert (error.line, error.message) == (line, "person: unknown person 'helena-meyer'")
    assert counts() == EMPTY


@pytest.mark.django_db
def test_status_date_that_is_not_a_date_is_reported_and_nothing_is_loaded(demo_text, tmp_path):
    line = demo_text.replace(demo_text.find("- date: 2015-09-02"), "2015-09-02", "'2015-13-45'")
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert (error.line, error.message) == (
        line,
        "date: '2015-13-45' is not a date in the form YYYY-MM-DD",
    )
    assert counts() == EMPTY


@pytest.mark.django_db
def test_invalid_calendar_date_is_reported_as_a_demo_error(demo_text, tmp_path):
    line = demo_text.replace(demo_text.find("- date: 2015-09-02"), "2015-09-02", "2015-13-45")
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert error.line == line
    assert "2015-13-45" in error.message
    assert counts() == EMPTY


@pytest.mark.django_db
def test_unknown_status_code_lists_the_valid_codes_and_nothing_is_loaded(demo_text, tmp_path):
    line = demo_text.replace(demo_text.find("code: done"), "done", "finished")
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert (error.line, error.message) == (
        line,
        "code: 'finished' is not one of done, in_progress, ongoing, not_started, unknown",
    )
    assert counts() == EMPTY


@pytest.mark.django_db
def test_broken_indentation_is_reported_at_its_line_and_nothing_is_loaded(demo_text, tmp_path):
    code = demo_text.find("code: done")
    line = demo_text.replace(code, "  code: done", " code: done")
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert (error.line, error.message) == (
        line,
        "not valid YAML: expected <block end>, but found '<block mapping start>'",
    )
    assert counts() == EMPTY


@pytest.mark.django_db
def test_action_without_text_is_reported_at_the_action_and_nothing_is_loaded(demo_text, tmp_path):
    text = demo_text.find("text: >-")
    assert text == demo_text.start + 1
    del demo_text.lines[text : text + 5]  # "text: >-" and its four lines
    assert demo_text.lines[text].strip() == "origin: earlier"
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert (error.line, error.message) == (demo_text.start + 1, "an action lacks text")
    assert counts() == EMPTY


@pytest.mark.django_db
def test_misspelt_title_is_named_at_its_line_and_nothing_is_loaded(demo_text, tmp_path):
    line = demo_text.replace(demo_text.start, "- title:", "- titel:")
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert (error.line, error.message) == (line, "an action has unknown field 'titel'")
    assert counts() == EMPTY


@pytest.mark.django_db
def test_unknown_field_is_named_and_nothing_is_loaded(demo_text, tmp_path):
    line = demo_text.replace(demo_text.find("deadline:"), "deadline:", "dedline:")
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert (error.line, error.message) == (
        line,
        "an action has unknown field 'dedline'",
    )
    assert counts() == EMPTY


@pytest.mark.django_db
def test_unknown_field_in_a_status_entry_is_named_and_nothing_is_loaded(demo_text, tmp_path):
    line = demo_text.replace(demo_text.find("note: Genomfört."), "note:", "notes:")
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert (error.line, error.message) == (
        line,
        "a status update has unknown field 'notes'",
    )
    assert counts() == EMPTY


def insert_duplicate_origin(demo_text: DemoText) -> int:
    """Add a second `origin:` to the last action after `introduced_on:`; return its line."""
    after = demo_text.find("introduced_on: 2014-12-01")
    indent = demo_text.lines[after][: -len(demo_text.lines[after].lstrip())]
    demo_text.lines.insert(after + 1, f"{indent}origin: new\n")
    return after + 2


@pytest.mark.django_db
def test_duplicate_key_is_reported_and_nothing_is_loaded(demo_text, tmp_path):
    line = insert_duplicate_origin(demo_text)
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert (error.line, error.message) == (line, "not valid YAML: duplicate key 'origin'")
    assert counts() == EMPTY


@pytest.mark.django_db
def test_bad_file_with_replace_leaves_the_existing_data_untouched(demo_text, tmp_path):
    load_file()
    before = list(Action.objects.order_by("order").values_list("id", "title"))
    line = demo_text.replace(
        demo_text.find("- person: helena-meier"), "helena-meier", "helena-meyer"
    )
    error = expect_demo_error(demo_text.write(tmp_path / "bad.yaml"), replace=True)
    assert error.line == line
    assert counts() == DEMO_COUNTS
    assert list(Action.objects.order_by("order").values_list("id", "title")) == before


@pytest.mark.django_db(transaction=True)
def test_error_late_in_the_file_commits_nothing(demo_text, tmp_path):
    """Not inside a test transaction: the rollback is the loader's own."""
    demo_text.replace(demo_text.find("code: done"), "done", "finished")
    expect_demo_error(demo_text.write(tmp_path / "bad.yaml"))
    assert counts() == EMPTY


@pytest.mark.django_db
def test_missing_file_is_named_and_nothing_is_loaded(tmp_path):
    error = expect_demo_error(tmp_path / "missing.yaml")
    assert error.line is None
    assert error.message.startswith("cannot read the file: ")
    assert "No such file or directory" in error.message
    assert str(error).startswith("missing.yaml: cannot read the file: ")
    assert counts() == EMPTY


@pytest.mark.django_db
def test_file_that_is_not_utf8_is_named_and_nothing_is_loaded(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(DEMO_FILE.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    error = expect_demo_error(path)
    assert error.line is None
    assert error.message.startswith("cannot read the file: 'utf-8' codec can't decode byte")
    assert counts() == EMPTY


@pytest.mark.django_db
def test_file_that_is_not_a_mapping_is_reported_at_line_1(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- municipality\n", encoding="utf-8")
    error = expect_demo_error(path)
    assert error.line == 1
    assert error.message.startswith("the file must be a mapping")
    assert counts() == EMPTY


@pytest.mark.django_db
def test_demo_command_reports_the_file_and_line_of_an_error(demo_text, tmp_path):
    line = demo_text.replace(
        demo_text.find("- person: helena-meier"), "helena-meier", "helena-meyer"
    )
    path = demo_text.write(tmp_path / "bad.yaml")
    with pytest.raises(CommandError) as raised:
        call_command("demo", file=path, stdout=StringIO())
    assert str(raised.value) == f"bad.yaml, line {line}: person: unknown person 'helena-meyer'"
    assert counts() == EMPTY


@pytest.mark.django_db
def test_demo_command_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError) as raised:
        call_command("demo", "--file", str(tmp_path / "missing.yaml"), stdout=StringIO())
    assert str(raised.value).startswith("missing.yaml: cannot read the file: ")
    assert counts() == EMPTY
