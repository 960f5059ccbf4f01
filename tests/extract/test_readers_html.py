"""Web pages: the page's own text, its headings, lists and tables marked; menus, banners,
cookie notices and footers left out."""

import pytest

from styr.extract.document import extract_file
from styr.extract.readers import UnreadableDocument, read_document

PAGE = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Handlingsplan | Exempelby kommun</title>
<style>body { color: black }</style><script>var menu = "Startsida";</script></head>
<body>
<a class="skip-link" href="#innehall">Till innehållet</a>
<header class="site-header"><a href="/">Exempelby kommun</a>
  <nav><ul><li><a href="/bo">Bo och leva</a></li><li><a href="/styrning">Styrning</a></li></ul></nav>
</header>
<div class="breadcrumbs"><a href="/">Start</a> / <a href="/styrning">Styrning</a></div>
<div id="cookie-banner">Vi använder kakor. <button>Godkänn</button></div>
<main id="innehall">
  <article>
    <header><h1>Handlingsplan för trygghet 2025</h1><p>Publicerad 3 mars 2025</p></header>
    <p>Kommunstyrelsen beslutade den 12 februari att anta planen.</p>
    <h2>Åtgärder</h2>
    <ul>
      <li>Belysningen i gång- och cykeltunnlar ses över. Ansvarig: tekniska nämnden. Klart senast 2025-10-31.
      <li>Trygghetsvandringar genomförs i varje stadsdel under hösten 2025. <em>Pågår.</em></li>
    </ul>
    <table>
      <thead><tr><th>Åtgärd</th><th>Ansvarig</th><th>Klart</th><th>Status</th></tr></thead>
      <tbody>
        <tr><td>Ny kameraövervakning vid resecentrum</td><td>Säkerhetschef</td><td>2026-03-31</td><td>Ej påbörjad</td></tr>
      </tbody>
    </table>
  </article>
  <aside><h2>Relaterat</h2><p>Läs också om krisberedskap.</p></aside>
</main>
<footer class="site-footer"><p>Exempelby kommun, 123 45 Exempelby. Telefon 0123-45 67 89.</p></footer>
</body></html>
"""


def page(tmp_path, html=PAGE, name="plan.html", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    return path


def test_navigation_header_footer_and_scripts_are_left_out(tmp_path):
    text = read_document(page(tmp_path))
    for chrome in (
        "Bo och leva", "Till innehållet", "Start / Styrning", "kakor", "Godkänn",
        "Telefon", "var menu", "color: black", "Läs också", "| Exempelby kommun",
    ):  # fmt: skip
        assert chrome not in text


def test_headings_lists_tables_and_italics_are_marked(tmp_path):
    text = read_document(page(tmp_path))
    assert text.startswith("# Handlingsplan för trygghet 2025\n\nPublicerad 3 mars 2025")
    assert "\n\n## Åtgärder\n\n" in text
    assert "- Belysningen i gång- och cykeltunnlar ses över. Ansvarig: tekniska nämnden." in text
    assert "- Trygghetsvandringar genomförs i varje stadsdel under hösten 2025. *Pågår.*" in text
    assert (
        "| Åtgärd | Ansvarig | Klart | Status |\n"
        "| Ny kameraövervakning vid resecentrum | Säkerhetschef | 2026-03-31 | Ej påbörjad |"
    ) in text


def test_a_page_without_main_keeps_its_body_but_not_its_menus(tmp_path):
    html = (
        "<html><body><div class='menu'><a>Kontakt</a></div>"
        "<div role='navigation'><a>Om oss</a></div>"
        "<h3>Uppdrag</h3><p>Förvaltningen ska utreda en ny skolstruktur.<br>Klart 2026.</p>"
        "<div style='display: none'>Dold text</div></body></html>"
    )
    assert read_document(page(tmp_path, html)) == (
        "### Uppdrag\n\nFörvaltningen ska utreda en ny skolstruktur.\nKlart 2026."
    )


def test_a_layout_table_is_read_as_blocks_and_its_data_table_as_rows(tmp_path):
    html = (
        "<table><tr><td><p>Inledning om planen.</p>"
        "<table><tr><th>Åtgärd</th><th>Ansvar</th></tr><tr><td>Ny | webb</td><td>IT-chef</td></tr></table>"
        "</td></tr></table>"
    )
    text = read_document(page(tmp_path, html))
    assert text == "Inledning om planen.\n\n| Åtgärd | Ansvar |\n| Ny / webb | IT-chef |"


def test_a_page_in_windows_1252_names_its_charset(tmp_path):
    html = '<html><head><meta charset="windows-1252"></head><body><p>Åtgärd för äldre</p></body></html>'
    path = page(tmp_path, html, name="gammal.htm", encoding="cp1252")
    assert read_document(path) == "Åtgärd för äldre"


def test_the_actions_of_a_web_page_are_extracted_from_its_list_and_table(tmp_path):
    document = extract_file(page(tmp_path))
    titles = [action["title"] for action in document["actions"]]
    assert "Ny kameraövervakning vid resecentrum" in titles
    row = next(a for a in document["actions"] if a["title"].startswith("Ny kamera"))
    assert row["deadline"]["date"] == "2026-03-31"
    assert row["status"]["code"] == "not_started"
    assert not any("Exempelby kommun, 123 45" in action["text"] for action in document["actions"])


def test_a_page_nested_beyond_reason_is_refused_by_name(tmp_path):
    path = page(tmp_path, "<div>" * 100_000 + "text", name="djup.html")
    with pytest.raises(UnreadableDocument, match="djup.html: the page's elements are nested"):
        read_document(path)


def test_field_labels_in_row_headings_and_description_lists_stay_with_their_values(tmp_path):
    html = (
        "<main><h2>Återvinningscentral i norr</h2>"
        "<table><tr><th>Ansvarig</th><td>Renhållningschefen</td></tr>"
        "<tr><th>Status:</th><td>Pågående</td></tr></table>"
        "<h2>Laddstolpar vid förskolor</h2>"
        "<dl><dt>Ansvarig organisation</dt><dd>Fastighetsbolaget</dd>"
        "<dt>Tidsplan</dt><dd>2026–2027</dd></dl></main>"
    )
    assert read_document(page(tmp_path, html)) == (
        "## Återvinningscentral i norr\n\n"
        "Ansvarig: Renhållningschefen\nStatus: Pågående\n\n"
        "## Laddstolpar vid förskolor\n\n"
        "Ansvarig organisation: Fastighetsbolaget\nTidsplan: 2026–2027"
    )


def test_a_page_saved_as_utf_16_is_read(tmp_path):
    html = "<html><body><p>Åtgärd för äldre</p></body></html>"
    path = tmp_path / "sparad.htm"
    path.write_bytes(html.encode("utf-16"))  # with its byte order mark
    assert read_document(path) == "Åtgärd för äldre"
