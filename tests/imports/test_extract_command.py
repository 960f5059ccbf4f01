"""`styr extract`: JSON in the contract's form, bad files named, the others still printed."""

import json
import subprocess
import sys
from pathlib import Path

from styr.demo.loader import DEMO_FILE

MEMO = DEMO_FILE.with_name("nacka2015-memo.txt")
STYR = [sys.executable, "-c", "from styr.cli import main; main()", "extract"]


def run(*files, env_db="postgres://nobody@127.0.0.1:1/none"):
    # A database URL that cannot connect proves the command touches no database.
    return subprocess.run(
        [*STYR, *map(str, files)],
        capture_output=True,
        text=True,
        env={
            "DATABASE_URL": env_db,
            "PATH": "/usr/bin:/bin",
            "HOME": "/tmp",
            # Every styr command needs a key (the settings refuse to start without one).
            "STYR_SECRET_KEY": "tests-only-not-a-secret",
        },
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )


def test_extract_prints_the_contract_json_without_a_database():
    result = run(MEMO)
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    (document,) = output["documents"]
    assert document["source"] == "nacka2015-memo.txt"
    action = next(a for a in document["actions"] if a["text"].startswith("Alla chefer i Nacka"))
    assert set(action) >= {"title", "text", "theme", "responsible", "deadline", "status"}
    assert action["deadline"] == {
        "text": "senast den 31 december 2015",
        "date": "2015-12-31",
        "precision": "day",
    }
    assert action["status"] is None
    done = next(a for a in document["actions"] if a["text"].startswith("Utbildning erbjuds nya"))
    assert done["status"] == {"text": "Genomfört", "code": "done"}


def test_a_bad_file_is_named_the_others_still_come_out_and_the_exit_is_non_zero(tmp_path):
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    result = run(broken, MEMO, empty)
    assert result.returncode == 1
    output = json.loads(result.stdout)
    assert [d["source"] for d in output["documents"]] == ["nacka2015-memo.txt"]
    assert "trasig.docx: not a valid Word document" in result.stderr
    assert "tom.txt: the file is empty" in result.stderr
    assert [e["source"] for e in output["errors"]] == [str(broken), str(empty)]
