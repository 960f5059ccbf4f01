"""Slots: the places where a text says that someone is responsible or supports.

`find_parties(text)` reads one paragraph of a Swedish municipal plan and returns the people,
roles and bodies it names as responsible (``"responsible"``) or supporting (``"supporting"``).
Pure standard library, no Django.

A party is only taken from a *slot*: a place where the text says that someone is responsible
or supports. A name anywhere else ("Tjänsten kommer att innehas av Klara Palmberg Broryd",
"Enhetschef är Lars Nylund") is a fact about the organisation, not a party to the action.

Slots, responsible unless noted:

* labels: ``Ansvarig: ekonomichef``, ``Ansvar: Kommunstyrelsen``, ``Ansvarig nämnd:
  Socialnämnden``, ``Huvudansvar: …``, ``Ansvarig för genomförande: …`` (a label alone on its
  line takes the bullet lines below it); ``Stöd:``, ``Stödjande:``, ``Medverkande:``,
  ``Medansvarig:``, ``Samverkan:`` are supporting;
* a clause opening with ``Ansvarig``/``Ansvariga``/``Huvudansvarig`` and a copula:
  ``Ansvariga direktörer för genomförandet är …``, ``…, ansvarig är …``, ``och ansvarig
  direktör är …``, ``Ansvarig direktör för den nya nämnden blir …`` -- responsible even when
  the qualifier says "för att stödja";
* a subject before ``är/blir ansvarig(a)``, ``ansvarar``, ``har ansvaret`` or ``har … ansvar
  (för) att``: ``Stadsjurist Helena Meier är ansvarig för att …``, ``Stadsdirektören
  ansvarar för …``. A duty *to support* (``ansvar att stödja``) makes the subject supporting
  when someone else in the paragraph is responsible, and responsible otherwise;
* ``med <part> som ansvarig``: responsible, but supporting in a sentence whose verb is
  ``stödjer``/``stöder``/``stöttar``/``bistår``;
* ``inom ramen för <person>s ansvar``, ``samordnas av``, ``leds av``, ``drivs av``,
  ``ansvaret ligger på``, ``ansvaret för … har``;
* supporting: ``med stöd av``, ``med hjälp av``, ``i (nära) samspel/samverkan/samarbete med``,
  ``stöds av``, ``stöttas av``;
* lines ``<label> – <name> <title>`` after a paragraph that speaks of responsibility (the
  councils in the Nacka memo: ``Brottsförebyggande rådet – Mats Bohman administrativ
  direktör``).

Within a slot a list of parts is read: ``title Name``, ``Name, title``, ``Name (title)``,
``Name title``, ``Name``, a nameless role (``respektive stödprocessdirektör``, ``samtliga
direktörer i ledningsgruppen``, ``extern konsult``, ``kommunstyrelsens ordförande``,
``respektive nämnd``), or a body (``Socialnämnden``, ``HR-avdelningen``, ``KS``), joined by
"""

from __future__ import annotations

import re

from styr.extract.responsibility.abbreviations import fits
from styr.extract.responsibility.mentions import _mention, _parse_list, _Part, _read_list, _skip_ws
from styr.extract.responsibility.party import DUTY, RESPONSIBLE, SUPPORTING
from styr.extract.responsibility.patterns import (
    _ADVERBS,
    _B,
    _E,
    _H,
    _HS,
    _L,
    _LO,
    _UP,
    _WS,
    Scan,
)
from styr.extract.responsibility.phrases import is_committee, party_phrase
from styr.extract.responsibility.sentences import _clause_initial, _parts_before, _Sentences

# --- slots -----------------------------------------------------------------------------------

_RESP_LABEL = (
    rf"[{_L}]{{0,20}}?[Aa]nsvar(?:ig[ae]?|et|ar)?|[Uu]ppdragsägare|[Pp]rocessägare|[Åå]tgärdsägare"
    r"|[Ää]gare|[Uu]tförare|[Gg]enomförare|[Uu]ppdragstagare|[Vv]em|(?:[Uu]tförs|[Gg]enomförs)\s+av"
)
_SUPP_LABEL = (
    r"[Mm]edansvar(?:ig[ae]?)?|[Ss]töd(?:jande|funktion(?:er)?|jer|s)?|[Mm]edverkande"
    r"|[Ss]amverkan(?:spart(?:er|ner)?)?|[Ss]amarbetspart(?:er|ner)?|[Dd]eltagande|[Ii]nvolverade"
)
_LABEL = re.compile(
    rf"{_B}(?:(?P<supp>{_SUPP_LABEL})|(?P<resp>{_RESP_LABEL})){_E}"
    rf"(?P<qual>{_H}++[^:\n.]{{1,50}}?)?{_H}*+:(?!//)"
)
_BULLET_LINE = re.compile(rf"{_H}*+(?:[-•*–—]|\d{{1,2}}[.)]){_H}++")
_TRIGGER = Scan(
    re.compile(rf"{_B}(?:[Hh]uvud|[Yy]ttersta?{_H}++|[Öö]vergripande{_H}++)?[Aa]nsvarig[ae]?{_E}"),
    "HhYyÖöAa",
)
_COPULA = Scan(re.compile(rf"{_B}(?:är|blir|blev|var){_E}"), "äbv")
_PREDICATE = Scan(
    re.compile(
        rf"{_B}(?:(?:är|blir|blev|var){_WS}(?:(?:också|även|gemensamt|ytterst|fortsatt){_WS})?"
        rf"(?:huvud)?ansvarig[ae]?|ansvarar|ansvarade"
        rf"|har(?:{_H}++[{_L}]++){{0,3}}?{_H}++(?:huvud)?(?:ansvaret{_E}"
        rf"|ansvar(?:et)?{_WS}(?:för{_WS})?att{_E}))"
        rf"{_E}"
    ),
    "äbvah",
)
_SUPPORTDUTY = re.compile(rf"(?:{_WS}för)?(?:{_WS}att)?{_WS}(?:stödja|stödjer|stötta|bistå){_E}")
_AS_RESPONSIBLE = Scan(re.compile(rf"{_B}som{_WS}(?:huvud)?ansvarig[ae]?{_E}"), "s")
_SUPPORT_VERB = Scan(re.compile(rf"{_B}(?:stödjer|stöder|stödja|stöttar|bistår){_E}"), "sb")
_SUPPORT_PHRASE = Scan(
    re.compile(
        rf"{_B}(?:[Mm]ed{_WS}(?:stöd|hjälp){_WS}(?:av|från)"
        rf"|[Ii]{_WS}(?:nära{_WS})?(?:samspel|samverkan|samarbete){_WS}med"
        rf"|stöds{_WS}av|stöttas{_WS}av|biträdd?{_WS}av){_E}"
    ),
    "MmIisb",
)
_RESPONSIBLE_PHRASE = Scan(
    re.compile(
        rf"{_B}(?:(?:[Ss]amordnas|[Ll]eds|[Dd]rivs|[Hh]ålls{_WS}ihop){_WS}av"
        rf"|[Hh]uvudansvaret{_WS}har"
        rf"|[Aa]nsvaret(?:{_WS}för[^.:;\n]{{1,80}}?)?{_WS}(?:har|ligger{_WS}(?:på|hos)|vilar{_WS}på))"
        rf"{_E}"
    ),
    "SsLlDdHhAa",
)
_WITHIN = Scan(re.compile(rf"{_B}(?:[Ii]nom{_WS}ramen{_WS}för|[Uu]nder){_E}"), "IiUu")
_GENITIVE_RESPONSIBILITY = re.compile(rf"{_H}++ansvar(?:sområde)?{_E}")
_DASH_LINE = re.compile(
    rf"(?m)^{_H}*+(?:[-•*]{_H}++)?[{_UP}][^\n–—]{{0,80}}?{_H}++[–—-]{_H}++"
    rf"(?P<rest>[^\n]{{3,160}}?){_H}*+[.;]?{_H}*+$"
)
_RESPONSIBILITY_WORD = re.compile(rf"(?i){_B}(?:huvud)?ansvar(?:ig[ae]?|et)?{_E}")
# words a slot needs, in lower case: a paragraph with none of them names no party in a slot
KEYWORDS = (
    "ansvar", "stöd", "stött", "samspel", "samverkan", "samarbete", "hjälp", "samordnas", "leds",
    "drivs", "hålls", "ägare", "medverk", "deltagande", "involverade", "bistå", "biträd",
    "utförare", "genomförare", "uppdragstagare", "vem:", "utförs av", "genomförs av",
)  # fmt: skip


def _items_from_list(
    parts: list[_Part], kind: str, out: list[tuple[int, str | None, str | None, str]]
) -> None:
    for part in parts:
        out.append((part.start, part.name, part.role, kind))


def _label_slots(text: str, sentences: _Sentences, out: list) -> None:
    for m in _LABEL.finditer(text):
        sentence_start, sentence_end = sentences.bounds(m.start())
        if not _clause_initial(text, m.start(), sentence_start, line=True):
            continue
        kind = SUPPORTING if m["supp"] else RESPONSIBLE
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        pos = m.end()
        while pos < line_end and text[pos] in _HS:
            pos += 1
        if pos < line_end:
            _label_value(text, pos, min(line_end, sentence_end), kind, out)
            continue
        # a label alone on its line: the bullet lines below it (or the next line)
        first = True
        while line_end < len(text):
            start = line_end + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            bullet = _BULLET_LINE.match(text, start, line_end)
            if bullet is None and not first:
                break
            pos = bullet.end() if bullet else _skip_ws(text, start, line_end)
            _items_from_list(_parse_list(text, pos, line_end), kind, out)
            if bullet is None:
                break
            first = False


def _label_value(text: str, pos: int, end: int, kind: str, out: list) -> None:
    """A label's value: the people, titles and bodies the mention grammar reads when they make
    up the whole value, else the value as written, piece by piece ("Ansvarig organisation:
    Trafikverket . Status: …", "Ansvar: Region Skåne, kommunerna")."""
    stop = _VALUE_END.search(text, pos, end)
    value_end = stop.start() if stop else end
    parts, last = _read_list(text, pos, end)
    if parts and not text[last:value_end].strip(" \t.,;:"):
        _items_from_list(parts, kind, out)
        return
    value = text[pos:value_end].rstrip(" \t.,;:")
    if not value or not value[0].isalpha():
        _items_from_list(parts, kind, out)  # "Ansvarig: Per Olsson (…": what the grammar read
        return
    phrases = party_phrase(value, 0, len(value))
    if phrases is None:
        phrases = [(m.start(), m.group()) for m in _PIECE.finditer(value)]
    for offset, phrase in phrases:
        piece, piece_end = _read_list(text, pos + offset, pos + offset + len(phrase))
        if piece and piece_end == pos + offset + len(phrase):
            _items_from_list(piece, kind, out)
        elif _AS_WRITTEN.match(phrase) and len(phrase.split()) <= 8:
            out.append((pos + offset, None, phrase, kind))


# a value kept as written names someone: a capital or a body's word, not "se ovan", "Ej utsedd"
_AS_WRITTEN = re.compile(
    rf"(?!(?i:ej|inte|ingen|inga|saknas|oklart|okänd|vakant|se|enligt|tbd|n/a)\b)"
    rf"(?:[{_UP}]|.*?(?:nämnd|styrelse|förvaltning|kommun|region|enhet|avdelning|kontor))"
)
_PIECE = re.compile(r"[^,;/&\s][^,;/&]*?(?=\s*(?:[,;/&]|$))")
_VALUE_END = re.compile(
    rf"{_H}(?:\.|\||–|—){_H}|\.(?:{_H}|$)|[;|\t]|{_H}[{_UP}][{_LO}]+(?:{_H}[{_LO}]+)?{_H}*:"
)
_BRACKETED = re.compile(
    rf"\((?P<abbr>[{_UP}]{{2,5}}(?:{_H}*[,/]{_H}*[{_UP}]{{2,5}})*)\){_H}*[.;:]?"
    rf"(?P<rest>{_H}*(?:[^\s(]+{_H}*){{0,4}})(?:\n|$)"
)
_POLITICAL_PARTIES = frozenset({"KD", "MP", "SD", "FI", "SPI"})
_ABBR_SEPARATOR = re.compile(rf"{_H}*[,/]{_H}*")
_GOES_ON_IN_REST = re.compile(rf"{_H}*[{_LO}]")
_GOES_ON = re.compile(rf"\s*[{_LO}]")


def _bracket_slots(text: str, out: list) -> None:
    """A committee in brackets at the end of a line: "Ta fram en plan för X (KS)", unless the
    bracket defines the abbreviation of the name before it ("… Kommunstyrelsen (KS)")."""
    for m in _BRACKETED.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()].split()
        names = _ABBR_SEPARATOR.split(m["abbr"])
        if any(name in _POLITICAL_PARTIES or not is_committee(name) for name in names):
            continue  # "(SD)", "(HVB)": a political party, an abbreviation of something else
        if _GOES_ON_IN_REST.match(m["rest"]) or _GOES_ON.match(text, m.end()):
            continue  # the sentence goes on: "… boende (HVB)\nsamt …"
        if len(names) == 1 and any(
            fits(names[0], " ".join(before[i:]))
            for i in range(max(0, len(before) - 6), len(before))
        ):
            continue
        offset = m.start("abbr")
        for name in names:
            out.append((offset, None, name, RESPONSIBLE))


def _trigger_slots(text: str, sentences: _Sentences, out: list) -> None:
    for m in _TRIGGER.finditer(text):
        sentence_start, sentence_end = sentences.bounds(m.start())
        if not _clause_initial(text, m.start(), sentence_start):
            continue
        copula = _COPULA.search(text, m.end(), min(sentence_end, m.end() + 300))
        if copula is None or ":" in text[m.end() : copula.start()]:
            continue
        pos = _skip_ws(text, copula.end(), sentence_end)
        adverbs = _ADVERBS.match(text, pos, sentence_end)  # always: it matches the empty string
        pos = adverbs.end() if adverbs else pos
        _items_from_list(_parse_list(text, pos, sentence_end), RESPONSIBLE, out)


def _predicate_slots(text: str, sentences: _Sentences, out: list) -> None:
    for m in _PREDICATE.finditer(text):
        sentence_start, sentence_end = sentences.bounds(m.start())
        parts = _parts_before(text, m.start(), sentence_start, after_preposition=False)
        if not parts or not _clause_initial(text, parts[0].start, sentence_start):
            continue
        duty = _SUPPORTDUTY.match(text, m.end(), sentence_end)
        _items_from_list(parts, DUTY if duty else RESPONSIBLE, out)


def _as_responsible_slots(text: str, sentences: _Sentences, out: list) -> None:
    for m in _AS_RESPONSIBLE.finditer(text):
        sentence_start, _ = sentences.bounds(m.start())
        parts = _parts_before(text, m.start(), sentence_start, after_preposition=True)
        if not parts:
            continue
        supports = _SUPPORT_VERB.search(text, sentence_start, parts[0].start)
        _items_from_list(parts, SUPPORTING if supports else RESPONSIBLE, out)


def _phrase_slots(text: str, sentences: _Sentences, out: list, regex: Scan, kind: str) -> None:
    """The parties after a phrase of `regex` (_SUPPORT_PHRASE or _RESPONSIBLE_PHRASE), as `kind`."""
    for m in regex.finditer(text):
        _, sentence_end = sentences.bounds(m.start())
        pos = _skip_ws(text, m.end(), sentence_end)
        _items_from_list(_parse_list(text, pos, sentence_end), kind, out)


def _genitive_slots(text: str, sentences: _Sentences, out: list) -> None:
    for m in _WITHIN.finditer(text):
        _, sentence_end = sentences.bounds(m.start())
        pos = _skip_ws(text, m.end(), sentence_end)
        part = _mention(text, pos, sentence_end)
        if part is None or part.name is None:
            continue
        if not _GENITIVE_RESPONSIBILITY.match(text, part.end, sentence_end):
            continue
        name = part.name
        last = name.rsplit(" ", 1)[-1]
        if len(last) > 2 and last.endswith("s") and last[-2].lower() not in "aeiouyåäöéslxz":
            name = name[:-1]  # "Per Olssons ansvar"
        out.append((part.start, name, part.role, RESPONSIBLE))


def _dash_lines(text: str, out: list) -> None:
    for m in _DASH_LINE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _RESPONSIBILITY_WORD.search(text, max(0, line_start - 1500), line_start):
            continue
        part = _mention(text, m.start("rest"), m.end("rest"))
        if part and part.name and part.role and part.end == m.end("rest"):
            out.append((part.start, part.name, part.role, RESPONSIBLE))
