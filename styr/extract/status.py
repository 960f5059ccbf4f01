"""Status notes: find the words that say how an action is going, and read them as a code.

The memo writes notes in italics at the end of the paragraph ("*Genomfört.*"); follow-ups
write a label ("AVSLUTAT", "Pågår enligt plan", "Ej påbörjad"), a "Status:" field or a status
sentence ("Arbetet fortsätter.", "Utredningen är klar."). The code is one of done,
in_progress, ongoing, not_started, unknown (Styr's scale); the note keeps its own words.

Only explicit statements of progress count: future tense, plans and pledges ("Vi arbetar
aktivt med …", "ska vara klart i juni") and descriptions of the work are not status.
"""

from __future__ import annotations

import re

from styr.extract.anchored import matches_after
from styr.extract.caching import per_document
from styr.extract.folding import fold

_SPECIAL = re.compile("[İıſ]")  # the letters fold() maps before lowering


def _folded(text: str) -> str:
    """fold(text) (lowercased as re.IGNORECASE compares letters), its mapping per character
    done only for a text that holds one of the letters it maps."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        return fold(text)
    return text.lower()


# A note that ends the paragraph in italics: "... *Genomfört.*"
_TRAILING_ITALIC = re.compile(r"\*([^*]+)\*\s*$")
_BRACKETED = re.compile(r"\s\(((?:[^\W\d_]+\s?){1,4})\)[\s.]*$")
# A labelled note: "Status: Pågår", "Åtgärdsstatus: Klar", "Status . Pågår" (a flattened
# Stratsys page separates label and value with " . ").
_LABELLED = re.compile(
    r"(?:^|\s)(?:Status|Åtgärdsstatus|Läge|Lägesbeskrivning|Statusbeskrivning)"
    r"(?:\s*:|\s\.\s)\s*(.+?)\s*$",
    re.IGNORECASE,
)
# A label in capitals that ends (or opens) a line of a follow-up list: "… (KS) AVSLUTAT".
_CAPS_LABEL = (
    r"(?-i:AVSLUTAT|AVSLUTAD|PÅGÅENDE|PÅGÅR|KLAR|KLART|GENOMFÖRD|GENOMFÖRT|DELVIS(?:\s+GENOMFÖRD)?"
    r"|PÅBÖRJAD|PÅBÖRJAT|(?:EJ|INTE)\s+(?:PÅBÖRJAD|PÅBÖRJAT|STARTAD|STARTAT|GENOMFÖRD|GENOMFÖRT)"
    r"|FÖRSENAD|PLANERAD)"
)
_TRAILING_CAPS = re.compile(rf"(?:^|\s)({_CAPS_LABEL})\s*[.!]?\s*$")
_LEADING_CAPS = re.compile(rf"^\s*({_CAPS_LABEL})(?:\s*[-–:.]\s*|\s+)(?=\S)")
_STATUS_START = (
    r"(?:genomfört|genomförd|genomförda|klart|klar|klara|avslutad|avslutat|slutförd|slutfört|"
    r"färdig|färdigt|pågår|pågående|påbörjad|påbörjat|ej\s+påbörjad|ej\s+påbörjat|"
    r"inte\s+påbörjad|inte\s+påbörjat|inte\s+startad|inte\s+startat|"
    r"ej\s+startad|ej\s+genomförd|ej\s+genomfört|inte\s+genomförd|inte\s+genomfört|"
    r"arbetet\s+pågår|arbete\s+pågår|arbetet\s+fortsätter|"
    r"under\s+arbete|delvis|försenad|försenat|återstår)"
)
# A sentence that starts with a status word; a note only if it (and what follows) is short.
# "Klart senast: 2016-12-31" and "Klar: hösten 2016" are deadlines, not status notes.
_STATUS_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?!klar[at]?\s*(?:senast|:|till\b|den\b|\d))(?=" + _STATUS_START + r"\b)",
    re.IGNORECASE,
)
# Every _STATUS_START alternative spells one of these (in lower case).
_STATUS_START_KEYS = (
    "genomför", "klar", "avslut", "slutför", "färdig", "pågå", "påbörja", "starta", "fortsätter",
    "arbete", "delvis", "försena", "återstår",
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
MAX_PLAIN_NOTE = 160

# --------------------------------------------------------------------------------------------
# Reading a note as a code

_DONE_WORD = (
    r"(?:genomför(?:t|d|da)|klar[at]?|avslutad|avslutat|slutför[td]|färdig[at]?|åtgärdad[e]?"
    r"|åtgärdat|avhjälpt|avhjälpta|uppfylld|uppfyllt|infört|införd|redovisad|redovisat"
    r"|återrapporterad|återrapporterat)"
)
_ONGOING = re.compile(
    r"\bkontinuerlig|\blöpande\b|\bständigt pågående|\bfortlöpande|\bstående uppdrag", re.I
)
_NOT_STARTED = re.compile(
    r"\b(?:ej|inte|icke)\s+(?:ännu\s+|än\s+)?(?:påbörjad|påbörjat|påbörjats|startad|startat"
    r"|startats|inlett|inledd|inletts|igång|i\s+gång)|"
    r"\bhar\s+(?:ännu\s+)?(?:inte|ej)\s+(?:påbörjats|startats|inletts|startat|påbörjat)|"
    r"\bplaneras\s+starta",
    re.I,
)
# A negated done is work begun and not finished: "inte genomfört", "ännu ej tillfullo
# åtgärdade", "ej klar".
_NEGATED_DONE = re.compile(
    r"\b(?:ej|inte|icke)\s+(?:(?:ännu|än|helt|tillfullo|till\s+fullo|fullt\s+ut|fullständigt)"
    rf"\s+)*{_DONE_WORD}\b",
    re.I,
)
_IN_PROGRESS = re.compile(
    r"\bpågår\b|\bpågående\b|\bpåbörjad|\bpåbörjat|\bstartades\b|\bpåbörjades\b|\binleddes\b|"
    r"\bunder\s+arbete\b|\bberäknas\s+(?:vara|bli)\s+klar|\bfortsätter\b|\barbetar\b|"
    r"\båterstår\b|\båterstående\b|\bdelvis\b|\bkommer\s+att\b|\bförsenad|\bförsenat\b|"
    r"\bigång\b|\bi\s+gång\b",
    re.I,
)
_DONE = re.compile(
    r"\bgenomför(?:t|d|da)\b|\bklar[at]?\b|\bavslutad|\bavslutat\b|\bslutför[td]\b|"
    r"\bfärdig(?:t|a|ställd|ställt)?\b|\betablerad\b|\bframtagen\b|\bframtaget\b|\bbeslutad|"
    r"\binrättad\b|\binfört\b|\binförd\b|\bavvecklad\b|\bgenomfördes\b|\bklart\b|"
    r"\båtgärdad[e]?\b|\båtgärdat\b|\bavhjälpt[a]?\b|\buppfyll[dt]\b|\blevererad\b|"
    r"\blevererat\b|\bredovisa[dt]\b|\båterrapportera[dt]\b"
    r"|\bhar\s+(?:nu\s+)?(?:genomförts|slutförts|avslutats|åtgärdats|avhjälpts|redovisats"
    r"|återrapporterats)\b",
    re.I,
)


# A label that only says the work is planned: "Status: Planerad".
_PLANNED_LABEL = re.compile(r"\s*(?:planerad|planerat|ej\s+startat|ej\s+startad)\s*[.!]?\s*", re.I)


@per_document  # a plan repeats its notes ("Genomfört.", "Pågår."): each is classified once
def classify(note: str) -> str:
    """The status code a note expresses; 'unknown' when it says nothing recognisable.

    Continuous work wins over everything, then "not started", then anything still going on
    (a note that says something is done but something else remains is still in progress; a
    negated done, "inte genomfört", is work begun and not finished), then done.
    """
    if not note.strip():
        return "unknown"
    if _ONGOING.search(note):
        return "ongoing"
    if _NOT_STARTED.search(note) or _PLANNED_LABEL.fullmatch(note):
        return "not_started"
    if _NEGATED_DONE.search(note) or _IN_PROGRESS.search(note):
        return "in_progress"
    if _DONE.search(note):
        return "done"
    return "unknown"


# --------------------------------------------------------------------------------------------
# Status sentences in running text

# An opening sentence that says how the work stands: "Under våren 2015 startades arbetet med
# Smart kommun.", "Utveckling av service … pågår kontinuerligt inom serviceenheten …".
_STATE_IN_TEXT = re.compile(
    r"\b(?:startades|påbörjades|inleddes)\b|\bpågår\s+(?:kontinuerligt|löpande)\b", re.I
)
# Every _STATE_IN_TEXT alternative spells one of these.
_STATE_IN_TEXT_KEYS = ("startades", "påbörjades", "inleddes", "pågår")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)", re.DOTALL)
_NOT_FULLY = r"(?:(?:ännu|helt|tillfullo|till\s+fullo|fullt\s+ut)\s+)"
_SENTENCES = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
# What a sentence must say to be a status statement (present state, not a plan).
_STATEMENT = re.compile(
    r"\bpågår\b|\bpågående\s+arbete|\bintensivt\s+pågående|\barbetet\s+fortsätter\b"
    r"|\bfortsätter\s+arbetet\b|\bunder\s+arbete\b"
    r"|\b(?:nu|just\s+nu|för\s+närvarande|fortfarande)\s+(?:arbetar|jobbar)\b"
    r"|\b(?:arbetar|jobbar)\s+(?:nu|just\s+nu|för\s+närvarande|fortfarande)\b"
    r"|\b(?:är|har)\s+(?:nu\s+)?(?:påbörjats|påbörjat|påbörjad|inletts|startats|startat)\b"
    rf"|\b(?:är|blev|har\s+blivit)\s+(?:nu\s+)?(?:helt\s+)?{_DONE_WORD}\b"
    r"|\bhar\s+(?:nu\s+)?(?:genomförts|slutförts|avslutats|åtgärdats|avhjälpts|färdigställts"
    r"|levererats|redovisats|återrapporterats)\b"
    r"|\b(?:ej|inte)\s+(?:ännu\s+)?(?:påbörjad|påbörjat|påbörjats|startad|startat)\b"
    rf"|\b(?:är|har)\s+(?:ännu\s+)?(?:ej|inte)\s+{_NOT_FULLY}*{_DONE_WORD}\b"
    rf"|\b(?:ännu\s+(?:ej|inte)|(?:ej|inte)\s+{_NOT_FULLY}){_NOT_FULLY}*{_DONE_WORD}\b"
    r"|\bgenomförs\s+(?:kontinuerligt|löpande)\b|\bdelvis\s+" + _DONE_WORD + r"\b",
    re.I,
)
# Every _STATEMENT alternative contains one of these.
_STATEMENT_KEYS = (
    "pågå",
    "fortsätt",
    "arbete",
    "arbetar",
    "jobbar",
    "påbörja",
    "inlett",
    "startat",
    "klar",
    "genomför",
    "avslut",
    "slutför",
    "färdig",
    "åtgärda",
    "avhjälpt",
    "uppfyll",
    "infört",
    "införd",
    "redovis",
    "återrapport",
    "levererat",
    "delvis",
)
# Plans and obligations: "ska vara klart", "kommer att påbörjas". A sentence with one still
# states progress when it says the work goes on ("Arbetet pågår och ska vara klart i juni").
_NOT_A_STATEMENT = re.compile(
    r"\b(?:ska|skall|kommer\s+att|planeras|avses|bör|måste|behöver|kan|får)\b", re.I
)
_GOES_ON = re.compile(  # or has started, or has not: "har påbörjats och ska vara klart i juni"
    r"\bpågår\b|\bpågående\b|\bfortsätter\b"
    r"|\bhar\s+(?:nu\s+|ännu\s+)?(?:inte\s+|ej\s+)?(?:påbörjats|inletts|startats|startat)\b",
    re.I,
)
# Progress told in a subordinate clause frames something else: "så länge projektet pågår",
# "det är klart att …".
_SUBORDINATE = re.compile(
    r"\b(?:som|medan|när|då|tills|länge|om)\s+(?:[^\W\d_]+\s+){0,3}(?:pågår|fortsätter)\b"
    r"|\bklart\s+att\b",
    re.I,
)
# A pledge: "Vi arbetar aktivt med vår energiplan" is a promise, not a report.
_PLEDGE = re.compile(r"^\s*(?:vi|våra?|vårt)\b", re.I)
# A short headline or label line that says the work is done: "Organisationsöversynen klar".
_DONE_HEADLINE = re.compile(rf"^[^.!?\n]{{3,80}}\s{_DONE_WORD}\s*$", re.I)
# The last letters of the done words, in either case (re.IGNORECASE equates no other character
# with them): a stripped line ending otherwise is no done headline, and is not searched.
_DONE_ENDS = tuple("tdargeTDARGE")


@per_document  # a plan repeats its sentences; each is read once
def state_in_text(text: str) -> str | None:
    """The words in an action's text that state how the work stands, else None.

    The opening sentence counts when it says the work started ("Under våren 2015 startades
    arbetet med …") or goes on continuously; any sentence counts when it states progress in
    the present ("Arbetet pågår.", "Utredningen är klar.", "Förvaltningen arbetar nu med …")
    and is not a plan or a pledge. Past narrative ("Under våren genomfördes en översyn …")
    is background, not status.
    """
    flat = " ".join(text.split())
    folded = _folded(flat)
    if any(map(folded.__contains__, _STATE_IN_TEXT_KEYS)):
        match = _FIRST_SENTENCE.match(flat)
        sentence = match.group(1) if match else ""
        if sentence and _STATE_IN_TEXT.search(sentence):
            return sentence
    found = find_status(text, (flat, folded))
    return found[0] if found else None


def find_status(text: str, flat_folded: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """(the status statement as written, its code) for the first one in a text, or None.

    Labels in capitals ("… AVSLUTAT"), "Status: …" fields, short done headlines
    ("Organisationsöversynen klar") and status sentences in running text. `flat_folded` is
    (the text's words joined by single spaces, that folded) when the caller has made them.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    for line in text.splitlines():
        stripped = line.strip(" \t.!")
        # Cheap tests first: a capital label has capitals at the line's end or start.
        if stripped[-3:].isupper() or stripped[:3].isupper():
            label = _TRAILING_CAPS.search(line) or _LEADING_CAPS.match(line)
            if label:
                return label.group(1), classify(label.group(1))
        lowered = line.lower()
        if "status" in lowered or "läge" in lowered:
            labelled = _LABELLED.search(line)
            if labelled and classify(labelled.group(1)) != "unknown":
                return labelled.group(1), classify(labelled.group(1))
        if (
            len(stripped) <= 100
            and line.strip().endswith(_DONE_ENDS)
            and _DONE_HEADLINE.match(line.strip())
            and _is_statement(line)
        ):
            return line.strip(), classify(line)
    # A key is in the lowered text only if it is in the folded one (fold maps İ, ı, ſ to
    # letters first), so the folded text is as good a prefilter; each sentence is tested below.
    if flat_folded is None:
        flat = " ".join(text.split())
        flat_folded = flat, _folded(flat)
    flat, folded = flat_folded
    if not any(map(folded.__contains__, _STATEMENT_KEYS)):
        return None  # none in any sentence below: a key (letters only) lies inside one
    for sentence in _SENTENCES.finditer(flat):
        words = sentence.group().strip()
        lowered = words.lower()
        if not any(map(lowered.__contains__, _STATEMENT_KEYS)):
            continue  # the common case, decided by substring search before any regex
        main = _SUBORDINATE.sub(" ", words)
        if _STATEMENT.search(main) and _is_statement(main):
            code = classify(words)
            if code != "unknown":
                return words, code
    return None


def _is_statement(sentence: str) -> bool:
    """Not a pledge, and not a plan unless it also says the work goes on."""
    if _PLEDGE.match(sentence):
        return False
    return not _NOT_A_STATEMENT.search(sentence) or bool(_GOES_ON.search(sentence))


# --------------------------------------------------------------------------------------------
# Splitting a note off a paragraph


@per_document
def split_note(paragraph: str) -> tuple[str, str | None]:
    """(the paragraph without its status note, the note or None)."""
    match = _TRAILING_ITALIC.search(paragraph)
    if match and _looks_like_status(match.group(1)):
        return paragraph[: match.start()].rstrip(), match.group(1).strip()
    # "• Utreda samordnad varudistribution (klar)": a status in brackets ends the line
    match = _BRACKETED.search(paragraph) if paragraph.rstrip(" .").endswith(")") else None
    if match and classify(match.group(1)) != "unknown":
        return paragraph[: match.start()].rstrip(), match.group(1).strip()
    plain = paragraph.replace("*", "")
    lowered = plain.lower()
    match = _LABELLED.search(plain) if "status" in lowered or "läge" in lowered else None
    if match:
        return plain[: match.start()].rstrip(" .;|"), match.group(1).strip()
    stripped = plain.strip(" \t\n.!")
    match = _TRAILING_CAPS.search(plain) if stripped[-3:].isupper() else None
    if match:
        return plain[: match.start()].rstrip(" .;|–-"), match.group(1).strip()
    match = _LEADING_CAPS.match(plain) if stripped[:3].isupper() else None
    if match:
        return plain[match.end() :].strip(), match.group(1).strip()
    folded = lowered if plain.isascii() or not _SPECIAL.search(plain) else fold(plain)
    if not any(map(folded.__contains__, _STATUS_START_KEYS)):
        return paragraph, None  # _STATUS_SENTENCE needs one of them
    for match in _status_sentences(plain):
        tail = plain[match.end() :].strip()
        if len(tail) <= MAX_PLAIN_NOTE and len(_SENTENCE_END.findall(tail)) <= 2:
            return plain[: match.start()].rstrip(), tail
    return paragraph, None


# Where a sentence after the first starts: right after a stop followed by white space, the
# only places _STATUS_SENTENCE's lookbehind lets it match (besides the text's start).
_STOP = re.compile(r"[.!?](?=\s)")


def _status_sentences(text: str):
    """What `_STATUS_SENTENCE.finditer(text)` finds, faster: tried at the text's start and after
    each stop, not at every position."""
    return matches_after(_STATUS_SENTENCE, _STOP, text)


@per_document
def is_status_only(paragraph: str) -> bool:
    """A paragraph that is nothing but a status note ("Genomfört.", "*Klart.*")."""
    text, note = split_note(paragraph)
    return note is not None and not text.replace("*", "").strip()


def _looks_like_status(note: str) -> bool:
    # An italic phrase at the end is a note when it reads as one, not a title in italics.
    return classify(note) != "unknown" or note.rstrip().endswith(".")


# --------------------------------------------------------------------------------------------
# A status stated once for a group

_GROUP_NOUN = r"(?:brister|åtgärder(?:na)?|uppdrag(?:en)?|aktiviteter(?:na)?|insatser(?:na)?)"
_GROUP = (
    (re.compile(rf"\b(?:ej|inte)\s+(?:påbörjade|startade)\s+{_GROUP_NOUN}", re.I), "not_started"),
    (
        re.compile(
            rf"\b(?:kvarstående|pågående|återstående|försenade|delvis\s+genomförda)\s+{_GROUP_NOUN}",
            re.I,
        ),
        "in_progress",
    ),
    (
        re.compile(
            rf"\b(?:avhjälpta|genomförda|avslutade|slutförda|klara|åtgärdade|färdiga)\s+{_GROUP_NOUN}",
            re.I,
        ),
        "done",
    ),
)


def list_status(text: str) -> tuple[str, str] | None:
    """(the words, the code) when a heading or lead-in gives every item under it a status.

    "Sammanfattning av avhjälpta brister" (done), "Kvarstående brister" and "Följande brister
    är ännu ej tillfullo åtgärdade:" (in progress), "Ej påbörjade uppdrag" (not started),
    "Avslutade uppdrag" (done). None for a heading that says nothing of progress.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    for pattern, code in _GROUP:
        match = pattern.search(text)
        if match:
            return match.group(), code
    found = find_status(text)
    return found if found and found[1] != "unknown" else None
