"""Properties of find_parties on any text: it never raises, the names it returns come from the
text, and no pattern backtracks forever on adversarial paragraphs of 100 KB."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styr.extract.responsibility import RESPONSIBLE, SUPPORTING, Party, find_parties

R, S = RESPONSIBLE, SUPPORTING


# --- properties ---------------------------------------------------------------------------------

WORDS = [
    "Ansvarig", "Ansvariga", "ansvarig", "är", "blir", "ansvarar", "för", "att", "stödja",
    ":", ",", ".", "och", "samt", "med", "stöd", "av", "i", "nära", "samspel", "som", "har",
    "ansvar", "Stöd", "–", "-", "(", ")", "\n", "\n\n", "Lisa", "Ek", "Per", "Olssons", "af",
    "Klint", "O.", "ekonomichef", "direktören", "direktörerna", "strategi-", "Respektive",
    "samtliga", "direktörer", "Socialnämnden", "HR-avdelningen", "KS", "extern", "konsult",
    "administrative", "Nacka", "Juni", "inom", "ramen", "ledningsgruppen", "  ", "\t", "\u00a0",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
)


@settings(max_examples=400, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(texts)
def test_never_raises_and_names_come_from_the_text(text):
    parties = find_parties(text)
    squashed = " ".join(text.split())
    seen = set()
    for party in parties:
        assert isinstance(party, Party)
        assert party.kind in (R, S)
        assert party.name is not None or party.role
        if party.name is not None:
            assert party.name in squashed
            assert party.name not in seen
            seen.add(party.name)


# --- speed --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ansvarig är " * 9000,
        "ansvarig är " * 9000,
        "Lisa Ek är ansvarig " * 5000,
        "som ansvarig " * 8000,
        "med stöd av " * 9000,
        "Ansvarig: " * 10000,
        "Ansvariga är " + ", ".join(["Per Olsson"] * 9000),
        "Ansvariga är " + " och ".join(["strategi- och förnyelsedirektör"] * 3000),
        " ".join(
            f"{w.capitalize()}{i % 97}x".rstrip("0123456789x")
            for i, w in enumerate(
                ("anna per lisa olsson ek klint stockholm styrelsen " * 2000).split()
            )
        ),
        "Ansvarig" + " " * 100_000 + "är Lisa Ek",
        "Rådet – " * 12000,
        "Rådet – Per Olsson ekonomichef\n" * 3000 + "ansvarig",
        "Ansvarig är " + "a-" * 50_000,
        "Lisa Ek har " * 9000 + "ansvar att",
    ],
    ids=lambda text: repr(text[:20]),
)
def test_adversarial_paragraphs_of_100_kb_return(text):
    # Speed is measured in benchmarks/extract.py; here only that no pattern backtracks forever.
    assert isinstance(find_parties(text), list)
