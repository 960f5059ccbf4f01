"""Many directors saving at once, on PostgreSQL: every accepted update is stored exactly once,
every refused one is answered with the conflict message, never a 500 or a deadlock.

Eight processes each post the real status form 50 times, alternately to their own action and
to one action they all share, against the committed test database. Django is set up afresh
in each process ("spawn"), so no connection or lock is inherited from the test process.
"""

import multiprocessing
import os
import re
from collections import Counter

import pytest

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Decided without touching Django: the worker processes import this module before
    # Django is set up in them.
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL: SQLite writes one transaction at a time and has no row locks",
    ),
]

PROCESSES = 8
SAVES = 50
CONFLICT = "Inte sparad: någon annan rapporterade först"
SAVED, REFUSED = "saved", "refused"


def seen_of(html: str) -> str:
    field = re.search(r'<input type="hidden" name="seen"[^>]*>', html).group(0)
    value = re.search(r'value="([^"]*)"', field)
    return value.group(1) if value else ""


def start_django(database: str) -> None:
    """In a worker: Django with the test settings, on the test process's database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.db import connections

    connections["default"].settings_dict["NAME"] = database


def director(username: str, own: str, shared: str) -> list[tuple[str, str, str]]:
    """One director's saves through the form: (url, note, outcome) for every POST.

    A refused save is sent once more with what the conflict page showed, as a director who
    has read the newer update would; that answer is counted like any other.
    """
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.test import Client
    from django.utils import timezone

    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=username))
    today = timezone.localdate().isoformat()
    answers = []

    def save(url, note, seen):
        response = client.post(
            url, {"status": "in_progress", "note": note, "date": today, "seen": seen}
        )
        html = response.content.decode()
        if response.status_code == 302:
            outcome = SAVED
        elif response.status_code == 409 and CONFLICT in html:
            outcome = REFUSED
        else:
            outcome = f"HTTP {response.status_code}"
        answers.append((url, note, outcome))
        return outcome, html

    try:
        for i in range(SAVES):
            url = shared if i % 2 else own
            shown = client.get(url)
            if shown.status_code != 200:
                answers.append((url, "", f"GET HTTP {shown.status_code}"))
                continue
            note = f"{username}, rapport {i}"
            outcome, html = save(url, note, seen_of(shown.content.decode()))
            if outcome == REFUSED:
                save(url, f"{note}, sparad igen", seen_of(html))
    finally:
        connections.close_all()
    return answers


def test_concurrent_saves_are_stored_once_or_refused_with_the_conflict_message(
    transactional_db,
):
    from django.db import connection, connections

    from styr.accounts.domain import add_user
    from styr.demo.synthetic import build_plan
    from styr.org.models import Person
    from styr.plans.domain import change_action
    from styr.plans.models import StatusUpdate

    # build_plan names Person i responsible for action i: each director has an action of
    # their own; the last action is shared, all eight supporting it.
    plan = build_plan(actions=PROCESSES + 1, updates_per_action=1, slug="samtidigt")
    actions = list(plan.actions.order_by("order"))
    people = {p.slug: p for p in Person.objects.filter(municipality=plan.municipality)}
    shared = actions[-1]
    change_action(
        shared,
        by=None,
        reason="Alla direktörer stödjer",
        responsibilities=[{"person": people[f"person-{PROCESSES}"].id}]
        + [{"kind": "supporting", "person": people[f"person-{i}"].id} for i in range(PROCESSES)],
    )
    url = "/planer/samtidigt/atgarder/{}/status/".format
    jobs = []
    for i in range(PROCESSES):
        add_user(f"direktor-{i}", email=f"d{i}@example.org", person=people[f"person-{i}"])
        jobs.append((f"direktor-{i}", url(actions[i].id), url(shared.id)))
    before = dict(Counter(StatusUpdate.objects.values_list("action_id", flat=True)))
    database = connection.settings_dict["NAME"]
    connections.close_all()

    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(PROCESSES, initializer=start_django, initargs=(database,)) as pool:
        # A deadlock would hang the workers: give up long before the suite's patience does.
        answers = [
            a for batch in pool.starmap_async(director, jobs).get(timeout=300) for a in batch
        ]

    failures = [a for a in answers if a[2] not in (SAVED, REFUSED)]
    assert failures == [], "every answer is a save or the conflict page, never an error"
    by_url = {url(action.id): action for action in actions}
    for action_url, action in by_url.items():
        saved = sorted(note for u, note, outcome in answers if u == action_url and outcome == SAVED)
        stored = sorted(
            StatusUpdate.objects.filter(action=action)
            .exclude(note__startswith="Lägesrapport")
            .values_list("note", flat=True)
        )
        assert stored == saved, f"action {action.order}: stored exactly what was accepted"
        assert StatusUpdate.objects.filter(action=action).count() == before[action.id] + len(saved)
    own_saves = [a for a in answers if a[0] != url(shared.id)]
    assert all(outcome == SAVED for _u, _n, outcome in own_saves), "nobody else writes there"
    refused = [a for a in answers if a[2] == REFUSED]
    assert refused, "eight processes on one action should have collided at least once"
