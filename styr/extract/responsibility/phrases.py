"""Party phrases: a noun phrase that names a body, a unit, a post or a person, as written.

`party_phrase(text, start, end)` says whether text[start:end] is such a phrase and returns its
parts: "Trosa kommun", "En särskild utredare", "kommunens nämnder", "Havs- och
vattenmyndigheten", "Webbplats/-tjänsteägare eller -förvaltare", "kommunstyrelsen och de andra
nämnderna" (two parts), "Nämnder och styrelser" (one: two bare plurals read as one group).

A phrase is a party when its last word is a party head -- a body or unit (``nämnden``,
``styrelsen``, ``förvaltningen``, ``kommun``, ``staden``, ``regionen``, ``myndigheten``,
``kontoret``, ``Skolinspektionen`` …), a post (``utredaren``, ``rektor``, any title the mention
grammar knows, ``-ägare``, ``-förvaltare``) -- a committee abbreviation (``KS``, ``BUN``) or a
company's legal form (``Mittvatten AB``), and every word before it is a determiner, an
adjective, a genitive, a capitalised name word, a compound's first half (``Barn-``) or a
conjunction joining another such phrase.
Pronouns and abstract nouns ("Arbetet", "Planen", "Det") are never parties.
"""

from __future__ import annotations

import re
from functools import lru_cache

from styr.extract.responsibility.patterns import _HEAD_FORMS, _words

# Heads of bodies and units, by the end of the word, in any number and definiteness:
# "stem:ending,ending" ("nämnd:,en" is nämnd and nämnden).
_BODY_HEADS = (
    "nämnd:,en,er,erna styrelse:,n,r,rna förvaltning:,en,ar,arna kommun:,en,er,erna stad:,en "
    "region:,en,er,erna fullmäktige: utskott:,et,en kontor:,et,en avdelning:,en,ar,arna "
    "enhet:,en,er,erna stab:,en råd:,et myndighet:,en,er,erna verket: inspektion:,en "
    "bolag:,et,en huvudman:,nen huvudmän:,nen regering:,en departement:,et sekretariat:,et "
    "ledning:,en grupp:en,er,erna kommitté:,n,er,erna beredning:,en,ar,arna utredningen: "
    "skola:,n skolor:,na polisen: akademi:,n universitet:,et länsstyrelse:,n,r,rna "
    "direktion:,en koncern:,en ägare:,n,na förvaltare:,n,na utredare:,n,na tjänstemän:,nen "
    "tjänsteman:,nen socialtjänst:,en räddningstjänst:,en elevhälsa:,n omsorg:en,erna "
    "hemtjänst:en"
)
_HEADS = frozenset(
    {
        stem + ending
        for entry in _BODY_HEADS.split()
        for stem, endings in [entry.split(":")]
        for ending in endings.split(",")
    }
    | {form.lower() for form in _HEAD_FORMS}
)
_LONGEST_HEAD = max(len(head) for head in _HEADS)
# "KS", "BUN", "SBN", "KSAU": committee abbreviations end in N(ämnd), S(tyrelse), F(ullmäktige)
_COMMITTEE = re.compile(r"\(?[A-ZÅÄÖ]{1,4}(?:N|S|F|AU|au)\)?")
# words that may stand before the head in a party phrase
_DETERMINERS = _words(
    "en ett den det de denna detta dessa alla samtliga respektive resp. varje berörd berörda "
    "övriga andra annan nya ny nytt egen egna särskild särskilda ansvarig ansvariga vår våra "
    "hela båda"
)
_NOT_PARTY = _words(  # capitalised words that open a clause but are never part of a party
    "Det Den De Detta Denna Dessa Där Här Då Nu Under Från För Till Med Och Att Som Inom Vid "
    "Efter Enligt Genom Mellan Hos Av På Om Inte Även Också Samt Eller Men Dessutom Arbetet "
    "Uppdraget Planen Syftet Målet Beslutet Förslaget Åtgärden Åtgärderna Ärendet Utredningen "
    "Rapporten Programmet Projektet Strategin Insatsen Insatserna Resultatet Budgeten"
)
# "gav i måndags nämnden i uppdrag", "i höstas", "i fjol": past times, no genitives of a party
_PAST_TIMES = _words(
    "måndags tisdags onsdags torsdags fredags lördags söndags våras somras höstas vintras fjol"
)
_ADJECTIVE = re.compile(r"(?i)[a-zåäöé]+(?:a|e|iga|ig|iska|isk|ade|ad|ella|ell|ala|al|s)")
_CONJ = frozenset({"och", "eller", "samt", "&"})
_LINE_OF_ITS_OWN = re.compile(r"[A-ZÅÄÖ][^\W\d_]*[ \t]*\n\s*[A-ZÅÄÖ]")
_TOKEN = re.compile(r"[^\s,]+|,")


@lru_cache(maxsize=8192)
def is_head(word: str) -> bool:
    """Whether `word` can end a party phrase: a compound ending in a head ("Klimatkontoret",
    "-förvaltare", "HR-chefen") or a committee abbreviation."""
    word = word.strip("()\"”“'.:;")
    if not word:
        return False
    if _COMMITTEE.fullmatch(word) or word == "AB":
        return True  # "KS"; a company by its legal form: "Mittvatten AB"
    low = word.lower()
    if low.startswith(_NOT_PARTY_COMPOUNDS):
        return False  # "målgruppen", "referensgruppen" are no one who acts
    return any(low[i:] in _HEADS for i in range(max(0, len(low) - _LONGEST_HEAD), len(low)))


_NOT_PARTY_COMPOUNDS = ("målgrupp", "referensgrupp", "åldersgrupp", "riskgrupp")


def is_committee(word: str) -> bool:
    """Whether `word` has the shape of a committee abbreviation: "KS", "BUN", "KSAU"."""
    return _COMMITTEE.fullmatch(word) is not None


def _definite(word: str) -> bool:
    return bool(re.search(r"(?:en|et|na|n|fullmäktige)$", word.lower()))


def _modifier(word: str) -> bool:
    if word.lower() in _DETERMINERS or word.endswith("-"):  # "Barn-", "Havs-": a first half
        return True
    if word in _NOT_PARTY or word.lower() in _PAST_TIMES:
        return False
    if word[0].isupper():  # "Trosa", "Tekniska"
        return word.isalpha()
    return _ADJECTIVE.fullmatch(word) is not None  # "särskilda", "kommunens"


def party_phrase(text: str, start: int, end: int) -> list[tuple[int, str]] | None:
    """The parts of the party phrase text[start:end] as (offset, text as written), or None."""
    if _LINE_OF_ITS_OWN.search(text, start, end):
        return None  # "Sammanfattning\nEn särskild utredare": a heading, then the phrase
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    if not tokens or len(tokens) > 12:
        return None
    conjuncts: list[list[tuple[int, str]]] = [[]]
    joiners: list[str] = []
    for pos, word in tokens:
        if (
            (word in _CONJ or word == ",")
            and conjuncts[-1]
            and not conjuncts[-1][-1][1].endswith("-")
        ):
            conjuncts.append([])
            joiners.append(word)
        else:
            conjuncts[-1].append((pos, word))
    parts: list[tuple[int, str]] = []
    for index, words in enumerate(conjuncts):
        if not words:
            return None
        joined_bare = index > 0 and (words[0][1].startswith("-") or _bare_pair(conjuncts, index))
        if not _valid(words, loose=joined_bare):
            return None
        phrase_start, phrase_end = words[0][0], words[-1][0] + len(words[-1][1])
        if joined_bare and parts:
            # "Webbplats/-tjänsteägare eller -förvaltare", "Nämnder och styrelser": one group
            previous_start = parts[-1][0]
            parts[-1] = (previous_start, _squash(text[previous_start:phrase_end]))
        else:
            parts.append((phrase_start, _squash(text[phrase_start:phrase_end])))
    return [(pos, phrase.strip("()")) for pos, phrase in parts]


def _bare_pair(conjuncts: list[list[tuple[int, str]]], index: int) -> bool:
    """Two one-word indefinite conjuncts: "Nämnder och styrelser" name one group."""
    before, after = conjuncts[index - 1], conjuncts[index]
    return (
        len(before) == 1
        and len(after) == 1
        and not _definite(before[0][1])
        and not _definite(after[0][1])
    )


def _valid(words: list[tuple[int, str]], loose: bool = False) -> bool:
    """Modifiers, then a head; a head may be followed by up to two name words ("Region
    Norrbotten")."""
    texts = [word for _, word in words]
    if (
        len(texts) > 2
        and texts[-2] in ("i", "inom")
        and (is_head(texts[-1]) or texts[-1].istitle())
    ):
        texts = texts[:-2]  # "Allmänna utskottet i kommunen", "Kommunstyrelsen i Nacka"
    elif (
        len(texts) > 2
        and texts[-2] in ("på", "vid")
        and is_head(texts[-3])
        and (is_head(texts[-1]) or texts[-1].istitle())
    ):
        texts = texts[:-2]  # a post at its unit: "Rektor på Lindskolan", "chefen vid staben"
    last = len(texts) - 1
    head_at = last
    while head_at >= 0 and not is_head(texts[head_at]) and head_at >= last - 2:
        head_at -= 1
    if head_at < 0 or not is_head(texts[head_at]):
        if not loose:
            return False
        head_at = last
    if texts[head_at] in _NOT_PARTY or texts[head_at].lower() in _DETERMINERS:
        return False
    if any(not (w[0].isupper() and w.isalpha()) or w in _NOT_PARTY for w in texts[head_at + 1 :]):
        return False
    return all(
        _modifier(word) or (word in (",", "och", "eller") and texts[i - 1].endswith("-"))
        for i, word in enumerate(texts[:head_at])
    )


def _squash(text: str) -> str:
    return " ".join(text.split())
