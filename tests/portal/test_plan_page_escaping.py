"""The plan page writes its action items and progress lines in Python (for speed); every
text in them is still escaped: a title, a deadline, a note or a theme's name is shown as
written and never becomes markup."""

import pytest
from django.utils import timezone

from styr.plans.domain import change_action, record_status_update
from styr.plans.models import Action, Theme
from tests import html
from tests.conftest import PLAN_SLUG

HOSTILE = "<script>alert(\"x\")</script> & <b>fet</b> 'citat'"


@pytest.mark.usefixtures("uncached_pages")
def test_texts_with_markup_are_shown_as_written_on_the_plan_page(client, plan, staff):
    action = Action.objects.get(title="Kvalitetsutveckling")
    change_action(action, by=staff, reason="Prov", title=f"Titel {HOSTILE}", deadline_text=HOSTILE)
    Theme.objects.filter(pk=action.theme_id).update(title=f"Tema {HOSTILE}")
    record_status_update(action, date=timezone.localdate(), status="done", note=f"Not {HOSTILE}")

    page = html.parse(client.get(f"/planer/{PLAN_SLUG}/"))

    assert not page.xpath("//main//script") and not page.xpath("//main//b")
    (item,) = [
        li
        for li in page.xpath("//li[@class='action']")
        if html.text(li, ".//*[@class='action-title']") == f"Titel {HOSTILE}"
    ]
    facts = html.facts(item)
    assert facts["Klart"] == HOSTILE
    assert facts["Senaste kommentar"].startswith(f"Not {HOSTILE} (")
    labels = [bar.get("aria-label") for bar in page.xpath("//progress")]
    assert f"Genomförda åtgärder i Tema {HOSTILE}" in labels
