"""The `styr` console script: Django's management commands with Styr's settings.

Before Django reads the settings, two things that depend on the command are put in the
environment, so that `styr.settings` stays a plain function of the environment:

- the secret key: with STYR_SECRET_KEY unset, `styr up` creates a random key once and keeps
  it in the data directory (`STYR_DATA_DIR/secret_key`, mode 0600); every later command uses
  that file, so `styr report` works on a machine set up with `make run`. Without the variable
  and without the file, the settings refuse to start (unless STYR_DEBUG).
- for `styr serve`, where its static files are collected (STYR_STATIC_ROOT, default
  `STYR_DATA_DIR/static`): served with content hashes in their names and cached for a year.
"""

import os
import secrets
import sys
from pathlib import Path

SECRET_KEY_FILE = "secret_key"


def data_dir() -> Path:
    """The data directory, with the same default as `styr.settings.DATA_DIR`."""
    return Path(os.environ.get("STYR_DATA_DIR") or Path(__file__).resolve().parent.parent / "var")


def read_secret_key(path: Path) -> str:
    key = path.read_text("utf-8").strip()
    if not key:
        # Refuse rather than run with an empty key: every signed cookie would be forgeable.
        sys.exit(f"styr: {path} is empty; delete it and run `styr up` to create a new key")
    return key


def create_secret_key(path: Path) -> str:
    """Write a new random key to `path`, readable by its owner only; if another `styr up`
    wrote it first, use that one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)  # 67 characters, what `check --deploy` asks for
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return read_secret_key(path)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(key + "\n")
    return key


def prepare_environment(command: str) -> None:
    """Put the kept secret key (and for `serve`, the static root) in the environment."""
    if not os.environ.get("STYR_SECRET_KEY"):
        path = data_dir() / SECRET_KEY_FILE
        if command == "up" and not path.exists():
            os.environ["STYR_SECRET_KEY"] = create_secret_key(path)
        elif path.exists():
            os.environ["STYR_SECRET_KEY"] = read_secret_key(path)
    if command == "serve":
        os.environ.setdefault("STYR_STATIC_ROOT", str(data_dir() / "static"))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styr.settings")
    prepare_environment(sys.argv[1] if len(sys.argv) > 1 else "")
    from django.core.management import execute_from_command_line

    from styr.accounts.audit import command_line

    # No request names who writes: the audit log gets the command line and the OS user.
    with command_line(sys.argv):
        execute_from_command_line(["styr", *sys.argv[1:]])


if __name__ == "__main__":
    main()
