"""The public pages on a database with nothing in it (kept apart from the demo's tests,
which load the demo once for their whole module)."""

from tests import html


def test_start_page_on_an_empty_database_says_how_to_load_the_demo(client, db):
    said = html.texts(html.parse(client.get("/")), "//main//p")
    assert (
        "Ingen kommun är inlagd ännu. Kör ”styr demo” för att läsa in exemplet från Nacka." in said
    )
