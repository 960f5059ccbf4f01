"""Starting the test provider (`serve.py`) as a process of its own on a free port."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import requests

from tests.loopback import HOST, free_port

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "styr-test"
CLIENT_SECRET = "styr-test-secret-not-a-secret"


@dataclass
class Provider:
    url: str
    process: subprocess.Popen
    log: Path

    @property
    def issuer(self) -> str:
        return f"{self.url}/openid"

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start(directory: Path, *, users: list[dict], redirect_uris: list[str]) -> Provider:
    """The provider with these users and Styr registered for `redirect_uris`, answering its
    discovery document; its database and log in `directory`."""
    port = free_port()
    url = f"http://{HOST}:{port}"
    log = directory / "provider.log"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "PYTHONPATH": str(ROOT),
        "OIDC_PROVIDER_URL": url,
        "OIDC_PROVIDER_DB": str(directory / "provider.sqlite3"),
        "OIDC_PROVIDER_USERS": json.dumps(users),
        "OIDC_PROVIDER_CLIENT": json.dumps(
            {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": redirect_uris}
        ),
    }
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.oidc_provider.serve", str(port)],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    provider = Provider(url=url, process=process, log=log)
    discovery = f"{provider.issuer}/.well-known/openid-configuration"
    for _ in range(1200):  # up to two minutes on a busy machine
        if process.poll() is not None:
            raise RuntimeError(f"the test provider stopped: {log.read_text()}")
        try:
            urllib.request.urlopen(discovery, timeout=5).close()
            return provider
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    provider.stop()
    raise RuntimeError(f"the test provider never answered: {log.read_text()}")


def log_in_at_provider(authorize_url: str, username: str, password: str) -> str:
    """What a browser does at the provider, over HTTP: follow Styr's redirect to the
    provider, sign in on its form, and return where the provider sends the browser back
    (Styr's callback with `code` and `state`)."""
    with requests.Session() as session:
        page = session.get(authorize_url, timeout=30)  # on to the provider's login form
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no login form at {page.url}: {page.text[:500]}"
        answer = session.post(
            page.url,
            data={
                "csrfmiddlewaretoken": token.group(1),
                "username": username,
                "password": password,
                "next": re.search(r'name="next" value="([^"]*)"', page.text)
                .group(1)
                .replace("&amp;", "&"),
            },
            allow_redirects=False,
            timeout=30,
        )
        # The login form sends on to the authorization endpoint, which sends back to Styr.
        while answer.status_code == 302 and "/konto/oidc/" not in answer.headers["Location"]:
            target = urljoin(answer.url, answer.headers["Location"])
            answer = session.get(target, allow_redirects=False, timeout=30)
        assert answer.status_code == 302, f"{answer.status_code}: {answer.text[:500]}"
        return answer.headers["Location"]
