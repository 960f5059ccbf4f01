"""Publishing a day again makes a new version, with a reason; the earlier one stays listed as
replaced. Only a strateg for the plan may publish."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from styr.reports.domain import publish_report
from styr.reports.models import PublishedFile, PublishedReport
from tests import html
from tests.conftest import MEMO_DAY, PLAN_SLUG

pytestmark = pytest.mark.django_db

PUBLISH = f"/planer/{PLAN_SLUG}/publicera/"
LISTED = f"/planer/{PLAN_SLUG}/rapporter/"
FORM = {"as_of": "2015-09-02", "since": "", "proposal": "Kommunstyrelsen noterar."}


def publish_links(client) -> list[str]:
    """The published reports page's link to publishing a new one, if it offers it."""
    return html.hrefs(html.parse(client.get(LISTED)), "Publicera en ny lägesrapport")


@pytest.fixture
def strateg_client(client, cast):
    client.force_login(cast.strateg)
    return client


@pytest.fixture
def first(cast):
    return publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg)


def test_publishing_a_day_again_without_a_reason_is_refused_and_nothing_is_written(
    strateg_client, first
):
    response = strateg_client.post(PUBLISH, FORM)
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == [
        "Planen har redan en publicerad lägesrapport för 2 september 2015 (version 1). "
        "Ange ett skäl till att den publiceras igen; den nya versionen ersätter den tidigare, "
        "som står kvar i listan."
    ]
    assert list(PublishedReport.objects.all()) == [first]
    assert PublishedFile.objects.count() == 4


def test_the_publish_form_shows_the_versions_already_published(strateg_client, first):
    page = html.parse(strateg_client.get(PUBLISH))
    assert "Redan publicerade" in html.texts(page, "//main/h2")
    assert html.row(page, "2015-09-02")[:2] == ["2015-09-02", "1"]
    assert html.text(page, "//label[@for='id_reason']") == "Skäl till ny version"


def test_publishing_a_day_again_with_a_reason_makes_version_2_and_marks_version_1_replaced(
    strateg_client, cast, first
):
    response = strateg_client.post(PUBLISH, {**FORM, "reason": "Fel ansvarig i version 1."})
    assert response.status_code == 302
    second = PublishedReport.objects.get(version=2)
    assert (second.plan, second.as_of, second.reason, second.published_by) == (
        cast.plan,
        MEMO_DAY,
        "Fel ansvarig i version 1.",
        cast.strateg,
    )
    assert second.files.count() == 4
    first.refresh_from_db()
    assert first.version == 1 and first.reason == ""

    page = html.parse(strateg_client.get(LISTED))
    reports = page.xpath("//section[@class='card']")
    assert [html.text(report, "./h2") for report in reports] == [
        "Läget den 2 september 2015, version 2",
        "Läget den 2 september 2015, version 1",
    ]
    newer, replaced = reports
    said = html.texts(replaced, "./p[not(@class)]")
    assert said[0].startswith("Ersatt av version 2, publicerad ")
    assert said[0].endswith(f" av {cast.strateg.username}. Skäl: Fel ansvarig i version 1.")
    assert html.texts(replaced, "./p/strong") == ["Ersatt av version 2"]
    assert html.texts(newer, "./p/strong") == []
    for report, published in ((newer, second), (replaced, first)):
        checksums = html.texts(report, ".//code[@class='checksum']")
        assert checksums[:-1] == [file.sha256 for file in published.files.all()]


def test_the_domain_refuses_a_new_version_without_a_reason(cast, first):
    with pytest.raises(ValidationError) as raised:
        publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg, reason="  ")
    assert "Ange ett skäl" in raised.value.messages[0]
    assert PublishedReport.objects.count() == 1


def test_versions_count_per_day(cast, first):
    other_day = publish_report(cast.plan, day=timezone.localdate(), by=cast.strateg)
    third = [
        publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg, reason=f"Rättelse {n}")
        for n in (1, 2)
    ][-1]
    assert (other_day.version, third.version) == (1, 3)


@pytest.mark.parametrize("name", ["reader", "responsible", "other_strateg", "admin"])
def test_only_the_plans_strateg_may_publish(client, cast, name):
    client.force_login(getattr(cast, name))
    for response in (client.get(PUBLISH), client.post(PUBLISH, FORM)):
        assert html.alerts(html.parse(response, status=403)) == [
            "Bara en strateg för planen kan publicera lägesrapporter."
        ]
    assert not PublishedReport.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, cast):
    response = client.post(PUBLISH, FORM)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={PUBLISH}"
    assert not PublishedReport.objects.exists()


def test_the_plans_strateg_publishes_and_sees_the_publish_link(strateg_client, cast):
    assert strateg_client.post(PUBLISH, FORM).status_code == 302
    assert PublishedReport.objects.get().published_by == cast.strateg
    assert publish_links(strateg_client) == [PUBLISH]


def test_others_do_not_see_the_publish_link(client, cast):
    client.force_login(cast.other_strateg)
    assert publish_links(client) == []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs two real concurrent transactions; SQLite lets one writer in at a time",
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_publications_of_a_day_leave_one_and_a_swedish_message(cast, first):
    """Another session inserts version 2 and holds its transaction open until ours has chosen
    version 2 too and waits on the unique index; then it commits and ours must fail."""
    our_pid = connection.cursor().connection.info.backend_pid
    inserted = threading.Event()
    failures = []

    def the_other_publisher():
        try:
            with transaction.atomic():
                PublishedReport.objects.create(
                    plan=cast.plan,
                    as_of=MEMO_DAY,
                    version=2,
                    reason="Den andra",
                    content="{}",
                    content_sha256="0" * 64,
                    published_at=timezone.now(),
                    published_by=cast.other_strateg,
                )
                inserted.set()
                # Commit only once our session waits for this row's lock.
                with connection.cursor() as cursor:
                    for _ in range(600):
                        cursor.execute(
                            "SELECT count(*) FROM pg_stat_activity "
                            "WHERE pid = %s AND wait_event_type = 'Lock'",
                            [our_pid],
                        )
                        if cursor.fetchone()[0]:
                            break
                        threading.Event().wait(0.05)
                    else:
                        failures.append("our session never waited for the other's row")
        except Exception as error:  # reported by the main thread
            failures.append(repr(error))
            inserted.set()
        finally:
            connections.close_all()

    other = threading.Thread(target=the_other_publisher)
    other.start()
    assert inserted.wait(30)
    with pytest.raises(ValidationError) as raised:
        publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg, reason="Vår")
    other.join(30)
    assert failures == []
    assert raised.value.messages == [
        "Lägesrapporten för 2 september 2015 publicerades samtidigt av någon annan; försök igen."
    ]
    assert [(r.version, r.reason) for r in PublishedReport.objects.order_by("version")] == [
        (1, ""),
        (2, "Den andra"),
    ]
    assert PublishedFile.objects.filter(report__version=2).count() == 0


def test_the_published_list_takes_the_same_queries_for_one_version_or_several(client, cast):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LISTED).status_code == 200
        return len(captured)

    publish_report(cast.plan, day=MEMO_DAY, by=cast.strateg)
    one = queries()
    for n in (1, 2):
        publish_report(cast.plan, day=MEMO_DAY, by=cast.other_strateg, reason=f"Rättelse {n}")
    publish_report(cast.plan, day=timezone.localdate(), by=cast.strateg)
    assert queries() == one, (
        "The published list should read reports, files and publishers in a fixed number of "
        "queries: select_related the publisher, prefetch the files, find replacements in Python."
    )
