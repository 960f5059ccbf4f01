"""Who is responsible for an action, and who supports it.

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
commas, ``och``, ``samt``, ``/`` or ``tillsammans med`` (which continues the list, same kind).
A body right after a person or title and a comma (``Anna Svensson, ekonomiavdelningen``) is
taken as that person's unit and dropped. Not slots: ``i samråd med`` (the memo uses it for
people who are not parties), ``tillsammans med`` outside a list, inverted clauses (``Därför
ansvarar X``), table rows (the segmenter reads columns), names in upper case.

Names keep their spelling; runs of white space inside a name become one space and a genitive
``s`` is dropped only in ``Per Olssons ansvar``. Titles are returned with a lower-case first
letter, in the indefinite form (``stadsbyggnadsdirektören`` -> ``stadsbyggnadsdirektör``,
``administrative direktören`` -> ``administrativ direktör``); a plural title in apposition to
a list of names (``direktörerna Helena Meier, Eva Olin``) gives each of them the singular title
(``direktör``). Nameless roles keep their number (``övriga direktörer``). Bodies keep their
spelling (``Socialnämnden``).

All regular expressions are compiled once, every repetition is bounded or possessive, and the
slots are found by keyword, so the cost is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["RESPONSIBLE", "SUPPORTING", "Party", "find_parties"]

RESPONSIBLE = "responsible"
SUPPORTING = "supporting"
_DUTY = "support-duty"  # "ansvar att stödja": resolved once the whole paragraph is read


@dataclass(frozen=True)
class Party:
    """A person, a role or a body named as responsible or supporting."""

    name: str | None  # "Elisabeth Carle"; None for a role or body without a person
    role: str | None  # "personaldirektör", "respektive direktör", "Socialnämnden"; None if unknown
    kind: str  # RESPONSIBLE or SUPPORTING


# --- building blocks -------------------------------------------------------------------------

_UP = "A-ZÅÄÖÉÜÆØ"
_LO = "a-zåäöéüæøáàèíóúñçëïâêîôû"
_L = _UP + _LO
_HS = " \t\r\f\v\u00a0"
_H = f"[{_HS}]"  # horizontal white space
_WS = rf"(?>{_H}*+\n{_H}*+|{_H}++)"  # white space with at most one line break
_B = r"(?<![\w-])"  # word start
_E = r"(?![\w-])"  # word end


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _ci(word: str) -> str:
    """`word` with either case for its first letter."""
    first = word[0]
    return f"[{first.upper()}{first.lower()}]{re.escape(word[1:])}"


# Title heads: indefinite singular, definite singular, indefinite plural, definite plural.
_TITLE_HEADS = [
    ("direktör", "direktören", "direktörer", "direktörerna"),
    ("chef", "chefen", "chefer", "cheferna"),
    ("strateg", "strategen", "strateger", "strategerna"),
    ("jurist", "juristen", "jurister", "juristerna"),
    ("controller", "controllern", "controllers", "controllerna"),
    ("samordnare", "samordnaren", "samordnare", "samordnarna"),
    ("handläggare", "handläggaren", "handläggare", "handläggarna"),
    ("ledare", "ledaren", "ledare", "ledarna"),
    ("sekreterare", "sekreteraren", "sekreterare", "sekreterarna"),
    ("utvecklare", "utvecklaren", "utvecklare", "utvecklarna"),
    ("utredare", "utredaren", "utredare", "utredarna"),
    ("planerare", "planeraren", "planerare", "planerarna"),
    ("förvaltare", "förvaltaren", "förvaltare", "förvaltarna"),
    ("rådgivare", "rådgivaren", "rådgivare", "rådgivarna"),
    ("rektor", "rektorn", "rektorer", "rektorerna"),
    ("koordinator", "koordinatorn", "koordinatorer", "koordinatorerna"),
    ("revisor", "revisorn", "revisorer", "revisorerna"),
    ("arkitekt", "arkitekten", "arkitekter", "arkitekterna"),
    ("ingenjör", "ingenjören", "ingenjörer", "ingenjörerna"),
    ("ekonom", "ekonomen", "ekonomer", "ekonomerna"),
    ("kommunikatör", "kommunikatören", "kommunikatörer", "kommunikatörerna"),
    ("administratör", "administratören", "administratörer", "administratörerna"),
    ("inspektör", "inspektören", "inspektörer", "inspektörerna"),
    ("konsult", "konsulten", "konsulter", "konsulterna"),
    ("specialist", "specialisten", "specialister", "specialisterna"),
    ("assistent", "assistenten", "assistenter", "assistenterna"),
    ("expert", "experten", "experter", "experterna"),
    ("intendent", "intendenten", "intendenter", "intendenterna"),
    ("analytiker", "analytikern", "analytiker", "analytikerna"),
    ("ombudsman", "ombudsmannen", "ombudsmän", "ombudsmännen"),
    ("ordförande", "ordföranden", "ordförande", "ordförandena"),
]

# form -> (singular, plural, is_plural, is_definite); the first reading of a form wins
_HEAD_FORMS: dict[str, tuple[str, str, bool, bool]] = {}
for _sg, _sg_def, _pl, _pl_def in _TITLE_HEADS:
    for _form, _plural, _definite in (
        (_sg, False, False),
        (_sg_def, False, True),
        (_pl, True, False),
        (_pl_def, True, True),
    ):
        _HEAD_FORMS.setdefault(_form, (_sg, _pl, _plural, _definite))

_HEAD = "(?:" + "|".join(_ci(f) for f in sorted(_HEAD_FORMS, key=len, reverse=True)) + ")"
_HEAD_END = re.compile(_HEAD + r"\Z")

# a single title word: "stadsdirektören", "HR-chef", "Personaldirektör", "konsult"
_TITLE_WORD = rf"(?:[{_L}]++-)?[{_L}]*?{_HEAD}{_E}"

_BODY_SUFFIX = (
    "(?:nämnden|nämnderna|nämnd|styrelsen|styrelse|förvaltningen|förvaltningarna|förvaltning"
    "|avdelningen|avdelningarna|avdelning|enheten|enheterna|kontoret|staben|rådet|utskottet"
    "|kommittén|sekretariatet|bolaget|bolagen|fullmäktige|gruppen|funktionen)"
)
# a body: "Socialnämnden", "HR-avdelningen", "ekonomiavdelningen" (a compound, not "enheten")
_BODY_WORD = rf"(?:[{_L}]++-[{_L}]*?|[{_L}]{{2,}}?){_BODY_SUFFIX}{_E}"

_QUANT = (
    "(?:"
    + "|".join(_ci(w) for w in ("respektive", "samtliga", "alla", "övriga", "berörda", "berörd"))
    + r"|[Vv]arje|[Rr]esp\.)"
)
_ADJ_BASES = (
    "administrativ",
    "tillförordnad",
    "ställföreträdande",
    "biträdande",
    "extern",
    "intern",
    "teknisk",
    "ekonomisk",
    "juridisk",
    "strategisk",
    "kommunal",
    "medicinsk",
    "operativ",
    "regional",
    "central",
    "lokal",
)
_ADJ = "(?:(?:" + "|".join(_ci(w) for w in _ADJ_BASES) + rf")(?:a|e|t)?{_E}|[Tt]\.f\.|[Tt]f\.?{_E})"
# "strategi- och förnyelse…", "barn-, utbildnings- och kultur…"
_COORD = rf"(?:[{_L}]++-(?:{_H}*+,{_H}*+[{_L}]++-){{0,4}}{_WS}(?:och|eller|samt){_WS})"
_FUNCTION_WORDS = (
    "och|eller|samt|att|som|med|för|från|till|är|blir|var|den|det|dem|dels|både|men|utan|inte"
    "|även|också|stöd|hjälp|respektive|samtliga|alla|övriga|berörda|varje|ansvarig|ansvariga"
    "|ansvar|nya|nytt|detta|denna|dessa|eller|samspel|samverkan|samarbete|direkt|mycket"
)
# the misspelt "strategi och förnyelsedirektör": a plain word, neither a title nor a body
_LOOSE = (
    rf"(?:(?!(?i:{_FUNCTION_WORDS}){_E})(?!{_TITLE_WORD})(?!{_BODY_WORD})"
    rf"[{_L}][{_LO}]{{2,20}}+(?<!en)(?<!et)(?<!na){_WS}och{_WS})"
)

_QUANTIFIED_BODY = re.compile(  # "respektive nämnd", "berörda förvaltningar"
    rf"{_B}(?P<role>(?:{_QUANT}{_WS}){{1,2}}[{_L}]{{0,30}}?"
    r"(?:nämnd(?:er(?:na)?|en)?|förvaltning(?:ar(?:na)?|en)?|enhet(?:er(?:na)?|en)?"
    r"|avdelning(?:ar(?:na)?|en)?|verksamhet(?:er(?:na)?|en)?|bolag(?:en|et)?"
    rf"|styrelse(?:r(?:na)?|n)?)){_E}"
)

_NAME_TOKEN = rf"[{_UP}][{_LO}]++(?:-[{_UP}][{_LO}]++)?"
_PARTICLES = ("af", "von", "van", "der", "de", "du", "da", "di", "la", "le", "zu")
_PARTICLE = "(?:" + "|".join(_PARTICLES) + ")"
_INITIAL = rf"[{_UP}]\.(?={_H}++[{_UP}])"  # "Per O. Ek"
_NAME = (
    rf"{_B}{_NAME_TOKEN}(?:{_H}++(?:{_PARTICLE}{_H}++){{0,2}}(?:{_NAME_TOKEN}|{_INITIAL})){{1,3}}"
    rf"(?<!\.){_E}"
)

# the body a title belongs to: "kommunstyrelsens ordförande", "förvaltningens controller"
_OWNER = (
    rf"(?:[{_L}]{{0,30}}?(?i:nämndens|nämnds|styrelsens|förvaltningens|förvaltnings|kontorets"
    rf"|enhetens|avdelningens|rådets|utskottets|kommunens|regionens){_WS})"
)
_ROLE = (
    rf"(?:[Dd]en{_WS}(?={_ADJ}))?(?P<quant>(?:{_QUANT}{_WS}){{0,2}})(?P<owner>{_OWNER})?"
    rf"(?P<adj>{_ADJ}{_WS})?(?P<coord>{_COORD}|{_LOOSE})?(?P<title>{_TITLE_WORD})"
)

_EXTRA_SUFFIX = (
    "(?:gruppen|ledningen|förvaltningen|nämnden|styrelsen|kontoret|organisationen|enheten"
    "|avdelningen|staben|kommunen)"
)

_RN = re.compile(  # title Name: "stadsdirektör Lena Dahlstedt", "direktören för X, Malin W"
    rf"{_B}{_ROLE}(?P<compl>{_WS}för(?:{_WS}[{_LO}]++){{1,4}}?)?(?P<comma>{_H}*+,)?{_WS}"
    rf"(?P<name>{_NAME})"
)
_NR = re.compile(  # Name title: "Anna Svensson, ekonomichef", "Mats Bohman administrativ direktör"
    rf"(?P<name>{_NAME})(?P<sep>{_H}*+,{_WS}|{_H}*+\({_H}*+|{_WS}){_ROLE}(?P<paren>{_H}*+\))?"
)
_N = re.compile(rf"(?P<name>{_NAME})")
# "Tekniska nämnden", "Sociala förvaltningen": an adjective before the body's own word
_ADJECTIVE_BODY = (
    rf"[{_UP}][{_LO}]+[ae]{_H}++(?:nämnden|styrelsen|förvaltningen|kontoret|enheten"
    rf"|avdelningen|staben|rådet|utskottet){_E}"
)
_BODY = re.compile(
    rf"{_B}(?P<body>{_ADJECTIVE_BODY}|(?:{_COORD})?{_BODY_WORD}"
    rf"|[{_UP}]{{2,4}}{_E}(?!{_H}++[{_UP}]{{2}}))"
)
_R = re.compile(  # nameless role: "respektive stödprocessdirektör", "extern konsult"
    rf"{_B}{_ROLE}(?P<extra>{_WS}(?:i|inom){_WS}[{_LO}]{{1,30}}?{_EXTRA_SUFFIX}{_E})?"
)

_TITLE_FULL = re.compile(_TITLE_WORD)
_BODY_FULL = re.compile(_BODY_WORD)
_STOP_TOKENS = _words(  # capitalised words that are never part of a name
    "Januari Februari Mars April Maj Juni Juli Augusti September Oktober November December "
    "Måndag Tisdag Onsdag Torsdag Fredag Lördag Söndag Våren Hösten Sommaren Vintern "
    "Ansvar Ansvarig Ansvariga Ansvaret Huvudansvarig Stöd Stödjande Medverkande Samverkan "
    "Det Den De Dem En Ett Detta Denna Dessa Där Här Då Under Från För Till Med Och Att Är Som "
    "Inom Vid Efter Enligt Genom Mellan Hos Av På Om Inte Även Också Samt Eller Men Dessutom "
    "Alla Respektive Samtliga Övriga Berörda Varje Nya Ny Nytt Arbetet Uppdraget Tjänsten "
    "Klart Klar Åtgärd Åtgärder Genomfört Pågår Bilaga Kommun Kommunen Stad Staden Region "
    "Regionen Nacka Stockholm Sverige Smart Kontaktcenter Kvalitetskompassen Vatten Energi "
    "Avfall Bostäder Fastigheter Stadshus Stadshuset Nämnd Nämnden Förvaltningen Enheten"
)

_SEP = re.compile(
    rf"(?:{_H}*+(?:[,;&/+]){_WS}?(?:(?:och|samt){_WS})?"
    rf"|{_WS}(?:och|samt|eller|tillsammans{_WS}med){_WS})"
)
_ADVERBS = re.compile(
    rf"(?:(?:också|även|fortsatt|gemensamt|främst|ytterst|huvudsakligen|i{_WS}första{_WS}hand)"
    rf"{_WS})?"
)


# --- parts -----------------------------------------------------------------------------------


@dataclass
class _Part:
    start: int
    end: int
    name: str | None
    role: str | None
    plural: bool = False  # a plural title in apposition to names: "direktörerna X, Y"
    body: bool = False


def _squash(text: str) -> str:
    return " ".join(text.split())


def _lower_first(text: str) -> str:
    if len(text) > 1 and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _adjective_base(adj: str) -> str:
    low = adj.lower()
    for base in _ADJ_BASES:
        if low.startswith(base) and low[len(base) :] in ("a", "e", "t"):
            return adj[: len(base)]
    return adj


def _role_text(m: re.Match[str], named: bool, tail: str = "") -> tuple[str, bool]:
    """The title as written, in the indefinite form; (text, plural)."""
    title = m["title"]
    head = _HEAD_END.search(title)
    if head is None:  # pragma: no cover - the title pattern ends with a head
        return _lower_first(_squash(m.group())), False
    singular, plural_form, plural, definite = _HEAD_FORMS[head.group().lower()]
    raw_head = head.group()
    if named:
        new_head = singular
    elif definite:
        new_head = plural_form if plural else singular
    else:
        new_head = raw_head.lower()
    if raw_head[0].isupper():
        new_head = new_head[0].upper() + new_head[1:]
    parts = [_squash(m["quant"] or ""), _squash(m["owner"] or "")]
    adj = _squash(m["adj"] or "")
    if adj and (named or (definite and not plural)):
        adj = _adjective_base(adj)
    parts.append(adj)
    coord = _squash(m["coord"] or "")
    parts.append((coord + " " if coord else "") + title[: head.start()] + new_head)
    parts.append(_squash(tail))
    return _lower_first(" ".join(p for p in parts if p)), plural


def _name_end(text: str, m: re.Match[str]) -> int | None:
    """End of the valid part of the name in group `name`, or None if fewer than two tokens."""
    start = m.start("name")
    count = 0
    end = None
    for token in re.finditer(r"\S+", text[start : m.end("name")]):
        word = token.group()
        if word in _PARTICLES or (len(word) == 2 and word[1] == "."):
            continue
        if word in _STOP_TOKENS or _TITLE_FULL.fullmatch(word) or _BODY_FULL.fullmatch(word):
            break
        count += 1
        end = start + token.end()
    if count < 2:
        return None
    return end


def _name_text(text: str, start: int, end: int) -> str:
    return _squash(text[start:end])


def _mention(text: str, pos: int, end: int) -> _Part | None:
    """The part (person, role or body) starting exactly at `pos`."""
    m = _RN.match(text, pos, end)
    if m and not m["quant"]:
        name_end = _name_end(text, m)
        head = _HEAD_END.search(m["title"])
        definite = head is not None and _HEAD_FORMS[head.group().lower()][3]
        if name_end is not None and (not m["comma"] or definite or m["compl"]):
            compl = m["compl"] or ""
            role, plural = _role_text(m, named=True, tail=compl)
            return _Part(
                pos, name_end, _name_text(text, m.start("name"), name_end), role, plural=plural
            )
    m = _NR.match(text, pos, end)
    if m and not m["quant"] and (("(" in m["sep"]) == bool(m["paren"])):
        name_end = _name_end(text, m)
        following = _N.match(text, _skip_ws(text, m.end(), end), end)
        if name_end == m.end("name") and not (following and _name_end(text, following)):
            role, _ = _role_text(m, named=True)
            return _Part(pos, m.end(), _name_text(text, pos, name_end), role)
    m = _N.match(text, pos, end)
    if m:
        name_end = _name_end(text, m)
        if name_end is not None:
            return _Part(pos, name_end, _name_text(text, pos, name_end), None)
    m = _BODY.match(text, pos, end)
    if m:
        return _Part(pos, m.end(), None, _squash(m["body"]), body=True)
    m = _QUANTIFIED_BODY.match(text, pos, end)
    if m:
        return _Part(pos, m.end(), None, _lower_first(_squash(m["role"])))
    m = _R.match(text, pos, end)
    if m:
        extra = m["extra"] or ""
        role, plural = _role_text(m, named=False)
        if extra and (m["quant"] or plural):
            role = f"{role} {_squash(extra)}"
            return _Part(pos, m.end(), None, role)
        return _Part(pos, m.end("title"), None, role)
    return None


def _skip_ws(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in _HS + "\n":
        pos += 1
    return pos


def _parse_list(text: str, pos: int, end: int) -> list[_Part]:
    """Parts joined by commas, "och", "samt" from `pos` on."""
    return _read_list(text, pos, end)[0]


def _read_list(text: str, pos: int, end: int) -> tuple[list[_Part], int]:
    """Parts joined by commas, "och", "samt" from `pos` on, and where the last one ends."""
    parts: list[_Part] = []
    shared_role: str | None = None
    sep = ""
    last_end = pos
    while pos < end:
        part = _mention(text, pos, end)
        if part is None:
            break
        last_end = part.end
        if part.body and parts and not parts[-1].body and sep.strip() == ",":
            # "Anna Svensson, ekonomiavdelningen", "förvaltningschef, socialförvaltningen":
            # the unit of the person or title before, not another party
            pass
        else:
            if part.name and part.plural:
                shared_role = part.role
            elif part.name and part.role is None and shared_role:
                part.role = shared_role
            parts.append(part)
        s = _SEP.match(text, part.end, end)
        if s is None:
            break
        sep = s.group()
        pos = s.end()
    return parts, last_end


# --- sentences -------------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(
    rf"\n{_H}*\n\s*"
    rf"|(?<=[.!?])[\"”'*)\]]*\s+(?=[\"“*(\[]*[{_UP}0-9])"
    rf"|(?<=[.!?:;])[\"”'*)\]]*{_H}*\n\s*"
    rf"|\n(?={_H}*(?:[-•*–—]|\d{{1,2}}[.)]){_H})"
)
_ABBREVIATIONS = _words(
    "t.ex bl.a ev resp ca nr kap jfr s.k m.m dvs fr.o.m t.o.m st tf t.f p.g.a inkl exkl"
)


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE_BREAK.finditer(text):
        dot = m.start()
        if dot > 0 and text[dot - 1] == "." and not text[m.start() : m.end()].count("\n"):
            word_start = dot - 1
            while word_start > 0 and not text[word_start - 1].isspace():
                word_start -= 1
            word = text[word_start : dot - 1]
            initial = len(word) == 1 and text[word_start].isupper()
            if initial or word.lower() in _ABBREVIATIONS:
                continue  # "Per O. Ek", "t.ex. Nacka"
        starts.append(m.end())
    return starts


class _Sentences:
    def __init__(self, text: str) -> None:
        self.starts = _sentence_starts(text)
        self.length = len(text)

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else self.length
        return self.starts[i], end


_CONJUNCTIONS = frozenset({"och", "samt", "men", "medan", "dock"})
_OPENERS = ',;:(–—-•*|["“'


def _clause_initial(text: str, pos: int, sentence_start: int, line: bool = False) -> bool:
    """Whether `pos` opens a clause: sentence start, after punctuation or a conjunction (or,
    with `line`, at the start of a line)."""
    i = pos
    while i > sentence_start and text[i - 1] in _HS + "\n":
        i -= 1
    if i <= sentence_start or text[i - 1] in _OPENERS:
        return True
    if line and "\n" in text[i:pos]:
        return True
    j = i
    while j > sentence_start and j > i - 8 and text[j - 1].isalpha():
        j -= 1
    return text[j:i].lower() in _CONJUNCTIONS


_CANDIDATE = re.compile(
    rf"(?:[,;:(–—]|{_B}(?:och|samt|men|medan|med|av|till|hos|på|för|är|blir){_E}){_WS}?"
)
_PREPOSITIONS = frozenset({"med", "av", "till", "hos", "på", "för", "är", "blir"})


def _parts_before(text: str, end: int, sentence_start: int, after_preposition: bool) -> list[_Part]:
    """The list of parts that ends exactly at `end` (commas and spaces before it ignored)."""
    stop = end
    while stop > sentence_start and text[stop - 1] in _HS + "\n,":
        stop -= 1
    lo = max(sentence_start, stop - 300)
    starts = [lo] if lo == sentence_start else []
    for m in _CANDIDATE.finditer(text, lo, stop):
        word = m.group().strip(_HS + "\n" + ",;:(–—")
        if word in _PREPOSITIONS and not after_preposition:
            continue
        starts.append(m.end())
    for start in starts:
        start = _skip_ws(text, start, stop)
        while start < stop and text[start] in '-•*–—"“(':
            start = _skip_ws(text, start + 1, stop)
        parts, list_end = _read_list(text, start, stop)
        if parts and list_end == stop:
            return parts
    return []


# --- slots -----------------------------------------------------------------------------------

_RESP_LABEL = (
    rf"[{_L}]{{0,20}}?[Aa]nsvar(?:ig[ae]?|et)?|[Uu]ppdragsägare|[Pp]rocessägare|[Åå]tgärdsägare"
    r"|[Ää]gare"
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
_TRIGGER = re.compile(
    rf"{_B}(?:[Hh]uvud|[Yy]ttersta?{_H}++|[Öö]vergripande{_H}++)?[Aa]nsvarig[ae]?{_E}"
)
_COPULA = re.compile(rf"{_B}(?:är|blir|blev|var){_E}")
_PREDICATE = re.compile(
    rf"{_B}(?:(?:är|blir|blev|var){_WS}(?:(?:också|även|gemensamt|ytterst|fortsatt){_WS})?"
    rf"(?:huvud)?ansvarig[ae]?|ansvarar|ansvarade"
    rf"|har(?:{_H}++[{_L}]++){{0,3}}?{_H}++(?:huvud)?(?:ansvaret{_E}"
    rf"|ansvar(?:et)?{_WS}(?:för{_WS})?att{_E}))"
    rf"{_E}"
)
_SUPPORT_DUTY = re.compile(rf"(?:{_WS}för)?(?:{_WS}att)?{_WS}(?:stödja|stödjer|stötta|bistå){_E}")
_AS_RESPONSIBLE = re.compile(rf"{_B}som{_WS}(?:huvud)?ansvarig[ae]?{_E}")
_SUPPORT_VERB = re.compile(rf"{_B}(?:stödjer|stöder|stödja|stöttar|bistår){_E}")
_SUPPORT_PHRASE = re.compile(
    rf"{_B}(?:[Mm]ed{_WS}(?:stöd|hjälp){_WS}(?:av|från)"
    rf"|[Ii]{_WS}(?:nära{_WS})?(?:samspel|samverkan|samarbete){_WS}med"
    rf"|stöds{_WS}av|stöttas{_WS}av|biträdd?{_WS}av){_E}"
)
_RESPONSIBLE_PHRASE = re.compile(
    rf"{_B}(?:(?:[Ss]amordnas|[Ll]eds|[Dd]rivs|[Hh]ålls{_WS}ihop){_WS}av"
    rf"|[Hh]uvudansvaret{_WS}har"
    rf"|[Aa]nsvaret(?:{_WS}för[^.:;\n]{{1,80}}?)?{_WS}(?:har|ligger{_WS}(?:på|hos)|vilar{_WS}på))"
    rf"{_E}"
)
_WITHIN = re.compile(rf"{_B}(?:[Ii]nom{_WS}ramen{_WS}för|[Uu]nder){_E}")
_GENITIVE_RESPONSIBILITY = re.compile(rf"{_H}++ansvar(?:sområde)?{_E}")
_DASH_LINE = re.compile(
    rf"(?m)^{_H}*+(?:[-•*]{_H}++)?[{_UP}][^\n–—]{{0,80}}?{_H}++[–—-]{_H}++"
    rf"(?P<rest>[^\n]{{3,160}}?){_H}*+[.;]?{_H}*+$"
)
_RESPONSIBILITY_WORD = re.compile(rf"(?i){_B}(?:huvud)?ansvar(?:ig[ae]?|et)?{_E}")
_KEYWORDS = re.compile(
    r"(?i)ansvar|stöd|stött|samspel|samverkan|samarbete|hjälp|samordnas|leds|drivs|hålls"
    r"|ägare|medverk|deltagande|involverade|bistå|biträd"
)


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
            _items_from_list(_parse_list(text, pos, min(line_end, sentence_end)), kind, out)
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


def _trigger_slots(text: str, sentences: _Sentences, out: list) -> None:
    for m in _TRIGGER.finditer(text):
        sentence_start, sentence_end = sentences.bounds(m.start())
        if not _clause_initial(text, m.start(), sentence_start):
            continue
        copula = _COPULA.search(text, m.end(), min(sentence_end, m.end() + 300))
        if copula is None or ":" in text[m.end() : copula.start()]:
            continue
        pos = _skip_ws(text, copula.end(), sentence_end)
        pos = _ADVERBS.match(text, pos, sentence_end).end()
        _items_from_list(_parse_list(text, pos, sentence_end), RESPONSIBLE, out)


def _predicate_slots(text: str, sentences: _Sentences, out: list) -> None:
    for m in _PREDICATE.finditer(text):
        sentence_start, sentence_end = sentences.bounds(m.start())
        parts = _parts_before(text, m.start(), sentence_start, after_preposition=False)
        if not parts or not _clause_initial(text, parts[0].start, sentence_start):
            continue
        duty = _SUPPORT_DUTY.match(text, m.end(), sentence_end)
        _items_from_list(parts, _DUTY if duty else RESPONSIBLE, out)


def _as_responsible_slots(text: str, sentences: _Sentences, out: list) -> None:
    for m in _AS_RESPONSIBLE.finditer(text):
        sentence_start, _ = sentences.bounds(m.start())
        parts = _parts_before(text, m.start(), sentence_start, after_preposition=True)
        if not parts:
            continue
        supports = _SUPPORT_VERB.search(text, sentence_start, parts[0].start)
        _items_from_list(parts, SUPPORTING if supports else RESPONSIBLE, out)


def _phrase_slots(text: str, sentences: _Sentences, out: list) -> None:
    for regex, kind in ((_SUPPORT_PHRASE, SUPPORTING), (_RESPONSIBLE_PHRASE, RESPONSIBLE)):
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


# --- entry point -----------------------------------------------------------------------------


def find_parties(text: str) -> list[Party]:
    """Who is responsible for, and who supports, the action described in `text`.

    In order of first appearance; a name (or a nameless role) appears once, with the first
    title found for it (or a later one if the first mention had none), and as responsible if
    it is named both responsible and supporting.
    """
    if not text or _KEYWORDS.search(text) is None:
        return []
    sentences = _Sentences(text)
    items: list[tuple[int, str | None, str | None, str]] = []
    _label_slots(text, sentences, items)
    _trigger_slots(text, sentences, items)
    _predicate_slots(text, sentences, items)
    _as_responsible_slots(text, sentences, items)
    _phrase_slots(text, sentences, items)
    _genitive_slots(text, sentences, items)
    _dash_lines(text, items)
    items.sort(key=lambda item: item[0])

    has_responsible = any(kind == RESPONSIBLE for *_, kind in items)
    merged: dict[tuple[str, str], list] = {}
    for _, name, role, kind in items:
        if kind == _DUTY:
            kind = SUPPORTING if has_responsible else RESPONSIBLE
        if name is None and role is None:  # pragma: no cover - parts have one or the other
            continue
        key = ("name", name) if name else ("role", (role or "").casefold())
        entry = merged.get(key)
        if entry is None:
            merged[key] = [name, role, kind]
            continue
        if entry[1] is None and role is not None:
            entry[1] = role
        if kind == RESPONSIBLE:
            entry[2] = RESPONSIBLE
    return [Party(name, role, kind) for name, role, kind in merged.values()]
