"""Who must act, read from the context of a paragraph: a list's lead-in, a heading, the
previous clause (pronouns, "Vi"), the document (abbreviations it defines, the body that makes
its commitments) and committees in brackets. Texts written for the tests in the shapes of
follow-ups, decisions and commitment lists."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styr.extract.responsibility import RESPONSIBLE, Party, abbreviations, find_parties

R = RESPONSIBLE


def responsible(text, **context):
    return [p.role or p.name for p in find_parties(text, **context) if p.kind == R]


# --- abbreviations and committees in brackets -------------------------------------------------


def test_abbreviations_are_read_from_definitions_in_brackets():
    document = (
        "Protokoll från Kultur- och fritidsnämnden (KFN) den 3 mars. Ärendet har beretts av "
        "Kommunstyrelsen (KS) och Samhällsbyggnadsnämnden (SBN). Tekniska nämnden (TN) yttrar sig."
    )
    assert abbreviations(document) == {
        "KFN": "Kultur- och fritidsnämnden",
        "KS": "Kommunstyrelsen",
        "SBN": "Samhällsbyggnadsnämnden",
        "TN": "Tekniska nämnden",
    }


def test_abbreviations_are_read_from_a_list_of_abbreviations():
    document = "Förkortningar\nKS = Kommunstyrelsen\nVON – Vård- och omsorgsnämnden\n"
    assert abbreviations(document) == {"KS": "Kommunstyrelsen", "VON": "Vård- och omsorgsnämnden"}


def test_a_committee_abbreviation_defined_in_the_document_is_expanded():
    defined = abbreviations("Miljö- och byggnämnden (MBN) har ansvar för tillsynen.")
    assert responsible("Ansvar: MBN", abbreviations=defined) == ["Miljö- och byggnämnden"]
    assert responsible("Se över taxan för bygglov (MBN)", abbreviations=defined) == [
        "Miljö- och byggnämnden"
    ]


def test_a_committee_abbreviation_not_defined_is_kept_as_written():
    assert responsible("Ansvar: KS") == ["KS"]
    assert responsible("Ta fram en ny lokalförsörjningsplan (KS)\nPÅGÅENDE") == ["KS"]
    assert responsible("Inför avgiftsfri kollektivtrafik för unga (KS, TN).") == ["KS", "TN"]


def test_a_committee_in_brackets_is_no_political_party_and_no_definition():
    assert responsible("Yrkande från Eva Berg (SD)\n") == []
    assert responsible("Beslutet fattades av Kommunstyrelsen (KS)\n") == []


def test_a_committee_in_brackets_before_a_status_label_at_the_end_of_the_line():
    assert responsible("Ta fram en plan för laddplatser (KS) PÅGÅENDE") == ["KS"]
    assert responsible("Ta fram en plan för laddplatser (KS). Klar") == ["KS"]
    assert responsible("Remissen gick till Tekniska nämnden (TN) och\nvidare") == []


def test_a_committee_heading_with_its_abbreviation():
    assert responsible(
        "Se över skolskjutsreglerna. PÅGÅENDE", heading="Barn- och skolnämnden (BSN)"
    ) == ["Barn- och skolnämnden"]


def test_abbreviations_defined_inline_with_equals_signs():
    document = (
        "Förkortningar: KS = kommunstyrelsen, VON = vård- och omsorgsnämnden.\nKS: Ta fram en plan"
    )
    assert abbreviations(document) == {"KS": "kommunstyrelsen", "VON": "vård- och omsorgsnämnden"}


# --- lead-in, pronouns, headings, the document --------------------------------------------


def test_a_bracket_that_abbreviates_nothing_before_it_defines_nothing():
    assert abbreviations("Planen följs upp enligt den nationella modellen (LUPP).") == {}
    assert abbreviations("Ansvar för uppföljningen har enheten (KS).") == {}


def test_a_definition_in_brackets_after_the_subject_is_no_part_of_its_name():
    assert responsible("Miljönämnden (MN) får i uppdrag att kartlägga dagvattnet.") == [
        "Miljönämnden"
    ]
    assert responsible("Gymnasienämnden (GN) ska utreda nya program.") == ["Gymnasienämnden"]


def test_a_body_in_lower_case_with_its_abbreviation_is_the_one_given_the_assignment():
    text = "Kommunstyrelsen (KS) ger fritidsnämnden (FN) i uppdrag att se över taxorna."
    assert responsible(text) == ["fritidsnämnden"]
    assert abbreviations(text) == {"KS": "Kommunstyrelsen", "FN": "fritidsnämnden"}


def test_a_lower_case_bracket_after_words_that_name_no_body_defines_nothing():
    assert abbreviations("Arbetet följer den regionala planen (RP) för trafiken.") == {}


def test_vi_in_a_commitment_list_is_the_body_named_in_the_lead_in():
    lead = "Löftena som Ekby kommun har antagit är:"
    assert responsible("Vi ställer miljökrav i alla upphandlingar", lead_in=lead) == ["Ekby kommun"]
    lead = "Västerby kommun har antagit följande löften för 2025–2027:"
    assert responsible("Vi minskar matsvinnet i skolorna.", lead_in=lead) == ["Västerby kommun"]


def test_vi_without_a_body_in_the_context_names_no_one():
    assert responsible("Vi minskar matsvinnet i skolorna.", lead_in="Löftena är:") == []


def test_a_pronoun_is_the_previous_clauses_responsible():
    previous = find_parties("Nämnderna fick i uppdrag att ta fram besparingsförslag.")
    assert responsible(
        "De fick också i uppdrag att beskriva konsekvenserna.", previous=previous
    ) == ["Nämnderna"]
    assert responsible(
        "Fullmäktige uppmanar dessa att rapportera varje kvartal.", previous=previous
    ) == ["Nämnderna"]


def test_an_item_under_a_lead_in_with_a_duty_takes_its_subject():
    assert responsible(
        "analysera behovet av nya särskilda boenden,", lead_in="Utredaren ska bl.a."
    ) == ["Utredaren"]
    assert responsible(
        "analysera behovet av nya särskilda boenden,", heading="Utredaren ska bland annat"
    ) == ["Utredaren"]


def test_a_committee_heading_above_a_group_of_lines():
    assert responsible(
        "Översyn av taxan för hemtjänst. PÅGÅENDE", heading="Vård- och omsorgsnämnden"
    ) == ["Vård- och omsorgsnämnden"]
    assert (
        responsible("Översyn av taxan för hemtjänst. PÅGÅENDE", heading="Uppdrag från fullmäktige")
        == []
    )


def test_the_text_itself_wins_over_its_context():
    assert responsible(
        "Kulturnämnden ska ta fram en konstpolicy.", heading="Kommunstyrelsen", lead_in="KS ska:"
    ) == ["Kulturnämnden"]


def test_a_labelled_organisation_is_kept_as_written():
    assert responsible("Ansvarig organisation: Trafikverket . Status: Pågående") == ["Trafikverket"]
    assert responsible("Ansvar: Region Västerby") == ["Region Västerby"]


def test_vi_in_a_list_whose_lead_in_names_no_body_is_the_body_the_document_says_commits():
    document = (
        "Ekby kommuns klimatlöften\n\n"
        "Miljöutskottet föreslår kommunstyrelsen att avge tio klimatlöften för 2025–2027.\n\n"
        "De löften som föreslås är:\n\n"
        "1. Vi minskar matsvinnet i skolorna.\n"
        "2. Våra nya bilar är elbilar.\n"
    )
    lead = "De löften som föreslås är:"
    assert responsible("Vi minskar matsvinnet i skolorna.", lead_in=lead, document=document) == [
        "kommunstyrelsen"
    ]
    assert responsible("Våra nya bilar är elbilar.", lead_in=lead, document=document) == [
        "kommunstyrelsen"
    ]
    assert responsible(
        "Vi minskar matsvinnet.", document="Västerby kommun har antagit följande löften."
    ) == ["Västerby kommun"]


def test_a_long_lead_in_is_read_where_it_introduces_the_list():
    lead = (
        "Inspektionen genomförde tillsyn av Ekby kommun under våren. Inspektionen har nu följt "
        "upp de brister som framkom. Inspektionen konstaterar att Ekby kommun inte uppfyller "
        "kraven avseende att:"
    )
    assert responsible("Eleverna får stöd i undervisningen.", lead_in=lead) == ["Ekby kommun"]


def test_a_labelled_value_the_grammar_does_not_know_is_kept_piece_by_piece():
    assert responsible(
        "Ansvarig organisation: Länsstyrelsen i Ekby län, kommunerna\nTidsplan: 2026"
    ) == [
        "Länsstyrelsen i Ekby län",
        "kommunerna",
    ]
    assert responsible("Ansvar: Samhällsbyggnadsnämnden och tekniska nämnden") == [
        "Samhällsbyggnadsnämnden",
        "tekniska nämnden",
    ]


def test_a_passive_duty_opened_by_a_pronoun_is_done_by_the_previous_clauses_responsible():
    previous = [Party(None, "Ekby kommun", R)]
    assert responsible(
        "De vidtagna åtgärderna ska senast samma dag redovisas skriftligen.", previous=previous
    ) == ["Ekby kommun"]


def test_a_heading_or_lead_in_naming_whose_tasks_follow():
    assert responsible(
        "Ta fram en plan för skolgårdarna.", heading="Barn- och skolnämndens uppdrag"
    ) == ["Barn- och skolnämnden"]
    assert responsible(
        "Erbjud alla nyanställda en introduktion.",
        lead_in="Vård- och omsorgsförvaltningens åtaganden:",
    ) == ["Vård- och omsorgsförvaltningen"]


def test_vi_prefers_the_committing_body_over_a_heading():
    document = "Miljöutskottet föreslår kommunstyrelsen att avge följande löften.\n\nVi cyklar mer."
    assert responsible("Vi cyklar mer.", heading="Kommunens klimatlöften", document=document) == [
        "kommunstyrelsen"
    ]
    assert responsible("Vi cyklar mer.", heading="Kommunens klimatlöften") == ["Kommunen"]


# --- properties ---------------------------------------------------------------------------------

CONTEXT_WORDS = [
    "Vi", "De", "Dessa", "dessa", "Kommunstyrelsen", "(KS)", "KS", "=", "kommunstyrelsen", "ger",
    "nämnden", "i", "uppdrag", "att", "ska", "har", "antagit", "föreslår", "avge", "löften",
    "Ansvarig", ":", ",", ".", "och", "Barn-", "utbildningsnämnden", "(BUN)", "\n", "–", "säger",
    "Anna", "Ek", "får", "av", "tas", "fram", "kommer", "Under", "2025",
]  # fmt: skip
context_texts = st.one_of(
    st.none(),
    st.text(max_size=200),
    st.lists(st.sampled_from(CONTEXT_WORDS), max_size=40).map(" ".join),
)


@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(context_texts, context_texts, context_texts, context_texts)
def test_any_context_never_raises_and_names_come_from_the_texts(text, lead_in, heading, document):
    text = text or ""
    defined = abbreviations(document or "")
    previous = find_parties(lead_in or "")
    parties = find_parties(
        text,
        lead_in=lead_in,
        heading=heading,
        abbreviations=defined,
        previous=previous,
        document=document,
    )
    everything = " ".join(
        " ".join(t.split()) for t in (text, lead_in or "", heading or "", document or "")
    )
    for party in parties:
        assert party.kind in (R, "supporting")
        assert party.name is not None or party.role
        if party.name is not None:
            assert party.name in everything


def test_a_deficiency_in_a_supervisory_decision_is_for_its_addressee_to_remedy():
    document = (
        "Beslut efter tillsyn\n\nInspektionen har granskat Västerby skola. Inspektionen "
        "konstaterar att Ekby kommun inte uppfyller författningskraven avseende att:\n\n"
        "Eleverna får det stöd de behöver.\n\nSkolans lokaler är tillgängliga."
    )
    assert responsible("Eleverna får det stöd de behöver.", document=document) == ["Ekby kommun"]
    ordered = (
        "Inspektionen förelägger med stöd av 26 kap. skollagen Ekby kommun att åtgärda bristerna."
    )
    assert responsible("Skolans lokaler är tillgängliga.", document=ordered) == ["Ekby kommun"]
    plan = "Ekby kommun har en plan för skolan. Kommunen uppfyller inte alla mål."
    assert responsible("Eleverna får det stöd de behöver.", document=plan) == []
