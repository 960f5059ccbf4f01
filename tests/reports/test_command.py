"""`styr report`: the report on the command line, and clear answers to bad input."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import PLAN_SLUG

pytestmark = pytest.mark.django_db


def report(*args, **kwargs):
    out = StringIO()
    call_command("report", *args, stdout=out, stderr=StringIO(), **kwargs)
    return out.getvalue()


def test_report_by_slug_or_registration_number_to_a_file(demo, tmp_path):
    by_slug, by_number = tmp_path / "a.md", tmp_path / "b.md"
    report(PLAN_SLUG, "--as-of", "2015-09-02", "--format", "md", "-o", str(by_slug))
    report("KFKS 2012/577-001", "--as-of", "2015-09-02", "--format", "md", "-o", str(by_number))
    text = by_slug.read_text(encoding="utf-8")
    assert text.startswith("# Utveckling av styrning och ledning")
    assert "*Pågår kontinuerlig utveckling.*" in text
    assert by_number.read_bytes() == by_slug.read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["a.md", "b.md"]  # no temporary files left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["finns-inte", "--as-of", "2015-09-02", "--format", "md"], "unknown plan 'finns-inte'"),
        (
            [PLAN_SLUG, "--as-of", "2015-13-45", "--format", "md"],
            "argument --as-of: Ogiltigt datum ”2015-13-45” för --as-of",
        ),
        (
            [PLAN_SLUG, "--as-of", "9999-12-31", "--format", "md"],
            "argument --as-of: Ogiltigt datum ”9999-12-31” för --as-of. Ange ett datum som "
            "ÅÅÅÅ-MM-DD mellan 1950-01-01 och 2100-12-31",
        ),
        (
            [PLAN_SLUG, "--as-of", "2015-09-02", "--since", "0001-01-01", "--format", "md"],
            "argument --since: Ogiltigt datum ”0001-01-01” för --since",
        ),
        (
            [PLAN_SLUG, "--as-of", "2014-06-01", "--format", "md"],
            "Planen fanns inte den 1 juni 2014",
        ),
        (
            [PLAN_SLUG, "--as-of", "2015-09-02", "--format", "rtf"],
            "unknown format 'rtf'; valid formats: md, html, docx, pdf",
        ),
        (
            [PLAN_SLUG, "--as-of", "2015-09-02", "--since", "2015-10-01", "--format", "md"],
            "måste ligga före rapportdatumet",
        ),
    ],
)
def test_bad_input_gets_a_clear_message(demo, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        report(*args)


def test_unwritable_output_is_refused_and_leaves_no_file(demo, tmp_path):
    folder = tmp_path / "rapport.md"  # a folder where the file should go
    folder.mkdir()
    with pytest.raises(CommandError, match="cannot write .*rapport.md: Is a directory"):
        report(PLAN_SLUG, "--as-of", "2015-09-02", "--format", "md", "-o", str(folder))
    assert os.listdir(tmp_path) == ["rapport.md"]  # the temporary file is gone
    assert os.listdir(folder) == []
    missing = tmp_path / "no-such-folder" / "rapport.md"
    with pytest.raises(CommandError, match="cannot write .*No such file or directory"):
        report(PLAN_SLUG, "--as-of", "2015-09-02", "--format", "md", "-o", str(missing))
    assert not missing.parent.exists()


def test_an_existing_file_is_replaced_whole(demo, tmp_path):
    target = tmp_path / "rapport.md"
    target.write_text("old and much longer " * 10_000, encoding="utf-8")
    report(PLAN_SLUG, "--as-of", "2015-09-02", "--format", "md", "-o", str(target))
    assert target.read_text(encoding="utf-8").startswith("# Utveckling")
    assert "old and much longer" not in target.read_text(encoding="utf-8")
