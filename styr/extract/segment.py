"""Find themes and actions in the blocks of a plan, decision, follow-up or news text.

The rules are about the language and the layouts of public documents, not one file:
- a heading sets the theme; under "Ekonomiska konsekvenser", "Bilagor", "Syfte" … nothing is
  an action, under "Sammanfattning", "Ärendet", "Bakgrund" … only sentences that state one;
- a list is read by its lead-in: items after "Löftena som kommunen har antagit är:",
  "Utredaren ska bl.a.", "beslutar att", "i fem steg" are one action each; items after
  "Det som ska konsekvensbeskrivas är:" are the content of the action before them; items of a
  motion, an agenda or a list of focus areas are none; other items are judged one by one;
- a heading that repeats a list item ("Inventering (april-maj 2019)") describes that item:
  its paragraphs are not actions of their own;
- a paragraph is an action when it carries a status note or an explicit responsibility
  statement (the memo's layout: "… Ansvarig är …", "*Genomfört.*"), or, as a one-sentence
  paragraph, names who is responsible or a date ahead; otherwise each sentence that states an
  action (`cues`) is one, so a news text or a decision's prose gives one action per
  assignment;
- paragraphs under a heading that are not actions on their own join the responsibility
  statement that follows them ("Ansvarig för … är …"): together they are one action;
- a status line on its own ("Genomfört.") belongs to the action before it, and lines such as
  "Seniorrådet – Anders Fredriksson social- och äldredirektör" continue the paragraph above;
- a sentence that only sets the time of an earlier assignment ("Uppdraget ska redovisas
  senast …", "… ska dessa senast den 15 april skickas …") gives that date to it, and a time
  stated in a list's lead-in to each item;
- a table with a header row ("Åtgärd | Ansvar | Klart senast | Status") gives one action per row.
Each action keeps the [start, end) span of the text it was read from and a confidence.
"""

from __future__ import annotations

import re

from styr.extract import caching, cues, records, sections
from styr.extract import status as status_notes
from styr.extract.action import Action, first_sentence
from styr.extract.blocks import Block, blocks, body_start, ends_as_lead, normalise
from styr.extract.deadlines import Deadline
from styr.extract.deadlines import find_deadline as read_deadline
from styr.extract.document_dates import document_date, stated_year
from styr.extract.folding import fold
from styr.extract.implied_dates import implied_deadline
from styr.extract.lists import list_mode, task_lead
from styr.extract.negatives import is_negative
from styr.extract.parties import abbreviations, parties_of
from styr.extract.progress_reports import told_of_earlier
from styr.extract.responsibility import Party
from styr.extract.statements import RESPONSIBILITY_ONLY, is_action, states_responsibility

# A text's deadline, remembered for the document: the same lead-in or note is read for each
# action it times (kept here, as the deadlines package uses the standard library only).
find_deadline = caching.per_document(read_deadline)
timed_lead = caching.per_document(cues.is_timed)  # a list's lead-in is asked for each item
_CAPTION = re.compile(r"^(?!.*[.!?:;,]$)\S+(?:\s+\S+){0,11}$")  # a short line, no stop
_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def extract_actions(text: str) -> list[Action]:
    """Every action in a document's marked-up text, in document order."""
    caching.clear()  # answers remembered for one document only (see `caching`)
    try:
        return _Reader(text).run()
    finally:
        caching.clear()


class _Reader(records.RecordReading):
    """One pass over the blocks, keeping the context a reader keeps: theme, list, last action."""

    def __init__(self, text: str):
        self.text = text
        body = text[body_start(text) :]
        self.today = document_date(body)
        self.default_year = self.today.year if self.today else stated_year(body)
        self.actions: list[Action] = []
        self.theme: str | None = None
        self.never = False  # nothing under the theme is an action (NEVER)
        self.prose_only = False  # only sentences under the theme are actions (PROSE)
        self.pending: list[Block] = []  # paragraphs under the heading not yet in an action
        self.columns: dict[str, int] | None = None
        self.last: Action | None = None
        self.group_start = 0  # where the actions of the current assignment begin
        self.mode: str | None = None  # the current list's mode, None outside a list
        self.lead: Block | None = None
        self.lead_action: Action | None = None  # the action read from the lead-in, if any
        self.previous: Block | None = None
        self.above_fields: Block | None = None  # the last block that is not a field
        self.caption: Block | None = None  # a numbered short item over its paragraph
        self.period: Deadline | None = None  # a period of implementation stated in the section
        self.detail = False  # under a heading that repeats a list item
        # Actions read from single sentences of paragraphs still pending: taken back if a
        # responsibility statement joins those paragraphs into one action after all.
        self.tentative: list[Action] = []
        self.abbreviations = abbreviations(text)
        self.read_parties: dict[tuple, list[Party]] = {}
        self.item_words: set[frozenset[str]] = set()  # the words of each list item
        self.record: Action | None = None  # the record whose labelled fields follow

    def run(self) -> list[Action]:
        for block in blocks(self.text):
            if block.kind != "item":
                self.mode = None
            self.read(block)
            if block is not self.caption:
                self.caption = None  # a caption titles only the block right after it
            self.previous = block
            if block.kind != "field":
                self.above_fields = block
        return self.actions

    # --- building actions ------------------------------------------------------------------

    def make(
        self, body: str, span, confidence: float, known=None, given=False, **context
    ) -> Action:
        """The action of `body`; `known` = (plain text, note, parties) if already read.

        `context` (lead_in, heading, previous) is what `find_parties` may use beside the text.
        `given`: the caller sets the deadline and status (a table row's cells), none is read.
        """
        lead_in = context.get("lead_in")
        if known is None:
            plain, note = status_notes.split_note(body)
            plain = plain.replace("*", "").strip() or body
            parties = self.parties(plain, **context)
        else:
            plain, note, parties = known
        action = Action(
            title=first_sentence(plain),
            text=plain,
            theme=self.theme,
            responsible=[p for p in parties if p.kind == "responsible"],
            supporting=[p for p in parties if p.kind == "supporting"],
            deadline=None if given else find_deadline(plain, default_year=self.default_year),
            span=span,
            confidence=confidence,
        )
        caption = self.caption
        if caption is not None and span is not None and caption.end <= span[0]:
            # "1.2 Minskad arbetsbelastning" over the paragraph that says what is done: the
            # numbered caption is the action's title, its paragraph the text.
            action.title, action.text = caption.text, f"{caption.text}\n{action.text}"
            action.span, self.caption = (caption.start, span[1]), None
        note = note or (None if given else status_notes.state_in_text(plain))
        if note:
            action.status_text, action.status_code = note, status_notes.classify(note)
            if action.deadline is None and action.status_code != "done":
                # "… återstående delar genomförs fram till årsskiftet 2015/16": a note that
                # sets the time for an action whose text gave none.
                action.deadline = find_deadline(note, default_year=self.default_year)
        if action.deadline is None and not given:
            # "inom sex månader" from the decision, "under hösten" in the paragraph's year
            action.deadline = implied_deadline(
                plain, self.text, span, self.theme, self.default_year
            )
        if (
            action.deadline is None
            and lead_in
            and timed_lead(lead_in)
            and not (self.lead is not None and self.lead.kind == "heading")
        ):
            # "… har antagit följande löften inför 2024-2026:" times every item; a heading's
            # year ("Uppföljning april 2024") is a report's date, not a deadline.
            action.deadline = find_deadline(lead_in, default_year=self.default_year)
        if action.deadline is None and lead_in and self.period is not None:
            # "… nya klimatlöften med genomförande under 2024-2026" above the list.
            action.deadline = self.period
        if (
            action.deadline is None
            and "samma" in fold(plain)  # what SAME_DAY needs, before the search
            and cues.SAME_DAY.search(plain)
            and self.last is not None
        ):
            # "De vidtagna åtgärderna ska senast samma dag redovisas": the date just given.
            action.deadline = self.last.deadline
        self.actions.append(action)
        self.last = action
        return action

    def parties(self, plain: str, **context) -> list[Party]:
        # Remembered for the document (an item is read for itself and its record, a sentence
        # may recur): the answer depends on the text and the context alone.
        key = (plain, *((k, tuple(v) if isinstance(v, list) else v) for k, v in context.items()))
        found = self.read_parties.get(key)
        if found is None:
            found = parties_of(
                plain, abbreviations=self.abbreviations, document=self.text, **context
            )
            self.read_parties[key] = found
        return list(found)  # a list of its own for each caller

    def complete(self, sentence: str, targets: list[Action] | None = None) -> None:
        """Give an earlier assignment the time limit a later sentence sets for it."""
        deadline = find_deadline(sentence, default_year=self.default_year)
        if deadline is None:
            return
        if targets is None:
            whole = cues.WHOLE_ASSIGNMENT.match(sentence)
            targets = self.actions[self.group_start :] if whole else self.actions[-1:]
        for action in targets:
            if action.deadline is None:
                action.deadline = deadline

    # --- reading blocks --------------------------------------------------------------------

    def read(self, block: Block) -> None:
        if block.kind != "field":
            self.record = None
        if block.kind == "heading":
            self.detail = self._repeats_an_item(block.text)
            if not (task_lead(block.text) or ends_as_lead(block.text)):
                self.group_start = len(self.actions)
            self.theme, self.columns = block.text.replace("*", ""), None
            self.never = bool(sections.NEVER.match(self.theme.strip()))  # read once per heading
            self.prose_only = bool(self.theme and sections.PROSE.match(self.theme.strip()))
            self.pending, self.tentative, self.period = [], [], None
            return
        if self.theme and self.never or self.detail:
            return
        if block.kind == "table":
            self.table_row(block)
        elif block.kind == "item":
            self.item(block)
        elif block.kind == "field":
            self.field(block)
        elif block.kind == "label" and (self.pending or self.last):
            # "Seniorrådet – Anders Fredriksson social- och äldredirektör" continues above.
            if self.pending:
                self.pending.append(block)
            elif self.last is not None:
                self.last.text += "\n" + block.text
                self.last.responsible += [
                    p for p in self.parties(block.text) if p.kind == "responsible"
                ]
        elif status_notes.is_status_only(block.text) or self.states_progress(block):
            self.status_line(block)
        else:
            self.paragraph(block)

    def _repeats_an_item(self, heading: str) -> bool:
        words = frozenset(_WORDS.findall(heading.lower()))
        return len(words) >= 2 and words in self.item_words

    def states_progress(self, block: Block) -> bool:
        """ "Uppdraget är genomfört." right after an action: how that action stands."""
        return (
            self.last is not None
            and self.last.status_text is None
            and self.previous is not None
            and self.last.span is not None
            and self.last.span[1] >= self.previous.start
            and bool(cues.PROGRESS.match(block.text))
        )

    def status_line(self, block: Block) -> None:
        _, note = status_notes.split_note(block.text)
        note = note or block.text
        if self.pending:
            body = "\n".join(b.text for b in self.pending) + f" *{note}*"
            self.joined(body, block, 0.8)
        elif self.last is not None and self.last.status_text is None:
            self.last.status_text, self.last.status_code = note, status_notes.classify(note)

    def item(self, block: Block) -> None:
        if self.mode is None:
            lead = self.previous if self.previous and self.previous.kind != "item" else None
            self.lead = lead
            self.mode = list_mode(lead.text if lead else "", block.text)
            self.lead_action = self.last if lead and self.last and self._read_from(lead) else None
        plain, note = status_notes.split_note(block.text)
        plain = plain.replace("*", "").strip()
        if self.mode == "ignore":
            return
        if self.mode == "content" and self.lead_action is not None:
            self.lead_action.text += "\n" + plain
            start = self.lead_action.span[0] if self.lead_action.span else block.start
            self.lead_action.span = (start, block.end)
            return
        if self.record_line(block, plain):
            return
        if is_negative(plain) and not note:
            return
        lead_in = self.lead.text if self.lead else None
        context = {"lead_in": lead_in, "heading": self.theme}
        self.item_words.add(frozenset(_WORDS.findall(plain.lower())))
        if self.mode == "tasks":
            if self.lead_action is not None and ends_as_lead(self.lead_action.text):
                # "Utredaren ska bl.a.": the lead-in's sentence is no action, its items are.
                self.actions.remove(self.lead_action)
                self.lead_action = None
            self.make(block.text, (block.start, block.end), 0.8, **context)
            self.pending = []
            return
        # An item is an action by its note, a responsibility it states, or its wording: "ska
        # vara fossilfria 2028" under a list of goals is a target, not something to do.
        explicit = note or states_responsibility(plain)  # its parties: read if needed only
        parties = self.parties(plain, **context) if explicit else None
        acted = parties is not None and is_action(plain, note, parties, self.today)
        if acted or cues.strength(plain):
            if parties is None:
                parties = self.parties(plain, **context)
            self.make(block.text, (block.start, block.end), 0.7, (plain, note, parties))
            self.pending = []
        else:
            self.pending.append(block)
            if _DIGIT.search(block.marker or "") and _CAPTION.match(plain):
                self.caption = block

    def _read_from(self, block: Block) -> bool:
        span = self.last.span if self.last else None
        return span is not None and block.start <= span[0] < block.end

    def paragraph(self, block: Block) -> None:
        plain, note = status_notes.split_note(block.text)
        plain = plain.replace("*", "").strip()
        if self.record_line(block, block.text.replace("*", "").strip()):
            return
        period = cues.PERIOD.search(plain) if "genomför" in fold(plain) else None  # its word
        if period:
            self.period = find_deadline(period.group(0), default_year=self.default_year)
        # The sentences are split only when asked for: a paragraph with a note is one action.
        spans = None
        if cues.is_completion(plain):
            spans = self.sentence_spans(block)
            if len(spans) <= 1:
                self.complete(plain)
                return
        prose_only = self.prose_only
        if not prose_only:
            if self.pending and RESPONSIBILITY_ONLY.match(block.text.strip()):
                body = "\n\n".join([*(b.text for b in self.pending), block.text])
                self.joined(body, block, 0.85)
                return
            if not note and spans is None:
                spans = self.sentence_spans(block)
            explicit = note or any(
                states_responsibility(s) and not is_negative(s)
                for s in (sentence for sentence, _ in spans or ())
            )
            if explicit:
                parties = self.parties(plain)
                if is_action(plain, note, parties, self.today):
                    sure = note or any(p.kind == "responsible" for p in parties)
                    self.make(block.text, (block.start, block.end), 0.85 if sure else 0.6,
                              (plain, note, parties))  # fmt: skip
                    self.pending, self.tentative = [], []
                    return
        used = self.sentences(spans if spans is not None else self.sentence_spans(block))
        if not prose_only:
            self.pending.append(block)
            self.tentative += used

    def joined(self, body: str, block: Block, confidence: float) -> None:
        """The pending paragraphs and `block` as one action, in place of their sentences'."""
        self.actions = [a for a in self.actions if all(a is not t for t in self.tentative)]
        self.make(body, (self.pending[0].start, block.end), confidence)
        self.pending, self.tentative = [], []

    def sentence_spans(self, block: Block) -> list[tuple[str, tuple[int, int]]]:
        """The block's sentences with their source spans.

        A block mended across a page break (a page number dropped between its halves) is
        split by its own words, each sentence spanning the whole block.
        """
        if normalise(self.text[block.start : block.end]) != block.text:
            return [
                (block.text[a:b], (block.start, block.end)) for a, b in cues.sentences(block.text)
            ]
        return [
            (normalise(self.text[a:b]), (a, b))
            for a, b in cues.sentences(self.text, block.start, block.end)
        ]

    def sentences(self, spans: list[tuple[str, tuple[int, int]]]) -> list[Action]:
        """One action per sentence that states one: the actions."""
        used: list[Action] = []
        for sentence, (start, end) in spans:
            if cues.is_completion(sentence):
                self.complete(sentence)
                continue
            if told_of_earlier(sentence, used):  # "Arbetet har ännu inte påbörjats …"
                self.complete(sentence, used[-1:])  # and its time, if it has none
                continue
            strength = cues.strength(sentence)
            delivery = None
            if strength != cues.STRONG:
                beside = used[-1] if used else None
                delivery = cues.delivered_by(sentence, self.actions, beside)
            if delivery is not None:
                self.complete(sentence, [delivery])
            elif strength:
                previous = self.last.responsible if self.last else None
                action = self.make(sentence, (start, end), strength, previous=previous)
                # Surer when the sentence also names who does the work.
                action.confidence += 0.05 if action.responsible else -0.05
                used.append(action)
        for earlier in cues.superseded(used):
            self.actions.remove(earlier)
            used.remove(earlier)
        return used
