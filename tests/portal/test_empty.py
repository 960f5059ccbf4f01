"""The public pages on a database with nothing in it (kept apart from the demo's tests,
which load the demo once for their whole module)."""


def test_start_page_on_an_empty_database_says_how_to_load_the_demo(client, db):
    assert "styr demo" in client.get("/").content.decode()
