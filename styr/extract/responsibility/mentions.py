"""One mention of a party (a person, a role or a body) and lists of them.

commas, ``och``, ``samt``, ``/`` or ``tillsammans med`` (which continues the list, same kind).
A body right after a person or title and a comma (``Anna Svensson, ekonomiavdelningen``) is
taken as that person's unit and dropped. Not slots: ``i samråd med`` (the memo uses it for
people who are not parties), ``tillsammans med`` outside a list, inverted clauses (``Därför
ansvarar X``), table rows (the segmenter reads columns), names in upper case.

Names keep their spelling; runs of white space inside a name become one space and a genitive
``s`` is dropped only in ``Per Olssons ansvar``. Titles are returned with a lower-case first
letter; a title with a name or an adjective in the indefinite form (``stadsbyggnadsdirektören
Eva Ek`` -> ``stadsbyggnadsdirektör``, ``administrative direktören`` -> ``administrativ
direktör``), a nameless title alone as written (``kommundirektören``: the importer matches it
to its post); a plural title in apposition to a list of names (``direktörerna Helena Meier, Eva
Olin``) gives each of them the singular title (``direktör``). Nameless roles keep their number
(``övriga direktörer``). Bodies keep their spelling (``Socialnämnden``).

All regular expressions are compiled once, every repetition is bounded or possessive, and the
slots are found by keyword, so the cost is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from styr.extract.caching import per_document
from styr.extract.responsibility.patterns import (
    _ADJ_BASES,
    _BODY,
    _BODY_ENDS,
    _BODY_FULL,
    _HEAD_ANYWHERE,
    _HEAD_FORMS,
    _HS,
    _N,
    _NR,
    _PARTICLES,
    _QUANTIFIED_BODY,
    _R,
    _RN,
    _SEP,
    _STOP_TOKENS,
    _TITLE_FULL,
    head_end,
)

# --- parts -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"\S+")


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
    """The title as written; (text, plural). A title before a name, a plural in apposition and
    one with an adjective ("den administrative direktören") take the indefinite singular, the
    form a post has; a nameless title alone keeps its form ("kommundirektören")."""
    title = m["title"]
    head = head_end(title)
    if head is None:  # pragma: no cover - the title pattern ends with a head
        return _lower_first(_squash(m.group())), False
    head_start, form = head
    singular, plural_form, plural, definite = _HEAD_FORMS[form]
    raw_head = title[head_start:]
    if named:
        new_head = singular
    elif definite and (plural or m["adj"]):
        new_head = plural_form if plural else singular
    else:
        new_head = raw_head.lower()  # "kommundirektören" as written: who, not which post
    if raw_head[0].isupper():
        new_head = new_head[0].upper() + new_head[1:]
    parts = [_squash(m["quant"] or ""), _squash(m["owner"] or "")]
    adj = _squash(m["adj"] or "")
    if adj and (named or (definite and not plural)):
        adj = _adjective_base(adj)
    parts.append(adj)
    coord = _squash(m["coord"] or "")
    parts.append((coord + " " if coord else "") + title[:head_start] + new_head)
    parts.append(_squash(tail))
    return _lower_first(" ".join(p for p in parts if p)), plural


def _name_end(text: str, m: re.Match[str]) -> int | None:
    """End of the valid part of the name in group `name`, or None if fewer than two tokens."""
    start = m.start("name")
    count = 0
    end = None
    for token in _TOKEN.finditer(text[start : m.end("name")]):
        word = token.group()
        if word in _PARTICLES or (len(word) == 2 and word[1] == "."):
            continue
        if (
            word in _STOP_TOKENS
            # each pattern needs its ending: a head, a body's word (tested first, cheaply)
            or (head_end(word) is not None and _TITLE_FULL.fullmatch(word))
            or (word.endswith(_BODY_ENDS) and _BODY_FULL.fullmatch(word))
        ):
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
    # What the patterns read: text[pos:end], and before it only whether a word character or a
    # hyphen comes right before `pos` (their word-start test); every other lookbehind lies
    # after characters they have read. A plan repeats its phrases ("ekonomichef Anna
    # Svensson."), so the reading of each piece is remembered for the document -- a short
    # piece only: copying a long one for every mention tried in it would cost its length
    # each time, and keep it in memory.
    if end - pos > _REMEMBERED:
        return _read_mention(text, pos, end)
    after_word = pos > 0 and _WORDISH.match(text, pos - 1) is not None
    found = _mention_in(after_word, text[pos:end])
    if found is None:
        return None
    start, stop, name, role, plural, body = found
    return _Part(pos + start, pos + stop, name, role, plural=plural, body=body)


_WORDISH = re.compile(r"[\w-]")
_REMEMBERED = 400  # characters: a sentence or two


@per_document
def _mention_in(
    after_word: bool, piece: str
) -> tuple[int, int, str | None, str | None, bool, bool] | None:
    """_mention of `piece`, offsets relative to it, the word start test as `after_word` says."""
    text = ("a" if after_word else " ") + piece
    part = _read_mention(text, 1, len(text))
    if part is None:
        return None
    return part.start - 1, part.end - 1, part.name, part.role, part.plural, part.body


# The last search for a title's head: (text, end, from, where the head found starts or None).
_last_head_search: tuple[str, int, int, int | None] = ("", 0, 0, None)


def _head_from(text: str, pos: int, end: int) -> bool:
    """Whether a title's head starts in text[pos:end].

    A list is read mention by mention to the same end; searching to the end each time made a
    long paragraph without a title quadratic (100 kB of "med stöd av": 90 s). A search from
    an earlier position to the same end answers for every later position up to the head it
    found (each position's attempt does not depend on where the search began), or for every
    later position if it found none.
    """
    global _last_head_search
    last_text, last_end, searched_from, found = _last_head_search
    if last_text is text and last_end == end and searched_from <= pos:
        if found is None:
            return False
        if pos <= found:
            return True
    match = _HEAD_ANYWHERE.search(text, pos, end)
    _last_head_search = (text, end, pos, match.start() if match else None)
    return match is not None


def _read_mention(text: str, pos: int, end: int) -> _Part | None:
    # _RN and _R need a title, and a title has a head (_HEAD) before `end`: without one in
    # text[pos:end] neither can match, and both are slow to fail.
    titled = _head_from(text, pos, end)
    m = _RN.match(text, pos, end) if titled else None
    if m and not m["quant"]:
        name_end = _name_end(text, m)
        head = head_end(m["title"])
        definite = head is not None and _HEAD_FORMS[head[1]][3]
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
    m = _R.match(text, pos, end) if titled else None
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
