"""`styr serve`: the production server (gunicorn, whitenoise) answering real HTTP on loopback.

The server runs as a subprocess against a database that holds the demo: on PostgreSQL the
suite's own test database (committed rows, `transactional_db`); on SQLite, whose test
database lives in this process's memory, a file database prepared by `styr up --no-serve`.
"""

import http.cookiejar
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests import html
from tests.cast import PASSWORD
from tests.conftest import PLAN_SLUG
from tests.loopback import HOST, free_port
from tests.process import ROOT, STYR

PLAN_TITLE = "Utveckling av styrning och ledning för öppenhet och mångfald"


def styr(*args, env, input=None):
    result = subprocess.run(
        [*STYR, *args], env=env, cwd=ROOT, input=input, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"styr {' '.join(args)}: {result.stderr}"
    return result


def postgres_url(settings: dict) -> str:
    quote = urllib.parse.quote
    credentials = quote(settings["USER"]) + (
        f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    )
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.fixture
def server_env(tmp_path) -> dict[str, str]:
    """The environment of a `styr` process whose database holds the demo and the account
    `direktor` (password PASSWORD); its data directory is `tmp_path`."""
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "STYR_DATA_DIR": str(tmp_path)}
    if connection.vendor == "postgresql":
        from styr.demo.loader import load_file

        load_file(generated=False)
        env["DATABASE_URL"] = postgres_url(connection.settings_dict)
        env["STYR_SECRET_KEY"] = os.environ["STYR_SECRET_KEY"]
    else:
        # Also proves the kept key: `styr up` creates it, `styr serve` finds it.
        styr("up", "--no-serve", env=env)
    # Through the command, so that the password is hashed as the server checks it (the
    # tests' settings use a fast hasher the server does not know).
    styr("user", "add", "direktor", "--email", "d@example.org", "--password-stdin",
         env=env, input=PASSWORD + "\n")  # fmt: skip
    return env


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def server(server_env, tmp_path):
    """`styr serve 127.0.0.1:PORT --workers 2`, answering; stopped with SIGTERM afterwards,
    which must end the master and both workers."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [*STYR, "serve", f"{HOST}:{port}", "--workers", "2"],
        env=server_env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://{HOST}:{port}"
    try:
        for _ in range(600):  # up to a minute, for a slow machine
            if process.poll() is not None:
                pytest.fail(f"styr serve stopped: {(tmp_path / 'serve.log').read_text()}")
            try:
                urllib.request.urlopen(f"{url}/", timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            pytest.fail(f"styr serve never answered: {(tmp_path / 'serve.log').read_text()}")
        yield url, process
    finally:
        workers = children_of(process.pid)
        process.send_signal(signal.SIGTERM)
        try:
            returncode = process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            pytest.fail("styr serve did not stop on SIGTERM")
        finally:
            log.close()
        assert returncode == 0, (tmp_path / "serve.log").read_text()
        assert [pid for pid in workers if is_running(pid)] == [], "workers left behind"


# Committed rows, so that the server process sees them (PostgreSQL).
@pytest.mark.django_db(transaction=True)
def test_styr_serve_answers_pages_static_files_and_a_sign_in(server):
    url, process = server
    # The first worker may answer before the master has forked the second.
    for _ in range(600):
        if len(children_of(process.pid)) == 2:
            break
        time.sleep(0.1)
    assert len(children_of(process.pid)) == 2, "two worker processes"
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    start = browser.open(f"{url}/")
    start_page = start.read().decode()
    assert start.status == 200
    cards = html.texts(html.parse_bytes(start_page.encode()), "//li[@class='card']/h3")
    assert [card for card in cards if card.startswith(PLAN_TITLE)], cards

    plan = browser.open(f"{url}/planer/{PLAN_SLUG}/?as_of=2015-09-02")
    assert plan.status == 200
    assert html.text(html.parse_bytes(plan.read()), "//h1").startswith(PLAN_TITLE)
    assert "default-src 'self'" in plan.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in plan.headers["Content-Security-Policy"]

    # Collected at start: the name carries a hash of the content, so it is cached for good.
    stylesheet = re.search(r'href="(/static/portal/styr\.[0-9a-f]{12}\.css)"', start_page)
    assert stylesheet, "the stylesheet's name carries its hash"
    css = browser.open(f"{url}{stylesheet.group(1)}")
    assert css.status == 200
    assert css.headers["Content-Type"].startswith("text/css")
    assert css.headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert b".skip-link" in css.read()

    login = browser.open(f"{url}/konto/logga-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    form = {"csrfmiddlewaretoken": token, "username": "direktor", "password": PASSWORD}
    signed_in = browser.open(
        urllib.request.Request(
            f"{url}/konto/logga-in/",
            data=urllib.parse.urlencode(form).encode(),
            headers={"Referer": f"{url}/konto/logga-in/"},
        )
    )
    assert signed_in.status == 200
    assert "/konto/logga-in/" not in signed_in.url, "redirected away from the login page"
    assert "sessionid" in {cookie.name for cookie in jar}
    who = html.text(html.parse_bytes(signed_in.read()), "//span[@class='who']")
    assert who.startswith("Inloggad:") and "direktor" in who, who


def test_workers_must_be_a_sensible_number(tmp_path):
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "STYR_DEBUG": "true"}
    for bad in ("0", "many", "-1", "65"):
        result = subprocess.run(
            [*STYR, "serve", "--workers", bad], env=env, cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode != 0
        assert f"--workers must be a whole number from 1 to 64, not '{bad}'" in result.stderr


def test_the_address_must_be_addr_port(tmp_path):
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "STYR_DEBUG": "true"}
    result = subprocess.run(
        [*STYR, "serve", "localhost:http"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "'localhost:http' is not an address; give ADDR:PORT" in result.stderr
