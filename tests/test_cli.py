"""The `styr` command's start-up: the secret key, and the production checks.

Each test runs `styr` in a subprocess with an environment of its own making, the way a
server's service manager would start it.
"""

import secrets
import stat

from tests.process import styr


def test_without_a_key_or_a_kept_key_styr_refuses_to_start_and_says_what_to_do(tmp_path):
    result = styr("check", STYR_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "STYR_SECRET_KEY is not set" in result.stderr
    assert "`styr up`" in result.stderr
    assert list(tmp_path.iterdir()) == [], "only `styr up` creates a key"


def test_in_debug_mode_a_development_key_is_enough(tmp_path):
    result = styr("check", STYR_DATA_DIR=str(tmp_path), STYR_DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_styr_up_creates_a_private_key_once_and_later_commands_use_it(tmp_path):
    first = styr("up", "--no-serve", STYR_DATA_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "secret_key"
    key = key_file.read_text().strip()
    assert len(key) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600

    second = styr("up", "--no-serve", STYR_DATA_DIR=str(tmp_path))
    assert second.returncode == 0, second.stderr
    assert key_file.read_text().strip() == key

    # Any other command finds the kept key: the settings it ran with used it.
    shown = styr(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        STYR_DATA_DIR=str(tmp_path),
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == key


def test_a_key_in_the_environment_wins_over_the_kept_one(tmp_path):
    (tmp_path / "secret_key").write_text("the-kept-key\n")
    shown = styr(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        STYR_DATA_DIR=str(tmp_path),
        STYR_SECRET_KEY="the-environment-key",
    )
    assert shown.stdout.strip() == "the-environment-key"


def test_with_https_on_the_deployment_check_reports_no_issue(tmp_path):
    result = styr(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        STYR_DATA_DIR=str(tmp_path),
        STYR_SECRET_KEY=secrets.token_urlsafe(50),
        STYR_HTTPS="true",
        STYR_ALLOWED_HOSTS="styr.example.se",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_https_the_deployment_check_names_what_is_missing(tmp_path):
    result = styr(
        "check",
        "--deploy",
        STYR_DATA_DIR=str(tmp_path),
        STYR_SECRET_KEY=secrets.token_urlsafe(50),
        STYR_ALLOWED_HOSTS="styr.example.se",
    )
    for missing in ("SECURE_HSTS_SECONDS", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE"):
        assert missing in result.stdout + result.stderr
