"""Kolada's municipalities grouped by county for the comparison picker (no database)."""

from styr.kolada.counties import COUNTIES, by_county

SOME = [
    ("0000", "Riket"),
    ("0001", "Region Stockholm"),
    ("0114", "Upplands Väsby"),
    ("0180", "Stockholm"),
    ("1280", "Malmö"),
    ("1480", "Göteborg"),
    ("2584", "Kiruna"),
    ("9999", "Okänd"),
]


def test_municipalities_are_grouped_by_the_county_in_their_code_country_and_regions_first():
    groups = by_county(SOME, [], regions_label="Riket och regioner")
    assert [(g.label, [o.title for o in g.options]) for g in groups] == [
        ("Riket och regioner", ["Riket", "Region Stockholm"]),
        ("Stockholms län", ["Upplands Väsby", "Stockholm"]),
        ("Skåne län", ["Malmö"]),
        ("Västra Götalands län", ["Göteborg"]),
        ("Norrbottens län", ["Kiruna"]),
        ("99", ["Okänd"]),
    ]


def test_the_chosen_are_marked_and_their_county_says_it_holds_a_choice():
    groups = {g.label: g for g in by_county(SOME, ["1480"], regions_label="Riket och regioner")}
    assert [o.chosen for o in groups["Västra Götalands län"].options] == [True]
    assert groups["Västra Götalands län"].has_chosen
    assert not groups["Stockholms län"].has_chosen


def test_every_county_code_is_two_digits_and_named_as_a_county():
    assert len(COUNTIES) == 21
    assert all(len(code) == 2 and name.endswith("län") for code, name in COUNTIES.items())
