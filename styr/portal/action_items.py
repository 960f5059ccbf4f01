"""The plan page's actions, each as the `<li>` the page shows, written in Python.

A plan page repeats the same dozen lines for every action it shows; through the template
engine each line's tags, translations and links cost more than the rest of the page
together (36 actions: about 15 ms of a 45 ms page). Here the words are translated once
per page, a person's link made once however many actions name them, and each item is one
string format of escaped texts (html.escape: what Django's escaping does, without its
lazy-text checks per value). The HTML is the template's to the byte: the page is unchanged.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from styr.lib.dates import swedish_day
from styr.plans.snapshot import ActionRow, Who
from styr.portal.templatetags.styr import status_badge

ITEM = """
    <li class="action">
      <h{level} class="action-title"><a href="{link}{as_of}">{title}</a></h{level}>
      <p class="badges">{badge}{overdue}</p>
      <dl class="action-facts">
        <dt>{responsible_term}</dt>
        <dd>{responsible}</dd>
        {supporting}
        <dt>{deadline_term}</dt>
        <dd>{deadline}</dd>
        {note}
      </dl>
    </li>
    """


class ActionItems:
    """Writes the items of one page: the words and links it repeats are made once."""

    def __init__(self, plan, day: dt.date, is_today: bool):
        self.plan = plan
        self.as_of = "" if is_today else f"?as_of={day.isoformat()}"
        self.person_links: dict[str, str] = {}
        # Translated once, escaped once (as the template's {% translate %} escaped them).
        self.words = {
            "responsible": escape(_("Ansvarig")),
            "nobody": escape(_("Ingen namngiven")),
            "supporting": escape(_("Stöd")),
            "deadline": escape(_("Klart")),
            "no_deadline": escape(_("Ingen tidsangivelse")),
            "note": escape(_("Senaste kommentar")),
            "overdue": format_html(
                ' <span class="overdue"><span aria-hidden="true">⚠</span> {}</span>',
                _("Försenad"),
            ),
        }

    def render(self, items: list[ActionRow], heading_level: int) -> SafeString:
        return mark_safe("".join(self._item(item, heading_level) for item in items))

    def _item(self, item: ActionRow, level: int) -> str:
        """The item's HTML; every text in it escaped here (`escape`), as the template did."""
        action, words, update = item.action, self.words, item.update
        supporting = ""
        if item.supporting:
            supporting = (
                f"<dt>{words['supporting']}</dt>\n        <dd>{self._names(item.supporting)}</dd>"
            )
        note = ""
        if update and update.note:
            day = swedish_day(update.date) if update.date else ""
            note = (
                f'<dt>{words["note"]}</dt><dd class="note">{escape(update.note)} '
                f'<span class="meta">({escape(day)})</span></dd>'
            )
        link = reverse("portal:action", args=[self.plan.slug, action.id])
        return ITEM.format(
            level=level,
            link=escape(link),
            as_of=self.as_of,
            title=escape(action.title),
            badge=status_badge(item.status),
            overdue=words["overdue"] if item.overdue else "",
            responsible_term=words["responsible"],
            responsible=self._names(item.responsible) or words["nobody"],
            supporting=supporting,
            deadline_term=words["deadline"],
            deadline=escape(action.deadline_text) if action.deadline_text else words["no_deadline"],
            note=note,
        )

    def _names(self, named: list[Who]) -> str:
        return ", ".join(self._name(who) for who in named)

    def _name(self, who: Who) -> str:
        if not who.person:
            return escape(who.label)
        slug = who.person.slug
        if slug not in self.person_links:
            link = reverse("portal:person", args=[self.plan.municipality.slug, slug])
            self.person_links[slug] = escape(link)
        return f'<a href="{self.person_links[slug]}">{escape(who.label)}</a>'
