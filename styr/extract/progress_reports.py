"""A follow-up's sentence that names a piece of work and says how it stands: an action.

Annual and interim reports list their activities as sentences whose subject is the work
itself, a noun made from a verb with what it is about ("Införandet av digital nyckelhantering
är slutfört", "Arbetet med en ny bemanningsmodell har påbörjats", "Översynen av
nattorganisationen har inte startat", "Kompetensutvecklingen i demensvård genomförs
kontinuerligt"). The work is the action and the predicate its status. A bare "Arbetet pågår"
names no work of its own: it tells how the action before it in its paragraph stands
(`told_of_earlier`), and its time ("… och planeras till våren 2025") is that action's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from styr.extract.status import classify, state_in_text

if TYPE_CHECKING:
    from styr.extract.action import Action

_REPORTED = re.compile(
    # the work: a nominalisation and what it is about
    r"\s*(?:Arbetet|Projektet|[A-ZÅÄÖ][a-zåäö-]*(?:andet|endet|ingen|ionen|naden|synen|arbetet"
    r"|projektet))\s+"
    r"(?:av|med|om|för|i|inom|kring|på)\s+[^.;:!?]{3,120}?\s+"
    # how it stands, in the present
    r"(?:är\s+(?:nu\s+)?(?:helt\s+)?(?:slutförd|slutfört|klar|klart|genomförd|genomfört|"
    r"avslutad|avslutat|färdigställd|färdigställt)|"
    r"har\s+(?:nu\s+)?(?:påbörjats|inletts|startats|startat|slutförts|genomförts|avslutats)|"
    r"har\s+(?:ännu\s+)?(?:inte|ej)\s+(?:påbörjats|inletts|startats|startat)|"
    r"pågår|genomförs\s+(?:kontinuerligt|löpande))\b"
)


def reports_progress(sentence: str) -> bool:
    """Whether the sentence names a piece of work and states how it stands."""
    return _REPORTED.match(sentence) is not None


# "Arbetet har ännu inte påbörjats …" right after an action of its paragraph: the work named
# before (no "med …", "av …" of its own), so how that action stands.
_BACK = re.compile(r"\s*(?:Arbetet|Uppdraget|Utredningen|Projektet)\s+(?!med\b|av\b|om\b|kring\b)")


def told_of_earlier(sentence: str, used: list[Action]) -> bool:
    """Whether `sentence` tells how the last of `used` (the actions read from its paragraph so
    far) stands; if so, that action takes the sentence's status statement."""
    if not used or used[-1].status_text is not None or not _BACK.match(sentence):
        return False
    note = state_in_text(sentence)
    if note is None:
        return False
    used[-1].status_text, used[-1].status_code = note, classify(note)
    return True
