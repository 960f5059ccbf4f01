"""Names and titles from a document matched to known people and posts."""

from types import SimpleNamespace as Known

from styr.imports.matching import edit_distance, match_person, match_post

PEOPLE = [
    Known(name="Mats Bohman", alias_names=["Mats Boman"]),
    Known(name="Anders Börjesson", alias_names=[]),
    Known(name="Anders Fredriksson", alias_names=[]),
    Known(name="Klara Palmberg Broryd", alias_names=[]),
]
POSTS = [
    Known(title="strategi- och förnyelsedirektör"),
    Known(title="stadsdirektör"),
    Known(title="natur- och trafikdirektör"),
]


def test_names_match_by_name_or_alias_ignoring_case_and_spacing():
    assert match_person("Mats Boman", PEOPLE).name == "Mats Bohman"
    assert match_person("  klara  palmberg broryd ", PEOPLE).name == "Klara Palmberg Broryd"


def test_a_variant_one_letter_away_with_the_same_first_name_matches():
    assert match_person("Mats Bohmann", PEOPLE).name == "Mats Bohman"
    assert match_person("Anders Fredrikson", PEOPLE).name == "Anders Fredriksson"


def test_an_unknown_or_ambiguous_name_is_left_for_review():
    assert match_person("Anders Svensson", PEOPLE) is None
    assert match_person("Lena Dahlstedt", PEOPLE) is None


def test_titles_match_up_to_hyphens_spacing_and_definite_form():
    assert (
        match_post("strategi och förnyelsedirektör", POSTS).title
        == "strategi- och förnyelsedirektör"
    )
    assert match_post("Stadsdirektören", POSTS).title == "stadsdirektör"
    assert match_post("natur- och trafikdirektören", POSTS).title == "natur- och trafikdirektör"
    assert match_post("ekonomidirektör", POSTS) is None


def test_edit_distance():
    assert edit_distance("bohman", "boman") == 1
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("kitten", "sitting", limit=5) == 3
