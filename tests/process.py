"""Running `styr` in a subprocess with an environment of the test's own making, the way a
service manager starts it: only PATH, HOME and what the test gives, so no key unless given."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STYR = [sys.executable, "-c", "from styr.cli import main; main()"]


def styr(*args, **env) -> subprocess.CompletedProcess:
    base = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [*STYR, *args],
        capture_output=True,
        text=True,
        env={**base, **env},
        cwd=ROOT,
        timeout=300,
    )
