"""Cached public pages: a write is visible on the next request, a page as of a past day is
served from the cache after the first view, 304 for an unchanged page, nothing personal
cached."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from styr.caching.pages import cached_page
from styr.caching.versions import read
from styr.goals.models import Goal
from styr.org.models import Municipality, Unit
from styr.plans.domain import record_status_update
from styr.plans.models import Action, Plan
from styr.service.domain import import_case_data
from tests.caching.html import classes, texts
from tests.cast import PASSWORD, make_cast
from tests.conftest import MEMO_DAY, PLAN_SLUG, demo_once
from tests.service.conftest import case_csv, case_line

demo = pytest.fixture(demo_once)

PLAN_PAGE = f"/planer/{PLAN_SLUG}/"
PAST = f"?as_of={MEMO_DAY.isoformat()}"

# Every cached page of the demo, one address each, with a past day where the page has one.
PAGES = [
    "/",
    PLAN_PAGE + PAST,
    "/nacka/organisation/" + PAST,
    "/nacka/personer/lena-dahlstedt/" + PAST,
    "/nacka/mal/?ar=2016",
    "/nacka/mal/attraktiva-livsmiljoer/?ar=2016",
    "/nacka/indikatorer/brp-per-invanare/",
    "/nacka/kontaktcenter/?ar=2015",
    "/nacka/medarbetarengagemang/",
    "/nacka/chefsmoten/",
    "/nacka/resultatkontrakt/andel/",
    f"/planer/{PLAN_SLUG}/lagesrapport/html/{PAST}",
    f"/planer/{PLAN_SLUG}/lagesrapport/md/{PAST}",
    f"/planer/{PLAN_SLUG}/rapporter/",
]


def an_action() -> Action:
    return Action.objects.filter(plan__slug=PLAN_SLUG).order_by("order", "id").first()


def action_page(action: Action) -> str:
    return f"/planer/{PLAN_SLUG}/atgarder/{action.id}/"


@pytest.mark.parametrize("url", PAGES + ["ACTION"])
def test_a_page_seen_before_is_served_with_only_the_version_query(
    client, demo, django_assert_num_queries, url
):
    url = action_page(an_action()) + PAST if url == "ACTION" else url
    first = client.get(url)
    assert first.status_code == 200, url
    with django_assert_num_queries(1):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["ETag"] == first["ETag"]


def test_every_cached_page_kind_is_in_the_list_above():
    """A public view decorated later gets a row in PAGES (and so its query-count test)."""
    from django.urls import get_resolver, resolve

    decorated = set()

    def walk(patterns, namespace=""):
        for entry in patterns:
            if hasattr(entry, "url_patterns"):
                walk(entry.url_patterns, f"{entry.namespace}:" if entry.namespace else namespace)
            elif getattr(entry.callback, "cached_by", None):
                decorated.add(f"{namespace}{entry.name}")

    walk(get_resolver().url_patterns)
    listed = {resolve(url.split("?")[0]).view_name for url in PAGES} | {"portal:action"}
    assert decorated == listed


def test_a_page_as_of_a_past_day_is_rendered_once(client, demo, django_assert_num_queries):
    """The as-of day is part of the key: the memo's day and another day are two entries,
    each served from the cache from its second view on."""
    other = f"{PLAN_PAGE}?as_of=2016-03-01"
    memo = client.get(PLAN_PAGE + PAST).content
    later = client.get(other).content
    assert texts(memo, "h2")[0] == "Läget den 2 september 2015"
    assert texts(later, "h2")[0] == "Läget den 1 mars 2016"
    with django_assert_num_queries(1):
        assert client.get(PLAN_PAGE + PAST).content == memo
    with django_assert_num_queries(1):
        assert client.get(other).content == later


def status_badge(html) -> str:
    """The first status badge's code: on the action page, the status as of the day."""
    found = [c for c in classes(html, "span") if "status" in c]
    return next(name for name in found[0] if name.startswith("status-")).removeprefix("status-")


def test_a_status_update_shows_on_the_next_request(client, demo):
    action = an_action()
    before = client.get(action_page(action))
    new = "in_progress" if status_badge(before.content) == "done" else "done"
    record_status_update(action, date=timezone.localdate(), status=new, note="Nytt läge.")
    after = client.get(action_page(action))
    assert after["ETag"] != before["ETag"]
    assert status_badge(after.content) == new
    assert "Nytt läge." in texts(after.content, "p")


def test_a_status_update_shows_on_the_plan_page(client, demo):
    action = an_action()

    def done_count(html):
        return texts(html, "li", "status-done")

    before = done_count(client.get(PLAN_PAGE).content)
    record_status_update(action, date=timezone.localdate(), status="done", note="Klart.")
    after = done_count(client.get(PLAN_PAGE).content)
    assert after != before
    count = int(after[0].rsplit(":", 1)[1])
    assert count == (int(before[0].rsplit(":", 1)[1]) if before else 0) + 1


def test_an_admin_edit_shows_on_the_next_request(client, demo, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    assert texts(client.get("/nacka/organisation/").content, "h1") == [
        "Så är Nacka kommun organiserad"
    ]
    assert "Organisation – Nacka kommun" in texts(client.get("/").content, "a")
    editor = type(client)()
    editor.force_login(admin)
    nacka = Municipality.objects.get(slug="nacka")
    response = editor.post(
        f"/admin/org/municipality/{nacka.id}/change/",
        {"name": "Nacka stad", "slug": "nacka", "kolada_id": nacka.kolada_id or ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert texts(client.get("/nacka/organisation/").content, "h1") == [
        "Så är Nacka stad organiserad"
    ]
    assert "Organisation – Nacka stad" in texts(client.get("/").content, "a")


def test_an_organisation_rename_shows_on_the_next_request(client, demo):
    unit = Unit.objects.filter(municipality__slug="nacka").order_by("id").first()
    page = "/nacka/organisation/"
    assert "Enheten med nytt namn" not in " ".join(texts(client.get(page).content, "main"))
    unit.name = "Enheten med nytt namn"
    unit.save()
    assert "Enheten med nytt namn" in " ".join(texts(client.get(page).content, "main"))


def test_a_goal_change_shows_on_the_next_request(client, demo):
    page = "/nacka/mal/attraktiva-livsmiljoer/?ar=2016"
    goal = Goal.objects.get(municipality__slug="nacka", slug="attraktiva-livsmiljoer")
    before = texts(client.get(page).content, "h1")
    goal.title = "Livsmiljöer som lockar"
    goal.save()
    after = texts(client.get(page).content, "h1")
    assert after != before
    assert after[0].endswith("Livsmiljöer som lockar")
    tree = " ".join(texts(client.get("/nacka/mal/?ar=2016").content, "a"))
    assert "Livsmiljöer som lockar" in tree


def test_a_contact_centre_import_shows_on_the_next_request(client, demo):
    page = "/nacka/kontaktcenter/?ar=2015"
    assert "Januari" not in texts(client.get(page).content, "th")
    lines = [case_line("2015-01-05")] * 6
    import_case_data(Municipality.objects.get(slug="nacka"), case_csv(*lines).encode(), "c.csv")
    assert "Januari" in texts(client.get(page).content, "th")


def test_a_kolada_load_changes_every_municipality_s_version(demo, tmp_path):
    import json

    from styr.kolada.load import load_files

    before = read()
    path = tmp_path / "municipality.json"
    path.write_text(json.dumps({"values": [{"id": "9999", "title": "Testby", "type": "K"}]}))
    load_files([path])
    after = read()
    assert after.number == before.number + 1


def test_a_write_rolled_back_leaves_the_version(demo):
    before = read()
    with pytest.raises(RuntimeError), transaction.atomic():
        Unit.objects.filter(municipality__slug="nacka").first().save()
        raise RuntimeError("rolled back")
    assert read() == before


def test_many_rows_in_one_transaction_bump_once_and_a_write_after_a_read_again(demo):
    """One bump per transaction is enough for other connections, which see all its rows at
    once; a transaction that reads its own page in between (a test does) bumps again."""
    plan = Plan.objects.get(slug=PLAN_SLUG)
    start = read()
    with transaction.atomic():
        for action in plan.actions.all()[:5]:
            action.save()
    once = read()
    assert once.number == start.number + 1
    for action in plan.actions.all()[:2]:
        action.save()
        read()
    assert read().number == once.number + 2


def test_an_unchanged_page_answers_304_to_its_etag(client, demo):
    first = client.get(PLAN_PAGE)
    assert first.status_code == 200
    assert "Cookie" in [name.strip() for name in first["Vary"].split(",")]
    assert first["Cache-Control"] == "no-cache"
    assert first.has_header("Last-Modified")
    again = client.get(PLAN_PAGE, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    since = client.get(PLAN_PAGE, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    record_status_update(an_action(), date=timezone.localdate(), status="done")
    changed = client.get(PLAN_PAGE, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_the_report_keeps_its_style_hashes_when_served_from_the_cache(client, demo):
    url = f"/planer/{PLAN_SLUG}/lagesrapport/html/{PAST}"
    first = client.get(url)
    second = client.get(url)
    assert "sha256-" in first["Content-Security-Policy"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Disposition"] == first["Content-Disposition"]


def test_a_signed_in_page_is_never_cached_nor_served_a_cached_one(client, demo):
    cast = make_cast(Municipality.objects.get(slug="nacka"))
    anonymous_page = client.get(PLAN_PAGE)
    insider = type(client)()
    insider.force_login(cast.strateg)
    own = insider.get(PLAN_PAGE)
    assert own["Cache-Control"] == "private"
    assert not own.has_header("ETag")
    assert "Logga ut" in texts(own.content, "button")
    # The anonymous visitor still gets the anonymous page, not the strateg's.
    again = client.get(PLAN_PAGE)
    assert again.content == anonymous_page.content
    assert "Logga ut" not in texts(again.content, "button")
    # A conditional request with the anonymous page's ETag gets the personal page in full.
    own_again = insider.get(PLAN_PAGE, HTTP_IF_NONE_MATCH=anonymous_page["ETag"])
    assert own_again.status_code == 200
    assert "Logga ut" in texts(own_again.content, "button")


def test_a_draft_seen_by_an_insider_is_not_served_to_a_visitor(client, demo):
    cast = make_cast(Municipality.objects.get(slug="nacka"))
    draft = cast.other_plan
    draft.published_at = None
    draft.save()
    insider = type(client)()
    insider.force_login(cast.other_strateg)
    assert texts(insider.get(f"/planer/{draft.slug}/").content, "h1") == [draft.title]
    assert client.get(f"/planer/{draft.slug}/").status_code == 404


def test_a_new_day_renders_afresh(client, demo, monkeypatch):
    """Today decides what pages show (late actions, the default day): the key holds it."""
    client.get(PLAN_PAGE + PAST)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    with CaptureQueriesContext(connection) as captured:
        client.get(PLAN_PAGE + PAST)
    assert len(captured) > 1


def test_a_bad_query_is_answered_and_not_cached(client, demo):
    assert client.get(PLAN_PAGE + "?as_of=1800-01-01").status_code == 400
    assert not client.get(PLAN_PAGE + "?as_of=1800-01-01").has_header("ETag")


def test_the_decorator_refuses_an_unknown_scope():
    with pytest.raises(ValueError, match="by is"):
        cached_page(by="kommun")
