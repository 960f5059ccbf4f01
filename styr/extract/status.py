"""Status notes: find the note that says how an action is going, and read it as a code.

The memo writes notes in italics at the end of the paragraph ("*Genomfört.*"); other
documents end with a plain status sentence ("Klart.") or have a "Status:" column. The code
is one of done, in_progress, ongoing, not_started, unknown; the note keeps its own words.
"""

from __future__ import annotations

import re

# A note that ends the paragraph in italics: "... *Genomfört.*"
_TRAILING_ITALIC = re.compile(r"\*([^*]+)\*\s*$")
# A labelled note: "Status: Pågår", "Kommentar: Klart."
_LABELLED = re.compile(r"(?:^|\s)(?:Status|Läge|Lägesbeskrivning)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_STATUS_START = (
    r"(?:genomfört|genomförd|genomförda|klart|klar|klara|avslutad|avslutat|slutförd|slutfört|"
    r"färdig|färdigt|pågår|påbörjad|påbörjat|ej\s+påbörjad|ej\s+påbörjat|inte\s+påbörjad|"
    r"ej\s+startad|ej\s+genomförd|ej\s+genomfört|arbetet\s+pågår|arbete\s+pågår|"
    r"under\s+arbete|delvis\s+genomförd|delvis\s+genomfört|försenad|försenat|återstår)"
)
# A sentence that starts with a status word; a note only if it (and what follows) is short.
# "Klart senast: 2016-12-31" and "Klar: hösten 2016" are deadlines, not status notes.
_STATUS_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?!klar[at]?\s*(?:senast|:|till\b|den\b|\d))(?=" + _STATUS_START + r"\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
MAX_PLAIN_NOTE = 160

_ONGOING = re.compile(r"\bkontinuerlig|\blöpande\b|\bständigt pågående|\bfortlöpande", re.I)
_NOT_STARTED = re.compile(
    r"\b(?:ej|inte)\s+(?:påbörjad|påbörjat|påbörjats|startad|startat|inlett|inledd)|"
    r"\bej\s+genomförd|\bej\s+genomfört|\bplaneras\s+starta",
    re.I,
)
_IN_PROGRESS = re.compile(
    r"\bpågår\b|\bpåbörjad|\bpåbörjat|\bstartades\b|\bpåbörjades\b|\binleddes\b|"
    r"\bunder\s+arbete\b|\bberäknas\s+(?:vara|bli)\s+klar|"
    r"\båterstår\b|\båterstående\b|\bdelvis\b|\bkommer\s+att\b|\bförsenad|\bförsenat\b|"
    r"\bej\s+klar",
    re.I,
)
_DONE = re.compile(
    r"\bgenomför(?:t|d|da)\b|\bklar[at]?\b|\bavslutad|\bavslutat\b|\bslutför[td]\b|"
    r"\bfärdig(?:t|a|ställd|ställt)?\b|\betablerad\b|\bframtagen\b|\bframtaget\b|\bbeslutad|"
    r"\binrättad\b|\binfört\b|\binförd\b|\bavvecklad\b|\bgenomfördes\b|\bklart\b",
    re.I,
)


def classify(note: str) -> str:
    """The status code a note expresses; 'unknown' when it says nothing recognisable.

    Continuous work wins over everything, then "not started", then anything still going on
    (a note that says something is done but something else remains is still in progress),
    then done.
    """
    if not note.strip():
        return "unknown"
    if _ONGOING.search(note):
        return "ongoing"
    if _NOT_STARTED.search(note):
        return "not_started"
    if _IN_PROGRESS.search(note):
        return "in_progress"
    if _DONE.search(note):
        return "done"
    return "unknown"


# An opening sentence that says how the work stands: "Under våren 2015 startades arbetet med
# Smart kommun.", "Utveckling av service … pågår kontinuerligt inom serviceenheten …".
_STATE_IN_TEXT = re.compile(
    r"\b(?:startades|påbörjades|inleddes)\b|\bpågår\s+(?:kontinuerligt|löpande)\b", re.I
)
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)", re.DOTALL)


def state_in_text(text: str) -> str | None:
    """The action's opening sentence when it states how the work stands, else None.

    Plans often say it there instead of in a note; only the opening sentence counts, since
    later ones tell the background ("Under våren genomfördes en översyn …").
    """
    match = _FIRST_SENTENCE.match(" ".join(text.split()))
    sentence = match.group(1) if match else ""
    return sentence if sentence and _STATE_IN_TEXT.search(sentence) else None


def split_note(paragraph: str) -> tuple[str, str | None]:
    """(the paragraph without its status note, the note or None)."""
    match = _TRAILING_ITALIC.search(paragraph)
    if match and _looks_like_status(match.group(1)):
        return paragraph[: match.start()].rstrip(), match.group(1).strip()
    plain = paragraph.replace("*", "")
    match = _LABELLED.search(plain)
    if match:
        return plain[: match.start()].rstrip(" .;|"), match.group(1).strip()
    for match in _STATUS_SENTENCE.finditer(plain):
        tail = plain[match.end() :].strip()
        if len(tail) <= MAX_PLAIN_NOTE and len(_SENTENCE_END.findall(tail)) <= 2:
            return plain[: match.start()].rstrip(), tail
    return paragraph, None


def is_status_only(paragraph: str) -> bool:
    """A paragraph that is nothing but a status note ("Genomfört.", "*Klart.*")."""
    text, note = split_note(paragraph)
    return note is not None and not text.replace("*", "").strip()


def _looks_like_status(note: str) -> bool:
    # An italic phrase at the end is a note when it reads as one, not a title in italics.
    return classify(note) != "unknown" or note.rstrip().endswith(".")
