"""Past tense, per clause: a date told in the past is history, not a deadline.

The paragraph is split into sentences (at . ! ? ; : followed by a
capital letter, at line breaks and at "*"), sentences into clauses (at commas and at
"och", "samt", "men", "medan", "eller"; not the "och" of "till och med"/"från och med").
A clause is past when it has a past-tense verb and no present/future marker; a clause
with no verb of its own at all ("Kommunstyrelsen noterade ... inriktning och plan för
ledning ... i december 2014": the part after "och") takes the tense of the clause before
it in the same sentence. Past verbs: var (not "var och en", "var tredje", ...), blev,
gjorde(s), hade, kunde, skulle, ville, borde, fanns, gick, tog(s), fick, kom, gav(s),
låg, satt, såg(s), sade, beslöt(s), skedde, pågick, genomgick, lades, antog(s),
beskrev(s), skrev(s), drog(s), höll(s), ingick(s); "har"/"hade" followed by a supine
(-at, -it, -ats, -its, -ts, gjort, skett, gått, fått, varit, haft, blivit); and words of
five letters or more ending in -ade(s), -des, -tes, -rde, -dde, -gde, -vde, -lde, -mde,
-kte, -pte, -tte, -xte — unless the word opens the sentence (a Swedish main clause never
starts with its finite verb) or follows a determiner or a preposition ("den samlade",
"av tidigare planerade"), which makes it an adjective. Present/future markers: ska, skall,
kommer att, planeras, planerar, beräknas, avses, avser, bör, behöver, måste, förväntas,
väntas, genomförs, pågår. "Has a verb of its own" is generous: any word ending in -r or
-s except a few prepositions and month names, or är, kan, vill.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

# Sentence and clause boundaries (case-sensitive: a sentence starts with a capital letter): a
# sentence ends at . ! ? ; : before a capital, at a line break or at "*"; a clause at a comma or
# at "och", "samt", "men", "medan", "eller" (not "och med"). The pattern opens with the
# character set of every boundary's first character, so it is searched in C and tried only at
# those characters (mostly spaces), not at every letter; a match that opens with one of
# _SENTENCE_CHARACTERS ends a sentence, any other a clause.
_BOUNDARY = re.compile(
    r"[.!?;:\n*,\s](?:(?<=[.!?;:])(?=\s+[\"'*(\[]*[A-ZÅÄÖÉ])|(?<=[\n*,])"
    r"|(?<=\s)(?:och|samt|men|medan|eller)\s(?!med\b))"
)
_SENTENCE_CHARACTERS = ".!?;:\n*"
_WORD = re.compile(r"[^\W_]+")  # words and numbers


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PAST_WORDS = _words(
    "var blev gjorde gjordes hade kunde skulle ville borde fanns gick tog togs fick kom "
    "gav gavs låg satt såg sade beslöt beslöts skedde pågick genomgick lades antog antogs "
    "beskrev beskrevs skrev skrevs drog drogs höll hölls ingick ingicks sågs"
)
_NOT_PAST = _words("således likaledes måste")
_VAR_NOT_PAST_BEFORE = _words(
    "och för annan tredje fjärde femte sjätte sjunde åttonde nionde tionde"
)
_SUPINE = _words("gjort skett gått fått varit haft blivit")
_PERFECT_AUX = frozenset(("har", "hade"))
_PERFECT_SKIP = _words("inte nu redan också även tidigare just")
_PRESENT_MARKERS = _words(
    "ska skall planeras planerar beräknas avses avser bör behöver måste förväntas väntas "
    "genomförs pågår"
)
# After these words an -ade/-de/-te word is an adjective or participle, not a finite verb.
_NOT_VERB_AFTER = _words(
    "den det de dessa denna detta tidigare redan vår vårt våra sin sitt sina deras dess "
    "hans hennes alla samtliga en ett är blir bli vara varit av för med i på till om "
    "enligt inom mot från vid genom efter utan mellan hos över under kring"
)
_PAST_SUFFIXES = ("rde", "dde", "gde", "vde", "lde", "mde", "kte", "pte", "tte", "xte")
# Words ending in -r or -s that are not verbs (for "does this clause have a verb of its own?").
_NOT_VERB_RS = _words(
    "för under efter över inför mer eller när där här hur per vår er ur dess hans vars "
    "deras också alls ens annars mars september oktober november december kvartal tertial"
)
_VERBS_OTHER = _words("är kan vill ska skall")


def _is_past_word(word: str, previous: str | None, following: str | None) -> bool:
    if word in _NOT_PAST:
        return False
    if word in _PAST_WORDS:
        return not (word == "var" and following in _VAR_NOT_PAST_BEFORE)
    if word in _PERFECT_AUX:
        return _is_supine(following)
    if len(word) < 5 or previous is None or previous in _NOT_VERB_AFTER:
        return False
    if previous.endswith("a") and not previous.endswith("na"):
        # After an infinitive or an adjective ("avhjälpa påtalade brister", "andra planerade
        # insatser") it is an adjective; a definite plural ("Nämnderna beslutade") is not.
        return False
    if word.endswith(("ade", "ades", "des", "tes")):
        return True
    return word.endswith(_PAST_SUFFIXES) and not word.endswith("värde")


def _is_supine(word: str | None) -> bool:
    if word is None:
        return False
    return word in _SUPINE or (len(word) >= 5 and word.endswith(("ats", "its", "at", "it", "ts")))


def _may_be_verb(word: str) -> bool:
    """Generous: any word that could be a finite verb (present tense ends in -r or -s)."""
    if word.isdigit():
        return False
    return word in _VERBS_OTHER or (word.endswith(("r", "s")) and word not in _NOT_VERB_RS)


class _Clauses:
    """The clauses of a text, split once and lazily, each marked past tense or not.

    A clause is past when it has a past-tense verb and no present/future marker. A clause
    without a verb of its own ("... och plan för ledning ... i december 2014") takes the
    tense of the clause before it in the same sentence.
    """

    def __init__(self, text: str):
        self.text = text
        self.boundaries: Iterator[re.Match[str]] | None = None  # read as far as asked
        self.starts: list[int] = []  # boundary starts
        self.ends: list[int] = []  # boundary ends
        self.opens: list[bool] = [True]  # one per clause: whether it opens a sentence
        self.past: list[bool] = []  # one per clause: clause i lies between boundary i-1 and i

    def _split_to(self, end: int) -> None:
        """Read the boundaries up to the first that starts at or after `end`: the clauses
        after the last date asked about are never split, as they are never read."""
        if self.boundaries is None:
            self.boundaries = _BOUNDARY.finditer(self.text)
        while not self.starts or self.starts[-1] < end:
            boundary = next(self.boundaries, None)
            if boundary is None:
                return
            self.starts.append(boundary.start())
            self.ends.append(boundary.end())
            self.opens.append(self.text[boundary.start()] in _SENTENCE_CHARACTERS)

    def _analyse_to(self, last: int) -> None:
        """Mark clauses in order up to clause `last`: a clause's tense needs only those before
        it, so the clauses after the last date asked about are never read."""
        while len(self.past) <= last:
            index = len(self.past)
            start = self.ends[index - 1] if index else 0
            end = self.starts[index] if index < len(self.starts) else len(self.text)
            opens_sentence = self.opens[index]
            past = self._analyse(start, end, opens_sentence)
            if past is None:  # no verb of its own: the tense of the clause before, if any
                past = not opens_sentence and bool(index) and self.past[index - 1]
            self.past.append(past)

    def is_past(self, start: int, end: int) -> bool:
        self._split_to(end)
        first = bisect.bisect_right(self.ends, start)  # the clause holding `start`
        last = bisect.bisect_left(self.starts, end)  # the clause holding `end`
        self._analyse_to(last)
        return any(self.past[first : last + 1])

    def _analyse(self, start: int, end: int, opens_sentence: bool) -> bool | None:
        """True: past, False: present/future, None: no verb of its own."""
        if not _PRESENT_MARKERS.isdisjoint(self.text[start:end].lower().split()):
            # A marker the loop below returns at: a white-space separated token equal to one
            # is a word of its own. Most clauses of a plan have one ("ska"); found by a split,
            # cheaper than reading the words.
            return False
        words = [word.lower() for word in _WORD.findall(self.text, start, end)]
        past = has_verb = False
        for index, word in enumerate(words):
            following = words[index + 1] if index + 1 < len(words) else None
            if word in _PRESENT_MARKERS or (word == "kommer" and following == "att"):
                return False
            if past:
                continue
            previous = words[index - 1] if index else None
            if previous is None and not opens_sentence:
                previous = ""  # a clause after "och" or a comma may start with its verb
            if word in _PERFECT_AUX:
                following = next(
                    (w for w in words[index + 1 : index + 4] if w not in _PERFECT_SKIP), None
                )
            past = _is_past_word(word, previous, following)
            has_verb = has_verb or past or _may_be_verb(word)
        if past:
            return True
        return False if has_verb else None
