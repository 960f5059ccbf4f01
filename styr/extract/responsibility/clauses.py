"""Who must act, read from the clause itself: assignments, duties and the subject that does.

Where no label or "ansvarig" slot names a party (see `slots`), the responsible is whoever
the clause makes act, as written:

* the one given an assignment: ``Kommunstyrelsen ger stadsbyggnadsnämnden i uppdrag att …``,
  ``uppdrar åt förvaltningen att``, ``uppmanar nämnderna att``, ``förelägger … Trosa kommun
  att`` (the object); ``Förvaltningen får i uppdrag``, ``En särskild utredare ges i
  uppdrag``, ``Klimatkontoret har av Kommunstyrelsen fått i uppdrag`` (the subject, not the
  commissioner after ``av``); ``På mötet fick nämnderna i uppdrag`` (inverted);
* the subject of a duty: ``Tekniska nämnden ska …``, ``… beslutar att förvaltningen ska …``,
  ``Under 2021 kommer förvaltningen att …`` (inverted), ``Nämnderna har till den 26 april på
  sig``; the agent of a passive clause that does the work: ``Planen tas fram av
  miljöförvaltningen``;
* failing those, the subject of a clause in the present or past tense: ``Staden inventerar
  …``, except a deciding, approving or speaking body (``Kommunstyrelsen beslutar``,
  ``Nämnden godkänner``, ``…, säger …``).

A pronoun in the subject or object (``De``, ``Dessa``, ``Vi``, ``uppmanar dessa att``) is
returned as such, for the caller to resolve from the context. Commissioners (``på uppdrag
av``), recipients (``redovisas till``), supporting parties (``tillsammans med``) and quoted
politicians are never read as subjects.
"""

from __future__ import annotations

import re

from styr.extract.caching import per_document
from styr.extract.responsibility.party import SUPPORTING, Party
from styr.extract.responsibility.patterns import _words
from styr.extract.responsibility.phrases import is_head
from styr.extract.responsibility.sentences import _Sentences
from styr.extract.responsibility.subjects import (
    ADVERB_WORDS,
    CLAUSE_OPENER,
    NAME_LIKE,
    PRONOUN,
    PRONOUNS,
    Parts,
    as_party,
    at_clause_start,
    head_run,
    phrase_at,
    skip_marker,
    subject_at,
    subject_before,
    tail_phrase,
)

# tiers: the strongest tier found wins
ASSIGNED, DUTY_SUBJECT, ACTING_SUBJECT = 1, 2, 3

_W = r"[^\W\d_]"
_GIVE = re.compile(
    r"\b(?:ge|ger|gav|gett|givit|fick|får|gavs|ges|getts|erhåller|erhöll|tilldelas|tilldelades"
    r"|har\s+fått|hade\s+fått|har\s+getts|har|hade)\s+"
)
_GIVING = frozenset({"ge", "ger", "gav", "gett", "givit"})
_ASSIGNMENT = re.compile(
    r"\s*(?:ett\s+(?:(?:nytt|fortsatt|särskilt|tydligt|nytt)\s+)?|i\s+)?uppdrag(?:et)?\b"
)
_ORDER = re.compile(
    r"\b(?:uppdra(?:r|de|git|s)?\s+(?:åt|till)|uppmana(?:r|de|t|s)?|förelägg(?:er|a|s|ande)?"
    r"|anmoda(?:r|de)?|ålägg(?:er|a|s)?|instruera(?:r|de)?)\s+"
)
_ATT = re.compile(r"\s+att\b")
_MODAL = re.compile(
    r"\b(?:ska|skall|(?:kommer|avser|planerar)\s+(?:även\s+|också\s+|dessutom\s+|därefter\s+)?att"
    r"|måste|bör|behöver|ansvarar"
    r"|har\s+(?:\w+\s+){0,5}?på\s+sig|har\s+i\s+uppgift|åtar\s+sig|åtog\s+sig)\b"
)
_INVERTED_MODAL = re.compile(r"\b(?:ska|skall|kommer|måste|bör|behöver|avser|planerar)\s+")
_PASSIVE_AGENT = re.compile(  # "tas fram av", "genomförs av", "tas en plan fram av"
    rf"\b(?:(?P<verb>{_W}{{2,20}}s)(?:\s+(?:fram|upp|in|ut|över|om))?|fram|upp)\s+av\s+"
)
_NOT_WORK = re.compile(  # passive verbs of deciding, of noting, of commissioning: no agent
    r"^(?:beslut|fastställ|ant[ao]|godkän|behandl|remitter|noter|bifall|biföll|avsl|föresl"
    r"|tillstyrk|beställ|initier|begär|finansier|äg|styr|påverk|omfatt|berör|regler|drabb"
    r"|ang|nämn|ses$|kall|använd|uppdr|fatt|tog|välj|valdes|utses|utsågs|fördel|tilldel"
    r"|invig|presenter|besök|uppmärksamm|pris|hyllad|intervju)"
)
_NOT_ACTING = _words(  # verbs whose subject decides, approves, notes or speaks
    "beslutar beslutade beslöt beslutat föreslår föreslog godkänner godkände antar antog "
    "noterar noterade fastställer fastställde konstaterar konstaterade bedömer bedömde anser "
    "ansåg menar yttrar tillstyrker avstyrker avslår avslog bifaller biföll återremitterar "
    "överlämnar hänvisar uppdrar uppdrog ger gav uppmanar uppmanade förelägger säger sa sade "
    "skriver behandlar behandlade remitterar är var blir blev kan kunde får fick finns fanns "
    "förväntas önskar vill ville välkomnar tackar informerar informerade presenterar "
    "presenterade har hade ska skall kommer måste bör behöver"
)
_MAIN_VERB = re.compile(
    r"\s*(?:att\s+)?(?:(?:också|även|fortsatt|därför|nu|sedan|då|inte|ej|gemensamt)\s+)*"
    r"(?P<verb>\w+)(?:\s+(?P<next>\w+))?"
)
_NOT_WORK_VERBS = _words(  # after "ska"/"kommer att": states, changes and decisions, not work
    "bli bliva vara ha få ingå tillhöra upphöra övergå flyttas slås kallas heta "
    "gälla omfatta kunna behöva utgöra besluta godkänna anta fastställa yttra behandla notera"
)
_PERFECT = re.compile(
    r"\b(?:har|hade)\s+(?:(?:under|i|nu|redan|också|även|sedan|tidigare|[\d–-]+|året|hösten"
    r"|våren|perioden|\w+s)\s+){0,4}?(?P<supine>\w{3,}(?:at|it|tt|t))\b"
)
_NOT_DONE = _words(
    "beslutat fått haft varit blivit antagit godkänt fastställt noterat konstaterat föreslagit "
    "tagit gett givit yttrat behandlat remitterat bedömt ansett uppdragit fortsatt"
)
_DECIDES_TO = re.compile(
    r"\b(?:beslutar|beslutade|beslöt|har\s+beslutat|hade\s+beslutat)\s+(?:\w+\s+){0,3}?att\s+"
    r"(?:själva?\s+)?(?P<verb>\w+a)\b(?!\s+(?:ska|skall)\b)"
)
_DECISION_INFINITIVES = _words(
    "ge anta godkänna fastställa notera lägga bevilja avslå återremittera bifalla överlämna "
    "hänskjuta föreslå tillstyrka avstyrka anvisa avsätta utse välja uppdra uppmana begära "
    "remittera avsluta ta tilldela"
)
_QUOTE = re.compile(r"(?s)(?:^|\n)\s*[–—-]\s[^\n]*?\bsäger\b[^\n]*")


def clause_parties(text: str, sentences: _Sentences | None = None) -> tuple[int, Parts]:
    """The strongest tier of clause parties in `text` and its parts (offset, phrase, marker):
    marker is PRONOUN for a pronoun to resolve, else None. (0, []) when none."""
    tier, parts = _clause_parties(text, sentences)
    return tier, list(parts)  # a list of its own for each caller


@per_document  # a text is read for itself and again as the context (lead-in) of others
def _clause_parties(text: str, sentences: _Sentences | None) -> tuple[int, tuple]:
    if not text or not _may_name_a_party(text):
        return 0, ()
    if "säger" in text:
        text = _QUOTE.sub(lambda m: " " * len(m.group()), text)  # quoted politicians speak
        sentences = None
    sentences = sentences or _Sentences(text)
    found: dict[int, Parts] = {}
    for tier, parts in _assigned(text, sentences):
        found.setdefault(tier, []).extend(parts)
    if not found:
        for tier, parts in _duties(text, sentences):
            found.setdefault(tier, []).extend(parts)
    if not found:
        for tier, parts in _acting(text, sentences):
            found.setdefault(tier, []).extend(parts)
    if not found:
        return 0, ()
    tier = min(found)
    return tier, tuple(sorted(set(found[tier])))


def _may_name_a_party(text: str) -> bool:
    """A fast test: whether any word of `text` is a party head or a pronoun subject."""
    if NAME_LIKE.search(text) is not None:
        return True
    words = _WORD.findall(text)
    return not _SUBJECT_PRONOUNS.isdisjoint(words) or any(map(is_head, words))


_WORD = re.compile(r"[^\W\d_][\w-]*")
_SUBJECT_PRONOUNS = frozenset({"Vi", "De", "Dessa", "dessa", "Våra", "Vår", "Vårt"})


def _assigned(text: str, sentences: _Sentences):
    # Each match needs "uppdrag" after it (_ASSIGNMENT): without the word, none is searched.
    for m in _GIVE.finditer(text) if "uppdrag" in text else ():
        sentence_start, sentence_end = sentences.bounds(m.start())
        assignment = _ASSIGNMENT.search(text, m.end(), min(sentence_end, m.end() + 200))
        if assignment is None:
            continue
        between = text[m.end() : assignment.start()]
        verb = m.group().split()[0]
        words = between.split()
        if words and not re.search(r"[.;:]", between) and not {"av", "från"} & set(words):
            # "ge nämnden i uppdrag"; "gav i juni kommunstyrelsen i uppdrag": the object
            # ("har av Kommunstyrelsen fått i uppdrag" names the commissioner instead)
            parts = phrase_at(text, m.end(), assignment.start())
            if parts is None and verb in _GIVING:
                parts = tail_phrase(text, m.end(), assignment.start())
            if parts:
                yield ASSIGNED, parts
                continue
        if any(word.lower() not in ADVERB_WORDS for word in between.split()):
            continue  # "har fortsatt huvudansvar för … med uppdrag att": not given one
        if verb in ("får", "fick", "gavs", "ges", "getts", "har", "hade", "erhåller", "erhöll"):
            subject = subject_before(text, sentence_start, m.start())
            if subject:
                yield ASSIGNED, subject
    for m in _GIVEN_TO.finditer(text) if "ppdrag" in text else ():
        _, sentence_end = sentences.bounds(m.start())
        parts, _ = head_run(text, m.end(), sentence_end)
        if parts and parts[0][2] != PRONOUN:
            yield ASSIGNED, parts
    for m in _PRECEDED_BY_COMMISSIONER.finditer(text) if "fått" in text else ():
        sentence_start, _ = sentences.bounds(m.start())
        subject = subject_before(text, sentence_start, m.start())
        if subject:
            yield ASSIGNED, subject
    for m in _ORDERED_SUBJECT.finditer(text) if "s att" in text else ():
        sentence_start, _ = sentences.bounds(m.start())
        subject = subject_before(text, sentence_start, m.start())
        if subject:
            yield ASSIGNED, subject
    low = text.lower()
    orders = any(key in low for key in ("uppdra", "uppman", "föreläg", "anmoda", "ålägg", "instru"))
    for m in _ORDER.finditer(text) if orders else ():
        _, sentence_end = sentences.bounds(m.start())
        att = _ATT.search(text, m.end(), min(sentence_end, m.end() + 200))
        if att is None:
            continue
        parts = tail_phrase(text, m.end(), att.start())
        if parts:
            yield ASSIGNED, parts


# "Uppdraget ges till kultur- och fritidsförvaltningen": the one the assignment goes to
_GIVEN_TO = re.compile(
    r"\b[Uu]ppdrag(?:et)?\s+(?:ges|gavs|lämnas|lämnades|går|gick)\s+(?:\w+\s+)?(?:till|åt)\s+"
)
# "Barn- och utbildningsnämnden uppdras att återkomma": the subject of the passive order
_ORDERED_SUBJECT = re.compile(r"\b(?:uppdras|uppmanas|åläggs|anmodas|föreläggs)\s+att\b")
# "Klimatkontoret har av Kommunstyrelsen fått i uppdrag": the subject, never the commissioner
_PRECEDED_BY_COMMISSIONER = re.compile(
    r"\b(?:har|hade)\s+(?:\w+\s+)?(?:av|från)\s+[^.;:\n]{1,80}?\s+fått\s+(?:ett\s+|i\s+)?uppdrag"
)


def _is_work(text: str, pos: int, end: int) -> bool:
    """Whether the verb at `pos` (after an optional "att" and adverbs) is work to be done, not
    a state or a change that happens by itself ("byta namn", "ha en direktör", "bli")."""
    m = _MAIN_VERB.match(text, pos, end)
    if m is None:
        return True
    verb, following = m["verb"].lower(), (m["next"] or "").lower()
    if verb.endswith("as") and verb not in _DEPONENTS:
        return False  # "Dessa ska redovisas": the subject is what is done, not who does it
    if verb in _SUPPORTING_VERBS:
        return False  # "Tekniska nämnden ska bistå": a supporting party, not the one to act
    return verb not in _NOT_WORK_VERBS and (verb, following) not in _NOT_WORK_PHRASES


_NOT_WORK_PHRASES = {("byta", "namn"), ("byter", "namn"), ("ta", "ställning"), ("fatta", "beslut")}


_SUPPORTING_VERBS = _words(
    "bistå bistår stödja stöder stödjer stötta stöttar medverka medverkar delta deltar"
)
_DEPONENTS = _words("hoppas lyckas minnas andas trivas samarbetas brottas")


def _duties(text: str, sentences: _Sentences):
    for m in _MODAL.finditer(text):
        sentence_start, sentence_end = sentences.bounds(m.start())
        subject = subject_before(text, sentence_start, m.start())
        if subject and _is_work(text, m.end(), sentence_end):
            yield DUTY_SUBJECT, subject
    for m in _INVERTED_MODAL.finditer(text):
        sentence_start, sentence_end = sentences.bounds(m.start())
        if at_clause_start(text, sentence_start, m.start()) or subject_before(
            text, sentence_start, m.start()
        ):
            continue  # a list item, or a subject before the verb: no inversion
        parts, after = head_run(text, m.end(), sentence_end)
        if parts and parts[0][2] != PRONOUN and _is_work(text, after, sentence_end):
            yield DUTY_SUBJECT, parts
    yield from _self_assigned(text, sentences)
    for m in _PASSIVE_AGENT.finditer(text) if " av" in text else ():
        if (m["verb"] and _NOT_WORK.search(m["verb"])) or re.search(r"uppdrag\s+av\s*$", m.group()):
            continue
        _, sentence_end = sentences.bounds(m.start())
        parts, _ = head_run(text, m.end(), sentence_end)
        if not parts or parts[0][2] == PRONOUN:
            continue
        if isinstance(parts[0][2], Party) and not _WORK_DONE_BY.search(m.group()):
            continue  # "Tjänsten innehas av Anna Berg": a person named, no work done
        yield DUTY_SUBJECT, parts


# passive verbs whose agent is a person doing the work: "tas fram av Anna Berg"
_WORK_DONE_BY = re.compile(
    r"(?:tas|togs)\s+fram|genomför|utför|görs|gjordes|sammanställ|utreds|samordna|leds|drivs"
    r"|ansvaras"
)


def _acting(text: str, sentences: _Sentences):
    for start in sentences.starts:
        opening = text[start : start + 120]
        words = opening.split()[:12]
        if not any(is_head(w) or w.lower() in PRONOUNS for w in words) and not NAME_LIKE.search(
            opening
        ):
            continue  # no party can open this sentence
        parts, verb = subject_at(text, skip_marker(text, start))
        if not parts or verb is None:  # both or neither
            continue
        if verb.endswith("s") and verb not in _DEPONENTS:
            continue  # "Den nya skolan invigdes": the subject of a passive does nothing
        if verb not in _NOT_ACTING:
            yield ACTING_SUBJECT, parts
        elif verb in ("har", "hade") and _has_done(text, start):
            yield ACTING_SUBJECT, parts  # "Tekniska förvaltningen har under året bytt ut …"


def _has_done(text: str, start: int) -> bool:
    """Whether the clause at `start` is in the perfect tense of work: "har (under året)
    genomfört", not "har beslutat", "har fått", "har som ambition"."""
    m = _PERFECT.search(text, start, min(len(text), start + 160))
    return m is not None and m["supine"].lower() not in _NOT_DONE


def _self_assigned(text: str, sentences: _Sentences):
    """ "Kommunstyrelsen beslutar att införa …": a deciding body that assigns itself."""
    for m in _DECIDES_TO.finditer(text) if "beslut" in text or "beslöt" in text else ():
        if m["verb"].lower() in _DECISION_INFINITIVES or subject_at(text, m.start("verb"))[0]:
            continue  # "beslutar att tekniska nämnden ska …": the att-clause has its own subject
        sentence_start, _ = sentences.bounds(m.start())
        subject = subject_before(text, sentence_start, m.start())
        if subject and subject[0][2] is None:
            yield DUTY_SUBJECT, subject


def lead_in_parties(text: str) -> Parts:
    """The party a list's lead-in names as acting, whatever its verb: "Löftena som Tanums
    kommun har antagit är:", "Munkedals kommun har antagit följande:", "Utredaren ska bl.a."."""
    tier, parts = clause_parties(text)
    if parts:
        return parts
    found = []
    for opener in CLAUSE_OPENER.finditer(text):
        opened, verb = subject_at(text, opener.end())
        if opened and opened[0][2] != PRONOUN:
            found.append((verb in _NOT_ACTING, opened))
    # "Skolinspektionen konstaterar att Ekby kommun inte uppfyller …:": the one who must act
    # before the one who states; "Ekby kommun har antagit följande:" when there is no other
    return min(found, key=lambda entry: entry[0])[1] if found else []


# "X ska tillsammans med Y ta fram …": Y supports the one who acts
_TOGETHER_WITH = re.compile(r"\btillsammans\s+med\s+")


def supporting_parties(text: str) -> list[Party]:
    """The parties "tillsammans med" names beside a clause's responsible, as supporting."""
    found: list[Party] = []
    for m in _TOGETHER_WITH.finditer(text) if "tillsammans" in text else ():
        parts, _ = head_run(text, m.end(), min(len(text), m.end() + 200))
        for party in map(as_party, parts):
            if party is not None:
                found.append(Party(party.name, party.role, SUPPORTING))
    return found
