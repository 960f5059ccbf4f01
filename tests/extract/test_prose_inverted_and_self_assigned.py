"""Duties in prose told with the subject after the verb, and a body assigning itself.

After a fronted adverb ("Vidare", "Dessutom", "Därefter", "Samtidigt") Swedish puts the
modal before its subject: "Vidare avser TN att upphandla …" is the committee's duty. A
subject that is no party ("Dessutom ska vägen vara klar") makes none. "Nämnden beslutar att
själv följa upp …" is the deciding body's own assignment.
"""

from styr.extract.segment import extract_actions

PLAN = """Tekniska nämnden (TN)

Planerade insatser

Gatuenheten kommer att byta ut belysningen på Ågatan. Vidare avser TN att upphandla en ny entreprenör för parkskötsel.

Dessutom ska kulturförvaltningen digitalisera arkivet. Därefter kommer nämnden att utvärdera arbetet.

Dessutom ska vägen vara klar innan skolstarten enligt tidigare beslut.
"""


def test_a_duty_after_a_fronted_adverb_is_an_action_of_its_subject():
    actions = {a.title: [p.name or p.role for p in a.responsible] for a in extract_actions(PLAN)}
    assert actions["Vidare avser TN att upphandla en ny entreprenör för parkskötsel"] == [
        "Tekniska nämnden"
    ]
    assert actions["Dessutom ska kulturförvaltningen digitalisera arkivet"] == [
        "kulturförvaltningen"
    ]
    assert actions["Därefter kommer nämnden att utvärdera arbetet"] == ["nämnden"]


def test_an_inverted_subject_that_is_no_party_makes_no_action():
    titles = [a.title for a in extract_actions(PLAN)]
    assert not any(t.startswith("Dessutom ska vägen") for t in titles)


def test_a_body_that_decides_to_act_itself_is_responsible():
    text = (
        "Protokoll 2025-02-11\n\n"
        "Beslut\n"
        "1) Socialnämnden beslutar att själv följa upp handlingsplanen vid varje sammanträde.\n"
    )
    (action,) = extract_actions(text)
    assert [p.name or p.role for p in action.responsible] == ["Socialnämnden"]
