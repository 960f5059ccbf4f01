"""Sentences that never state an action, whatever their verbs.

The annotation rules: approvals and notings, financial targets and budget frames, permissions,
scope exclusions, priorities and goals, standing responsibilities, scheduled decisions of
political bodies, forwarding of the decision, quotes, questions and proposals not adopted.
"""

from __future__ import annotations

import re

from styr.extract.caching import per_document
from styr.extract.folding import fold

# Sentences that never state an action. One alternation tried at every position of every
# sentence was the extractor's slowest pattern, so the cues are split: the ones anchored at the
# start are tried once with match(), a question mark at the end is one endswith(), and each
# other group runs only when the folded sentence contains one of its words, without which none
# of its alternatives can match (each word is spelt out in each of the group's alternatives).
_NEGATIVE_START = re.compile(
    # decisions that take effect by themselves, as an att-clause or list item
    r"(?:att\s+)?(?:godkänna|anta|notera|fastställa|lägga|göra\s+(?:en\s+)?avsättning|avsätta|"
    r"bevilja|anvisa|överlämna|återremittera|bifalla|avslå|besvara|förklara|välja|utse|"
    r"entlediga)\b|"
    # priorities and goals as a heading-like start; standing responsibilities; quotes
    r"(?:mer\s+|ökat\s+)?fokus\b|mål\s*:|ansvarig\s+för\s+att\b|[–—”\"]",
    re.IGNORECASE,
)
_NEGATIVE_GROUPS = tuple(
    (words, re.compile(pattern, re.IGNORECASE))
    for words, pattern in [
        # approvals, notings, adoption
        (
            ("godkänns", "noteras", "antas", "fastställs", "handlingarna", "bifalls", "avslås"),
            r"(?:godkänns|noteras|antas|fastställs|läggs\s+till\s+handlingarna|bifalls|avslås)"
            r"\W*$",
        ),
        (
            ("beslut",),
            r"\bbeslutar\s+(?:att\s+)?(?:godkänna|anta|notera|fastställa|lägga\s+\S+\s+till\s+"
            r"handl)|"
            # scheduled decisions of political bodies
            r"\bbeslut(?:et)?\b[^.]{0,60}\b(?:är\s+planerat|planeras|kommer\s+att\s+fattas|"
            r"fattas|sker)\b|\bbeslutar\s+om\b|\bslutgiltiga\s+beslutet\b",
        ),
        # "Motionen anses besvarad": a decision that takes effect by itself
        (("anses",), r"\banses\s+(?:vara\s+)?(?:besvarad|bifallen|avslagen|behandlad)\b"),
        (
            ("noterar", "godkänner"),
            r"\b(?:noterar|godkänner)\s+(?:informationen|redovisningen|rapporten)",
        ),
        # money: targets, frames, reserves, grants
        (
            (
                "överskott",
                "underskott",
                "mnkr",
                "miljoner",
                "mkr",
                "budgetram",
                "resultatutjämning",
                "avsättning",
                "balanskravsresultat",
                "tilläggsfinansiering",
            ),
            r"\böverskott|\bunderskott|\bmnkr\b|\bmiljoner\s+kronor|\bmkr\b|\bbudgetram|"
            r"\bresultatutjämning|\bavsättning|\bbalanskravsresultat|\btilläggsfinansiering",
        ),
        # financial targets in words: "ska redovisa ett resultat i balans", "hålla sig inom ram"
        (
            ("balans", "inom "),
            r"\b(?:resultat|budget|ekonomi)\s+i\s+balans\b|\binom\s+(?:\w+\s+)?(?:budget)?ram(?:en)?\b",
        ),
        # permissions, scope, possibilities
        (
            ("får",),
            r"\bfår\s+(?:även\s+|också\s+|dock\s+)?(?:föreslå|ta\s+upp|överväga|anlita|"
            r"använda)\b|"
            # a rule in the passive: "Personalfester får hållas högst två gånger per år"
            r"\bfår\s+(?:inte\s+|endast\s+|bara\s+|även\s+|också\s+)?[a-zåäö]*[^s\W\d_]as\b",
        ),
        # standing responsibilities: for a field ("Nämnden ansvarar för gator och parker"), or
        # for a rule being kept ("Varje chef ansvarar för att riktlinjen följs")
        (
            ("ansvarar",),
            r"\bansvarar\s+för\s+(?!att\b|genomförandet\b|uppdraget\b|åtgärden\b)|"
            r"\bansvarar\s+för\s+att\s+[^.]{0,80}\b(?:följs|efterlevs|uppfylls)\b",
        ),
        # goals stated as what a body is to be: "Kommunen ska vara ett föredöme"
        (("ska vara", "skall vara"), r"\b(?:ska|skall)\s+vara\s+(?:ett|en)\s+(?!del\b)"),
        (
            ("inte",),
            r"\bingår\s+inte\b|\bomfattar\s+inte\b|\b(?:ska|skall)\s+(?:dock\s+)?inte\b|"
            r"\binte\s+(?:ska|skall)\b",
        ),
        # priorities, goals, purposes
        (
            ("prioriter", "fokusområd"),
            r"\b(?:har|är|blir|har\s+\S+)\s+(?:\S+\s+)?prioriter\w*|"
            # not in a purpose clause: "se över tiderna så att skolans behov prioriteras"
            r"^(?:(?!\b(?:så|för)\s+att\b).)*\bprioriter(?:ats|as)\b|"
            r"\bfokusområd",
        ),
        (
            ("mål", "syftet"),
            r"\bmål(?:et|sättningen)\s+(?:\S+\s+){0,4}är\s+att\b|\bsyftet\s+(?:\S+\s+){0,4}är\b",
        ),
        # measurable targets: "Andelen … ska öka till 80 procent", "… ska minska med 50 procent"
        (
            ("andelen", "antalet", "procent", "%"),
            r"\b(?:andelen|antalet)\b[^.]*\b(?:ska|skall)\s+(?:öka|minska|fördubblas|halveras|"
            r"uppgå|vara)\b|"
            r"\b(?:ska|skall)\s+(?:öka|minska|sjunka)\s+(?:till|med)\s+[\d,]+\s*(?:procent|%)",
        ),
        # forwarding, quotes, proposals not adopted
        (
            (
                "behandlas",
                "protokollsutdrag",
                "handlingarna",
                "expedieras",
                "säger",
                "återremiss",
                "yrkar",
                "reserverar",
            ),
            r"\bväntas\s+behandlas\b|\bprotokollsutdrag\b|\bbiläggas\s+handlingarna\b|"
            r"\bexpedieras\b|,\s+säger\s|\båterremiss|\byrkar\b|\breserverar\s+sig\b",
        ),
        # the chair's propositions and a motion's own proposals ("Ordföranden finner att
        # nämnden bifaller …", "Motionären föreslår att …", "I motionen föreslås att …")
        (
            ("finner", "proposition", "motion"),
            r"\bfinner\s+att\b|\bproposition\b|\bmotionär(?:en|erna)?\s+(?:\w+\s+)?föresl|"
            r"\bi\s+motionen\s+föresl|\bmotionen\s+föreslår\b",
        ),
    ]
)


@per_document
def is_negative(sentence: str) -> bool:
    """Whether the sentence is of a kind that never states an action (approvals, money …)."""
    sentence = sentence.strip()
    if sentence.endswith("?") or _NEGATIVE_START.match(sentence):
        return True
    if not sentence.isascii() and ("İ" in sentence or "ı" in sentence or "ſ" in sentence):
        folded = fold(sentence)
    else:
        folded = sentence.lower()  # what fold() gives, without its mapping per character
    # A loop, not any() over a generator of has_any calls: two frames fewer per group.
    contains = folded.__contains__
    for words, pattern in _NEGATIVE_GROUPS:
        if any(map(contains, words)) and pattern.search(sentence):
            return True
    return False
