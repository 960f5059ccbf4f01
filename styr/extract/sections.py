"""Which sections of a plan hold actions, read from their heading.

Under "Ekonomiska konsekvenser", "Bilagor", "Syfte" … nothing is an action (NEVER); under
"Sammanfattning", "Ärendet", "Bakgrund" … only sentences that state one (PROSE). The segmenter
tests each heading once, as it reads it.
"""

from __future__ import annotations

import re

NEVER = re.compile(
    r"^(?:ekonomiska konsekvenser|konsekvenser\b.*|bilagor|bilaga\s*\d*|handlingar|"
    r"expediering|innehåll|innehållsförteckning|syfte|motivering|propositionsordning|"
    r"yrkanden?|reservationer?|beslutsgång|särskilt yttrande|protokollsanteckningar?|"
    r"protokollsutdrag.*|prioriteringar|prioriterade områden|"
    r"fokusområden|vision|mål|målsättningar|ekonomisk ram|ekonomiska ramar)$",
    re.IGNORECASE,
)
PROSE = re.compile(
    r"^(?:förslag till beslut|beslutsförslag|sammanfattning|ärendet|bakgrund|beslut|"
    r"inledning|beskrivning av ärendet|.*förslag till beslut)$",
    re.IGNORECASE,
)
