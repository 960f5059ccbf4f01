"""The vocabulary of parties as regular expressions: titles, bodies, names, roles.

Every repetition is bounded or possessive, so matching is linear in the text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

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


def _trie(words: list[str], root: bool = True) -> str:
    """An alternation of `words` as a trie, longest first at every branch, the first letter
    in either case: one test per letter instead of one per word (the heads are many)."""
    ends = "" in words
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    parts = []
    for letter, rests in sorted(branches.items()):
        head = f"[{letter.upper()}{letter}]" if root and letter.isalpha() else re.escape(letter)
        parts.append(head + _trie(rests, root=False))
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if ends else body


_HEAD = "(?:" + _trie(sorted({f.lower() for f in _HEAD_FORMS})) + ")"
_HEAD_END = re.compile(_HEAD + r"\Z")
# a head anywhere: every title contains one, so where none occurs no title can match
_HEAD_ANYWHERE = re.compile(_HEAD)

# The head forms as _HEAD spells them (the first letter in either case), by their last three
# letters, longest first: a title's head found by a lookup or two, not the trie at each letter.
_HEAD_SPELLINGS = {
    spelling: form for form in _HEAD_FORMS for spelling in (form, form[0].upper() + form[1:])
}
_HEADS_BY_END: dict[str, list[tuple[int, str, str]]] = {}
for _spelling, _form in _HEAD_SPELLINGS.items():
    _HEADS_BY_END.setdefault(_spelling[-3:], []).append((len(_spelling), _spelling, _form))
for _heads in _HEADS_BY_END.values():
    _heads.sort(reverse=True)


def head_end(title: str) -> tuple[int, str] | None:
    """What `_HEAD_END.search(title)` finds, faster: (where the head that ends `title` starts,
    its form in lower case), the leftmost (longest) such head, or None."""
    for length, spelling, form in _HEADS_BY_END.get(title[-3:], ()):
        if title.endswith(spelling):
            return len(title) - length, form
    return None


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
_LOOSE_WORD = rf"[{_L}][{_LO}]{{2,20}}+(?<!en)(?<!et)(?<!na){_WS}och{_WS}"
_LOOSE = (  # the word and "och" looked for first: the title and body tests are slow to fail
    rf"(?:(?={_LOOSE_WORD})(?!(?i:{_FUNCTION_WORDS}){_E})(?!{_TITLE_WORD})(?!{_BODY_WORD})"
    rf"{_LOOSE_WORD})"
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
    # One word of at most 44 letters, ending in "s" (or what re.IGNORECASE takes for one) and
    # white space: tested first, as trying every genitive at every letter is slow to fail.
    rf"(?:(?=\S{{1,44}}+(?<=[sSſ])[{_HS}\n])"
    rf"[{_L}]{{0,30}}?(?i:nämndens|nämnds|styrelsens|förvaltningens|förvaltnings|kontorets"
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
# a word _BODY_FULL matches in full ends in one of these
_BODY_ENDS = tuple(_BODY_SUFFIX[3:-1].split("|"))
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


class Scan:
    """A pattern that opens with _B and one of the letters `first`, found faster.

    Python's regular expressions try such a pattern whole at every position of the text; a
    pattern that opens with a character set is searched in C, skipping to where one occurs.
    `starts` is such a set, with _B after the letter: every place the pattern can match, and
    the pattern is then tried only there. Its matches consume at least one character, so
    `finditer` and `search` find what the pattern's own do.
    """

    def __init__(self, pattern: re.Pattern[str], first: str) -> None:
        self.pattern = pattern
        self.starts = re.compile(f"[{first}](?<![\\w-].)")

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        end = pos
        match = self.pattern.match
        for place in self.starts.finditer(text, pos, endpos):
            start = place.start()
            if start >= end:
                found = match(text, start, endpos)
                if found is not None:
                    end = found.end()
                    yield found

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)
