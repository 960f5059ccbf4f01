"""`styr reminders send` as cron runs it: a process of its own, mail settings from
STYR_EMAIL_URL, the exit code what a service manager sees."""

import datetime as dt

from django.utils import timezone

from tests.conftest import PLAN_SLUG
from tests.loopback import HOST, free_port
from tests.process import styr
from tests.reminders.helpers import links, text


def test_styr_reminders_send_fails_with_exit_1_while_the_server_is_down_then_sends(
    tmp_path, smtp_server
):
    env = {
        "STYR_DATA_DIR": str(tmp_path),
        "STYR_DEBUG": "1",
        "STYR_BASE_URL": "https://styr.example",
    }
    assert styr("up", "--no-serve", **env).returncode == 0
    due = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    assert styr("round", "open", PLAN_SLUG, "--due", due, **env).returncode == 0

    down = styr("reminders", "send", STYR_EMAIL_URL=f"smtp://{HOST}:{free_port()}", **env)

    assert down.returncode == 1
    assert "the mail server failed: ConnectionRefusedError" in down.stderr
    assert "invitation: 0 sent" in down.stdout

    up = styr("reminders", "send", STYR_EMAIL_URL=f"smtp://{HOST}:{smtp_server.port}", **env)

    assert up.returncode == 0, up.stderr
    # The demo's directors have accounts with invented addresses: each ansvarig is invited.
    # (In December the demo's line managers are also reminded of missing result contracts.)
    invitations = [m for m in smtp_server.messages if m["X-Styr-Kind"] == "invitation"]
    invited = {m["To"]: m for m in invitations}
    assert f"invitation: {len(invited)} sent" in up.stdout
    assert len(invited) == len(invitations) > 5
    after_first = len(smtp_server.messages)
    mail = invited["elisabeth-carle@nacka.example"]
    assert any(
        link.startswith(f"https://styr.example/planer/{PLAN_SLUG}/atgarder/")
        and link.endswith("/status/")
        for link in links(text(mail))
    )
    again = styr("reminders", "send", STYR_EMAIL_URL=f"smtp://{HOST}:{smtp_server.port}", **env)
    assert "invitation: 0 sent" in again.stdout
    assert "contract: 0 sent" in again.stdout
    assert len(smtp_server.messages) == after_first

    bad = styr("reminders", "send", "--today", "2026-02-30", **env)
    assert bad.returncode != 0
    assert "--today" in bad.stderr and "2026-02-30" in bad.stderr
