"""Committee abbreviations a document defines: "Barn- och utbildningsnämnden (BUN)".

A document that writes a body's full name followed by its abbreviation in brackets defines the
abbreviation for the rest of the text; later "(BUN)" or "BUN ska …" then means that body.
Abbreviations a document does not define ("KS") are kept as written by the caller.

Two forms are read:

* ``Full Name (ABBR)`` where the full name's words give the abbreviation's letters
  (``Kommunstyrelsen (KS)``, ``Barn- och utbildningsnämnden (BUN)``, ``Samhällsbyggnads-
  nämnden (SBN)``, ``Miljö- och hälsoskyddsnämnden (MHN)``), or the name ends in a body word
  (``nämnden``, ``styrelsen``, ``förvaltningen`` …) and the abbreviation's first letter is the
  name's;
* ``ABBR = Full Name``, ``ABBR – Full Name``, ``ABBR: Full Name`` on a line of its own (a list
  of abbreviations), and ``ABBR = full name`` anywhere ("KS = kommunstyrelsen, BUN = …"),
  when the name fits the abbreviation.
"""

from __future__ import annotations

import re

from styr.extract.anchored import matches_after
from styr.extract.caching import per_document

_UP = "A-ZÅÄÖ"
_LO = "a-zåäöéü"
_ABBR = rf"[{_UP}][{_UP}{_LO}]{{0,2}}[{_UP}][{_UP}{_LO}]{{0,4}}"  # KS, BUN, SBN, KSAU, MHN, KSau
_BODY_END = (
    r"(?:nämnden|nämnd|styrelsen|styrelse|förvaltningen|fullmäktige|utskottet|kontoret|rådet"
    r"|avdelningen|enheten|staben|sekretariatet|bolaget|beredningen|kommittén)"
)
# a capitalised name of up to six words ending right before the bracket; "och" and hyphenated
# first halves ("Barn- och") are part of it
_NAME_WORD = rf"(?:[{_UP}{_LO}][{_LO}]*+-?|och|för|i|med)"
_DEFINED = re.compile(
    rf"(?P<name>(?<![{_LO}])[{_UP}{_LO}][{_LO}]*+-?(?:[ \t]++{_NAME_WORD}){{0,6}}?)[ \t]*+"
    rf"\((?P<abbr>{_ABBR})\)"
)
_LISTED = re.compile(
    rf"(?m)^[ \t]*+(?P<abbr>{_ABBR})[ \t]*+(?:=|–|—|-|:)[ \t]*+"
    rf"(?P<name>[{_UP}][{_LO}]*+-?(?:[ \t]++{_NAME_WORD}){{0,6}})[ \t]*+[.;,]?[ \t]*+$"
)
# "KS = kommunstyrelsen, BUN = barn- och utbildningsnämnden": anywhere in the text
_EQUALS = re.compile(
    rf"(?<![\w-])(?P<abbr>{_ABBR})[ \t]*+=[ \t]*+(?P<name>[{_UP}{_LO}][{_LO}]*+-?"
    rf"(?:[ \t]++{_NAME_WORD}){{0,6}}?)(?=[ \t]*+(?:[,;.)\n]|$))"
)
# Where a listed definition's line starts (after a line break; the text's start is tried
# apart): found in C by the line break, where _LISTED's "^" is tried at every position.
_LISTED_LINE = re.compile(rf"\n(?=[ \t]*+{_ABBR}[ \t]*+(?:=|–|—|-|:))")
# The bracket a _DEFINED match ends with, found in C by its "(".
_BRACKET = re.compile(rf"\({_ABBR}\)")


def _listed(text: str):
    """What `_LISTED.finditer(text)` finds, faster: a match lies on one line, from its start."""
    return matches_after(_LISTED, _LISTED_LINE, text)


def _defined(text: str):
    """What `_DEFINED.finditer(text)` finds, faster.

    A match ends with a bracketed abbreviation and its name lies on the bracket's line without
    a bracket of its own, so each bracket is searched from the end of the last match or its
    line's start, whichever is later, up to its own end; the leftmost match there is the one
    the full scan finds (the one ending at an earlier bracket was found at that bracket).
    """
    end = 0
    for bracket in _BRACKET.finditer(text):
        if bracket.start() < end:
            continue
        line_start = text.rfind("\n", 0, bracket.start()) + 1
        found = _DEFINED.search(text, max(end, line_start), bracket.end())
        if found is not None:
            end = found.end()
            yield found


_WORD_START = re.compile(rf"(?:^|[ \t-])([{_UP}{_LO}])")


def _initials(name: str) -> str:
    """First letters of the words and compound parts: "Barn- och utbildningsnämnden" -> "BOU"."""
    return "".join(m.group(1) for m in _WORD_START.finditer(name)).upper()


def fits(abbr: str, name: str) -> bool:
    """Whether `abbr` abbreviates `name`: its letters are the initials of the name's words, in
    order (the small words may be left out), or its first letter is the name's and the name
    ends in a body word."""
    letters = abbr.upper()
    words = [w for w in _BLANKS.split(name) if w]
    initials = [w[0].upper() for w in words if w.lower() not in ("och", "för", "i", "med")]
    if "".join(initials) == letters:
        return True
    # the last word's compound parts, read only when the initials before it begin `letters`
    head = "".join(initials[:-1])
    parts = _compound_initials(words[-1]) if words and letters.startswith(head) else None
    if parts is not None and head + "".join(parts) == letters:
        return True
    if letters[0] != name[0].upper():
        return False
    return _ENDS_IN_BODY.search(name.lower()) is not None


_BLANKS = re.compile(r"[ \t]+")
_ENDS_IN_BODY = re.compile(rf"{_BODY_END}$")


# Swedish compounds abbreviated part by part: "Kommunstyrelsen" = K + S, "Samhällsbyggnads-
# nämnden" = S + B + N. Parts are found at the start of known second halves.
_SECOND_HALVES = (
    "styrelse",
    "nämnd",
    "förvaltning",
    "fullmäktige",
    "utskott",
    "byggnad",
    "bygg",
    "kontor",
    "råd",
    "utbildning",
    "skydd",
    "hälso",
)


def _compound_initials(word: str) -> list[str]:
    low = word.lower().rstrip("-")
    found = [(0, low[0])] if low else []
    for half in _SECOND_HALVES:
        at = low.find(half, 1)
        while at > 0:
            found.append((at, half[0]))
            at = low.find(half, at + 1)
    return [letter.upper() for _, letter in sorted(set(found))]


def _clean(name: str) -> str:
    """The full name without leading small words ("enligt Kommunstyrelsen" is not a name)."""
    return " ".join(name.split())


def abbreviations(document_text: str) -> dict[str, str]:
    """Abbreviation -> full name, for every abbreviation the document defines.

    The first definition of an abbreviation wins; the full name keeps its spelling.
    """
    found: dict[str, str] = {}
    listed = _listed(document_text)
    equals = _EQUALS.finditer(document_text) if "=" in document_text else ()
    for matches in (listed, equals):
        for m in matches:
            name = _clean(m["name"])
            if fits(m["abbr"], name):  # not "KS: Ta fram en plan", a committee's line
                found.setdefault(m["abbr"], name)
    for m in _defined(document_text):
        abbr = m["abbr"]
        if abbr in found:
            continue
        defined = _defined_name(m)
        if defined is not None:
            found[abbr] = defined
    return found


def _defined_name(m: re.Match[str]) -> str | None:
    """The shortest tail of a _DEFINED match's name that fits its abbreviation: "Ärendet
    gäller Kommunstyrelsen (KS)" defines "Kommunstyrelsen"; None if no tail fits."""
    words = _clean(m["name"]).split(" ")
    for start in range(len(words) - 1, -1, -1):
        name = " ".join(words[start:])
        # in lower case only a body's name: "ger tekniska nämnden (TN) i uppdrag"
        lower_body = name[0].islower() and _ENDS_IN_BODY.search(name) is not None
        if (name[0].isupper() or lower_body) and fits(m["abbr"], name):
            return name
    return None


# what follows a definition that is not the end of its line: "(SBN) får i uppdrag att …"
_GOES_ON = re.compile(r"[ \t]*+[,;]?[ \t]*+\w")


def without_definitions(text: str) -> str:
    """`text` without the brackets that define an abbreviation inside a sentence:
    "Samhällsbyggnadsnämnden (SBN) får i uppdrag" reads as "Samhällsbyggnadsnämnden får i
    uppdrag", so the bracket is not taken for part of the name or for a committee of its own.
    A bracket at a line's end ("… Kommunstyrelsen (KS)") stays: it names the committee."""
    if "(" not in text:
        return text
    return _without_definitions(text)


@per_document
def _without_definitions(text: str) -> str:
    if not any(_GOES_ON.match(text, b.end()) for b in _BRACKET.finditer(text)):
        return text  # the common case: no bracketed abbreviation inside a sentence
    cut = []
    for m in _defined(text):
        if _GOES_ON.match(text, m.end()) and _defined_name(m) is not None:
            cut.append((m.end("name"), m.end()))
    for start, end in reversed(cut):
        text = text[:start] + text[end:]
    return text
