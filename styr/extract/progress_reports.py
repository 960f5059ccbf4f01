"""A follow-up's sentence that names a piece of work and says how it stands: an action.

Annual and interim reports list their activities as sentences whose subject is the work
itself, a noun made from a verb with what it is about ("Införandet av digital nyckelhantering
är slutfört", "Arbetet med en ny bemanningsmodell har påbörjats", "Översynen av
nattorganisationen har inte startat", "Kompetensutvecklingen i demensvård genomförs
kontinuerligt"). The work is the action and the predicate its status. A bare "Arbetet pågår"
names no work of its own: it tells how the action before it stands.
"""

from __future__ import annotations

import re

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
