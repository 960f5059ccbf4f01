"""Which sentences of a plan, decision or news text state an action, and which never do.

The annotation rules (what counts as an action) as patterns of Swedish public-sector
language, not of one document:

- an assignment or an order is an action however it is told: "ger X i uppdrag att",
  "fick i uppdrag att", "har i uppdrag att", "uppdras åt", "uppmanar X att", "förelägger X
  att", "har till den 26 april på sig att" (a *strong* cue);
- so is an obligation or a future with a verb of doing ("X ska ta fram", "kommer att
  utredas", "tas fram under 2022") when it names who acts or when it is to be done, or a
  recurring duty ("ska revideras varje ny mandatperiod") (a *moderate* cue); "ska vara",
  "ska bli", "ska finnas" state goals, not actions;
- never actions: approvals and notings, financial targets and budget frames, permissions,
  scope exclusions, priorities and goals, standing responsibilities, scheduled decisions of
  political bodies, forwarding of the decision, quotes, questions and proposals not adopted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from styr.extract.caching import per_document
from styr.extract.folding import fold, has_any
from styr.extract.fronted import inverted_after_purpose
from styr.extract.inverted import inverted_duty_verb
from styr.extract.negatives import is_negative
from styr.extract.progress_reports import reports_progress

if TYPE_CHECKING:  # action imports this module
    from styr.extract.action import Action

STRONG = 0.8
MODERATE = 0.6

_MONTH = (
    r"(?:jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|juni?|juli?|aug(?:usti)?|"
    r"sep(?:t|tember)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_STRONG = re.compile(
    r"\bi\s+uppdrag\s+(?:att|åt)\b|\bfått\s+i\s+uppdrag\b|\buppdras\b|\buppdrar\s+åt\b|"
    r"\b(?:får|fått|fick|ges|gavs|har)\s+(?:ett\s+)?(?:\w+\s+)?uppdrag(?:et)?\s+(?:att\s+)?"
    r"(?:se|ta|utreda|göra|genomföra|återkomma|redovisa)\b|"
    r"\buppman(?:ar|a|ade)\b[^.]{0,80}\batt\b|\bförelägger\b|\bålägger\b|"
    r"\buppdr(?:a|ar|og|agit)\s+åt\b|\buppdraget\b[^.]{0,100}?\bges\s+(?:till\b|åt\b)|"
    r"\bhar\s+(?:nu\s+)?(?:till|fram\s+till)\s+(?:den\s+)?\d[^.]{0,40}\bpå\s+sig\b",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"\b(?:ska|skall|(?:planerar|avser)\s+(?:även\s+|också\s+|därför\s+|nu\s+)?att|kommer\s+(?:(?!behöva|kunna|få\b|vilja|lära|sig\b|oss\b)[a-zåäö]+\s+){0,3}?att|planeras|behöver|måste)\s+"
    r"(?:(?:nu|också|även|därför|därefter|fortsatt|gemensamt|normalt|bl\.\s?a\.|bland annat|"
    r"i\s+första\s+hand|senast\s+\S+(?:\s+\S+){0,2}|skriftligen|snarast|omgående)\s+)*"
    r"(?P<verb>[a-zåäöé]+)",
    re.IGNORECASE,
)
_STATIVE = frozenset(
    [
        "vara",
        "bli",
        "ha",
        "finnas",
        "kunna",
        "få",
        "gälla",
        "innebära",
        "bidra",
        "genomsyra",
        "präglas",
        "kännetecknas",
        "syfta",
        "omfatta",
        "motsvara",
        "uppgå",
        "ligga",
        "upplevas",
        "ses",
        "betraktas",
        "leda",
        "spegla",
        "utgöra",
        "utgå",
        "nå",
        "ske",
        "äga",
        "kosta",
        "rymmas",
        "rymma",
        "väga",
        "stå",
        "känna",
        "märkas",
        "framgå",
        "styra",
        "ansvara",
        "prioritera",
        "verka",
    ]
)
# Doing in the present or passive: "tas fram under 2022", "genomförs hösten 2016".
_DOING = re.compile(
    r"\b(?:genomförs|utvecklas|inrättas|ses\s+över|införs|upprättas|tas\s+fram|tar\s+fram|"
    r"revideras|utreds|byggs|anläggs|påbörjas|slutförs|kostnadsberäknas|"
    r"pågår\s+(?:även\s+|också\s+|nu\s+)?med\s+att)\b",
    re.IGNORECASE,
)
# Who acts: a body, a unit, a post or the pledging "vi".
_AGENT = re.compile(
    r"(?:nämnd(?:en|erna)?|styrelse(?:n|rna)?|förvaltning(?:en|arna)?|kontor(?:et)?|"
    r"enhet(?:en|erna)?|avdelning(?:en)?|utredare(?:n)?|myndighet(?:en)?|kommun(?:en|erna)?|"
    r"region(?:en)?|staden|direktör(?:en|er|erna)?|chef(?:en|er|erna)?|utskott(?:et)?|fullmäktige|"
    r"länsstyrelse(?:n)?|bolag(?:et)?|verket|inspektionen|huvudm(?:annen|an)|sekretariat(?:et)?)"
    r"\b|\b(?:vi|Vi)\b",
    re.IGNORECASE,
)
TIME = re.compile(
    r"\bsenast\b|\btill\s+(?:den\s+)?\d|\b\d{1,2}\s+"
    + _MONTH
    + r"|\b"
    + _MONTH
    + r"(?:\s*[-–]\s*"
    + _MONTH
    + r")?\s+(?:19|20)\d\d|\b(?:under|före|till|inom|inför|i)\s+(?:år\s+)?(?:19|20)\d\d\b|"
    r"\b(?:våren|hösten|sommaren|vintern|kvartal|tertial|halvåret|årsskiftet|"
    r"mandatperiod(?:en)?)\b|\b(?:under|före|inom)\s+året\b|"
    r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b|"
    r"\bvarje\s+(?:år|ny|nytt|mandatperiod|månad|vecka|termin|kvartal|tertial)\b|"
    r"\bårligen\b|\b[Qq][1-4]\b|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b",
    re.IGNORECASE,
)
# Every match of TIME holds a digit or one of these words (lowercase, as `folding` compares):
# a text with neither is not searched. The same holds below for the words before each pattern.
_TIME_WORDS = ("senast", "våren", "hösten", "sommaren", "vintern", "kvartal", "tertial",
               "halvåret", "årsskiftet", "mandatperiod", "varje", "årligen",
               "året")  # fmt: skip
_DIGIT = re.compile(r"\d")


def is_timed(text: str, folded: str | None = None) -> bool:
    """`TIME.search(text)`, without the search where no match can be; `folded` = fold(text)."""
    if _DIGIT.search(text) is None and not has_any(folded or fold(text), _TIME_WORDS):
        return False
    return TIME.search(text) is not None


# A sentence that only gives the time of an earlier assignment: "Uppdraget ska redovisas
# senast den 9 maj 2025", "ska dessa senast den 15 april skickas till kommunstyrelsen".
_ANAPHOR = r"(?:uppdraget|uppdragen|redovisningen|dessa|de|detta)"
COMPLETION = re.compile(
    r"^(?:" + _ANAPHOR + r"\s+(?:ska|skall)\b|.*\b(?:ska|skall)\s+" + _ANAPHOR + r"\b)"
    r"[^.]*\b(?:redovisas|rapporteras|återrapporteras|lämnas|skickas|inlämnade?|"
    r"överlämnas|vara\s+klar[at]?)\b",
    re.IGNORECASE,
)
_COMPLETION_WORDS = ("redovisas", "rapporteras", "lämnas", "skickas", "inlämnad", "vara")
WHOLE_ASSIGNMENT = re.compile(r"^(?:uppdraget|uppdragen|redovisningen)\b", re.IGNORECASE)
# "med genomförande under 2024-2026": the period the actions of a list are to be done in.
PERIOD = re.compile(
    r"\b(?:genomförande|genomförs|genomföras|genomföra)\s+(?:under\s+)?(?:perioden\s+)?"
    r"(?:åren\s+)?(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b",
    re.IGNORECASE,
)
SAME_DAY = re.compile(r"\bsenast\s+samma\s+dag\b", re.IGNORECASE)
# "Uppdraget är genomfört.", "Arbetet pågår enligt plan.": a short sentence of progress.
PROGRESS = re.compile(
    r"^(?:uppdraget|arbetet|åtgärden|aktiviteten|projektet|insatsen)\s+"
    r"(?:är\s+|har\s+)?(?:nu\s+)?(?:delvis\s+)?(?:genomfört|avslutat|klart|slutfört|"
    r"påbörjat|pågår|startat|inlett|försenat|inte\s+påbörjat|ej\s+påbörjat)\b[^.]{0,60}\.?$",
    re.IGNORECASE,
)
# "för att målen ska nås", "hur kommunen ska arbeta", "åtgärder som ska genomföras": a modal
# in a purpose, question or relative clause says what something is for or is, not who acts.
_PURPOSE = re.compile(
    r"\b(?:(?:för|så|om)\s+att\b[^,.]*|(?:som|vilket|vilka|hur|vad|varför|när|där)"
    r"(?:\s+[\w-]+){0,3}\s*)$",
    re.IGNORECASE,
)
# A sentence ends at a stop followed by space and a capital, a digit or an opening quote, or at
# the end of the text; line breaks are allowed inside. (The earlier single pattern,
# \S.*?(?:[.!?](?=…)|[.!?]?\s*$), tried both endings at every character: searching for the
# stop alone finds the same ends several times faster.)
_STOP = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ0-9\"”»–(])")
_NON_SPACE = re.compile(r"\S")
# "bl.a. när", "Dir. 2024:18", "t.ex. den": abbreviations end no sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:bl|t|dvs|m|fl|s|d|resp|ca|kl|nr|Dir|jfr|inkl|exkl|kap|ex|f)\.)$"
)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) offsets of the sentences of text[start:end], line breaks allowed inside."""
    return list(_sentences(text, start, len(text) if end is None else end))


def first_sentence_span(text: str) -> tuple[int, int] | None:
    """`sentences(text)[0]`, or None, without finding the sentences after it."""
    first = _NON_SPACE.search(text)
    if first is None:
        return None
    begin = first.start()
    stop = _STOP.search(text, begin + 1)
    if stop is None:
        return begin, begin + len(text[begin:].rstrip())
    finish = stop.end()
    if text[finish - 1] != "." or not _ABBREVIATION.search(text[max(begin, finish - 6) : finish]):
        return begin, finish  # no abbreviation joins the next sentence to it
    return next(_sentences(text, 0, len(text)), None)


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    current: list[int] | None = None
    position = start
    while (first := _NON_SPACE.search(text, position, end)) is not None:
        begin = first.start()
        stop = _STOP.search(text, begin + 1, end)  # a stop after the sentence's first character
        if stop is not None:
            finish = position = stop.end()
        else:
            finish, position = begin + len(text[begin:end].rstrip()), end
        # An abbreviation is at most five characters ("resp.") after a word boundary: the
        # last six characters of the sentence before decide it, as the whole sentence would.
        if (
            current
            and text[current[1] - 1] == "."  # every abbreviation ends in a full stop
            and _ABBREVIATION.search(text[max(current[0], current[1] - 6) : current[1]])
        ):
            current[1] = finish
        else:
            if current and current[1] > current[0]:
                yield current[0], current[1]  # final: only the last sentence grows
            current = [begin, finish]
    if current and current[1] > current[0]:
        yield current[0], current[1]


# "… fick redan 2020 i uppdrag att ta fram en strategi, vilken antogs i december": an earlier
# assignment told as delivered, in a clause of its own, is history (the annotation rules),
# however strongly it was once worded.
_DELIVERED_BEFORE = re.compile(
    r"[,;]\s*(?:vilken|vilket|vilka|som|och\s+(?:den|det|de|[a-zåäö]+(?:en|et|na)(?=\s)))\s+"
    r"(?:\S+\s+){0,2}?"
    r"(?:redovisades|antogs|genomfördes|levererades|slutfördes|presenterades|"
    r"har\s+(?:\S+\s+)?(?:redovisats|antagits|genomförts|levererats|slutförts))\b",
    re.IGNORECASE,
)


_STRONG_WORDS = ("uppdr", "uppman", "föreläg", "åläg", "sig")
_MODAL_WORDS = ("ska", "planera", "avser", "kommer", "behöver", "måste")


@per_document  # a plan repeats its sentences; each is judged once
def strength(sentence: str) -> float | None:
    """How clearly the sentence states something to be done: STRONG, MODERATE or None."""
    if _DELIVERED_BEFORE.search(sentence):
        return None
    folded = fold(sentence)
    if has_any(folded, _STRONG_WORDS) and _STRONG.search(sentence):
        return STRONG
    if is_negative(sentence):
        return None
    timed = is_timed(sentence, folded)
    modal = has_any(folded, _MODAL_WORDS)
    for match in _MODAL.finditer(sentence) if modal else ():
        verb = match.group("verb").lower()
        before = sentence[: match.start()]
        if inverted_after_purpose(before, match.group("verb")):
            # "För att minska X ska äldreomsorgen under våren införa …": the subject follows
            if timed or _AGENT.search(match.group("verb")):
                return MODERATE
            continue
        if verb in _STATIVE or _PURPOSE.search(before) or before.count("”") % 2:
            continue  # a goal, a purpose clause ("för att målen ska nås") or a quote
        if timed or _AGENT.search(" ".join(before.split()[-6:])):
            return MODERATE
    inverted = inverted_duty_verb(sentence) if modal else None
    if inverted is not None and inverted not in _STATIVE:
        return MODERATE  # "Vidare avser TN att upphandla …": the subject after the modal
    if timed and _DOING.search(sentence) or reports_progress(sentence):
        return MODERATE  # "Översynen av nattorganisationen har inte startat": a follow-up's
    decided = _DECIDED.search(sentence) if "beslut" in folded else None
    if decided and _decided_verb(decided.group("verb")):
        return MODERATE
    return None


# "Kommunfullmäktige beslutade på måndagen att bygga en ny skola": a decision to do something,
# as news report it; deciding to adopt, approve or allocate takes effect by itself.
_DECIDED = re.compile(
    r"\bbeslut(?:ade|at|ar)\s+(?:[\w-]+\s+){0,4}?att\s+(?:även\s+|också\s+|själva?\s+)?"
    r"(?P<verb>[a-zåäö]+)\b",
    re.IGNORECASE,
)
_TAKES_EFFECT = frozenset(
    [
        "anta",
        "godkänna",
        "notera",
        "fastställa",
        "lägga",
        "göra",
        "avsätta",
        "bevilja",
        "anvisa",
        "överlämna",
        "återremittera",
        "bifalla",
        "avslå",
        "besvara",
        "förklara",
        "välja",
        "utse",
        "entlediga",
        "tillstyrka",
        "avstyrka",
        "yttra",
        "ge",
    ]
)


def _decided_verb(word: str) -> bool:
    """An infinitive of doing: not a decision that takes effect, a pronoun or a plural noun."""
    word = word.lower()
    if word in _TAKES_EFFECT or re.search(r"(?:erna|arna|orna|rna)$", word):
        return False
    return word.endswith("a") or word in {"se", "gå", "ta", "nå", "dra", "stå"}


def is_completion(sentence: str) -> bool:
    """Only the time limit of an earlier action ("Uppdraget ska redovisas senast …")."""
    folded = fold(sentence)
    if "ska" not in folded or not has_any(folded, _COMPLETION_WORDS):
        return False  # COMPLETION needs "ska" and one of these words
    return bool(COMPLETION.search(sentence.strip())) and is_timed(sentence, folded)


# "Förvaltningarnas framtagna konsekvensbeskrivningar ska vara inlämnade … senast den 15 april":
# the time by which what an earlier action produces is to be delivered.
_DELIVERED = re.compile(
    r"\b(?:ska|skall)\s+(?:[\w-]+\s+){0,5}?(?:vara\s+)?(?:inlämnade?|redovisade?|levererade?|"
    r"lämnade?|klar[at]?|färdig[at]?|överlämnade?|lämnas|inlämnas|redovisas|skickas|levereras|"
    r"överlämnas|rapporteras)\b",
    re.IGNORECASE,
)
# "De vidtagna åtgärderna ska … redovisas": a report on what was done is a duty of its own.
_REPORT_ON_WORK = re.compile(r"\b(?:vidtagna|genomförda|utförda)\b", re.IGNORECASE)


def delivered_by(
    sentence: str, earlier: list[Action], beside: Action | None = None
) -> Action | None:
    """The earlier action whose product this sentence gives a time limit, if any.

    `beside` is the action read from the same paragraph just before: "Utredningen ska
    redovisas senast i december" completes it whatever its words.
    """
    folded = fold(sentence)
    delivered = _DELIVERED.search(sentence) if "ska" in folded else None  # "ska|skall" first
    if not delivered or not is_timed(sentence, folded) or _REPORT_ON_WORK.search(sentence):
        return None
    if reports_progress(sentence):
        return None  # "Arbetet med X har påbörjats och ska vara klart …": work of its own
    if beside is not None and beside.deadline is None:
        return beside
    subject = sentence[: delivered.start()]
    stems = {w.lower()[:7] for w in re.findall(r"\w{8,}", subject)}
    for action in reversed(earlier[-5:]):
        if action.deadline is None and any(stem in action.text.lower() for stem in stems):
            return action
    return None


# "X beslutade den 28 augusti 2017 att förelägga kommunen att senast den 15 januari 2018 vidta
# åtgärder …" told before the new order with a later date: the earlier decision is history.
_SENAST = re.compile(r"\bsenast\s+(?:den\s+)?\d", re.IGNORECASE)
_PAST_DECISION = re.compile(r"\b(?:beslutade|förelade|fattade|gav|ålade)\b", re.IGNORECASE)


def superseded(actions: list) -> list:
    """Actions of one paragraph that a later one of the same content and a later date replaces.

    The earlier one is a past decision with a time limit of its own (which the deadline grammar
    may already have read as history: then it has no deadline left).
    """
    found = []
    for index, earlier in enumerate(actions):
        if not _PAST_DECISION.search(earlier.text) or not _SENAST.search(earlier.text):
            continue
        words = set(re.findall(r"\w{5,}", earlier.text.lower()))
        for later in actions[index + 1 :]:
            other = set(re.findall(r"\w{5,}", later.text.lower()))
            shared = len(words & other) / max(1, min(len(words), len(other)))
            later_date = later.deadline is not None and (
                earlier.deadline is None or later.deadline.date > earlier.deadline.date
            )
            if later_date and shared >= 0.5:
                found.append(earlier)
                break
    return found
