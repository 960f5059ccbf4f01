"""PDF pages laid out: two columns read one after the other, a table's rows as table rows
(a wrapped cell kept in its row), numbered items apart, italics marked. The PDFs are
written by Typst in the test, with the bundled fonts."""

import pytest
import typst

from styr.extract.document import extract_file
from styr.extract.readers import read_document
from styr.extract.readers.pdf_layout import page_text
from styr.reports.render_pdf import FONT_DIR

SETUP = '#set text(font: "Liberation Sans", size: 10pt)\n'

COLUMNS = """= Handlingsplan för friluftsliv

#columns(2)[
== Åtgärder i naturen

Vandringslederna i kommunens norra del ska rustas och skyltas om under sommaren 2026. Ansvarig är fritidsförvaltningen.

Grillplatser vid badsjöarna byggs ut. Ansvarig är tekniska nämnden. Klart senast 2026-05-31.

#colbreak()
== Åtgärder i skolan

Varje grundskola ska ha minst en utedag i månaden från och med hösten 2026. Ansvarig är skolchefen.

_Arbetet har inte startat._
]
"""

TABLE = """#table(columns: 4,
  [Åtgärd], [Ansvarig], [Klart senast], [Status],
  [Ny badplats vid Storsjön], [Fritidsnämnden], [2026-06-15], [Ej påbörjad],
  [Tillgängliga fiskebryggor för personer som använder rullstol eller rullator], [Tekniska nämnden], [2027-09-30], [Pågår],
)
"""


def pdf(tmp_path, body, name="plan.pdf"):
    source = tmp_path / "plan.typ"
    source.write_text(SETUP + body, encoding="utf-8")
    path = tmp_path / name
    typst.compile(source, output=path, font_paths=[FONT_DIR], ignore_system_fonts=True)
    return path


def test_two_columns_are_read_one_after_the_other(tmp_path):
    text = read_document(pdf(tmp_path, COLUMNS))
    left = text.index("Vandringslederna i kommunens norra del ska rustas och skyltas om under")
    assert text.index("Grillplatser vid badsjöarna byggs ut.") > left
    right = text.index("Åtgärder i skolan")
    assert right > text.index("Klart senast 2026-05-31.")
    assert "Varje grundskola ska ha minst en utedag i månaden från och med hösten 2026." in text
    assert "*Arbetet har inte startat.*" in text
    assert "|" not in text


def test_a_table_is_read_row_by_row_with_wrapped_cells_kept_in_their_row(tmp_path):
    text = read_document(pdf(tmp_path, TABLE))
    assert text == (
        "| Åtgärd | Ansvarig | Klart senast | Status |\n"
        "| Ny badplats vid Storsjön | Fritidsnämnden | 2026-06-15 | Ej påbörjad |\n"
        "| Tillgängliga fiskebryggor för personer som använder rullstol eller rullator "
        "| Tekniska nämnden | 2027-09-30 | Pågår |"
    )


def test_each_row_of_a_pdf_table_is_an_action_with_its_columns(tmp_path):
    document = extract_file(pdf(tmp_path, COLUMNS + TABLE))
    actions = {a["title"]: a for a in document["actions"]}
    bath = actions["Ny badplats vid Storsjön"]
    assert (bath["deadline"]["date"], bath["status"]["code"]) == ("2026-06-15", "not_started")
    assert any(t.startswith("Tillgängliga fiskebryggor") for t in actions)


def test_numbered_items_are_paragraphs_of_their_own(tmp_path):
    body = (
        "+ Stadsbyggnadskontoret tar fram en ny parkeringsnorm för hela kommunen under 2026.\n"
        "+ Miljöenheten ansvarar för att en plan för dagvatten tas fram senast den 31 december 2026.\n"
    )
    text = read_document(pdf(tmp_path, body))
    assert "\n\n2. Miljöenheten ansvarar för att en plan för dagvatten tas fram" in text


LINE = "\n" * 13  # the layout's blank lines between two lines of a paragraph
GAP = "\n" * 25  # and between two paragraphs


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (
            f"Datum: 2026-02-01                 Dnr KS 2026/14{GAP}Text efter den.{GAP}Slut.",
            "Datum: 2026-02-01 Dnr KS 2026/14\n\nText efter den.\n\nSlut.",
        ),
        (
            f"Nämnden ska  också följa upp planen varje år och{LINE}rapportera till  fullmäktige.",
            "Nämnden ska också följa upp planen varje år och rapportera till fullmäktige.",
        ),
    ],
    ids=["one-line-of-two-cells-is-prose", "double-spaces-in-prose-make-no-table"],
)
def test_lines_that_only_look_like_cells_stay_prose(layout, expected):
    assert page_text(layout) == expected


def test_a_wider_space_between_lines_starts_a_paragraph_whatever_the_line_lengths():
    layout = (
        LINE.join(
            [
                "Förvaltningen ska ta fram en plan för att minska matsvinnet i alla kök senast",
                "den 30 juni 2026, och redovisa den för nämnden.",
            ]
        )
        + GAP
        + LINE.join(
            [
                "Nämnden ska därefter följa upp planen varje år i samband med årsredovisningen och",
                "rapportera till kommunstyrelsen.",
            ]
        )
    )
    assert page_text(layout) == (
        "Förvaltningen ska ta fram en plan för att minska matsvinnet i alla kök senast den 30 juni "
        "2026, och redovisa den för nämnden.\n\n"
        "Nämnden ska därefter följa upp planen varje år i samband med årsredovisningen och "
        "rapportera till kommunstyrelsen."
    )


def test_a_bullet_glued_to_its_text_is_a_list_item():
    layout = LINE.join(
        [
            "Åtgärder under året:",
            "•Ny webbplats för kommunen",
            "•Nytt ärendesystem i socialtjänsten",
        ]
    )
    assert page_text(layout) == (
        "Åtgärder under året:\n\n- Ny webbplats för kommunen\n\n- Nytt ärendesystem i socialtjänsten"
    )


@pytest.mark.parametrize("leading", ["0.5em", "0.9em"], ids=["single", "one-and-a-half"])
def test_paragraphs_are_whole_and_apart_at_any_line_spacing(tmp_path, leading):
    body = (
        f"#set par(leading: {leading}, spacing: 2.2em)\n"
        "Förvaltningen ska ta fram en plan för att minska matsvinnet i alla kommunens kök och "
        "redovisa den för nämnden senast den 30 juni 2026. Planen ska omfatta förskolor, skolor "
        "och äldreboenden.\n\n"
        "Nämnden ska därefter följa upp planen varje år i samband med årsredovisningen.\n"
    )
    assert read_document(pdf(tmp_path, body)) == (
        "Förvaltningen ska ta fram en plan för att minska matsvinnet i alla kommunens kök och "
        "redovisa den för nämnden senast den 30 juni 2026. Planen ska omfatta förskolor, skolor "
        "och äldreboenden.\n\n"
        "Nämnden ska därefter följa upp planen varje år i samband med årsredovisningen."
    )


def test_a_row_whose_cells_wrap_in_several_columns_stays_one_row(tmp_path):
    body = """#table(columns: (3fr, 2fr, 1fr, 2fr),
  [Åtgärd], [Ansvarig], [Klart], [Kommentar],
  [Ny idrottshall vid skolan med läktare och omklädningsrum för alla lag], [Fritidsnämnden och fastighetsbolaget], [2027-08-01], [Bygglov söks under våren och upphandlingen följer],
  [Fler papperskorgar i centrum], [Tekniska nämnden], [2026-05-01], [Klar],
)
"""
    assert read_document(pdf(tmp_path, body)) == (
        "| Åtgärd | Ansvarig | Klart | Kommentar |\n"
        "| Ny idrottshall vid skolan med läktare och omklädningsrum för alla lag "
        "| Fritidsnämnden och fastighetsbolaget | 2027-08-01 "
        "| Bygglov söks under våren och upphandlingen följer |\n"
        "| Fler papperskorgar i centrum | Tekniska nämnden | 2026-05-01 | Klar |"
    )


def test_running_headers_and_page_numbers_are_left_out_after_the_first_page(tmp_path):
    body = (
        "#set page(height: 80mm, header: [Exempelby kommun #h(1fr) Dnr KS 2026/15],\n"
        "  footer: context [Sida #counter(page).display() av #counter(page).final().first()])\n"
        + "\n\n".join(
            f"Åtgärd {number}: förvaltningen ska ta fram en rutin för uppföljning av "
            "avtalen med externa utförare och redovisa den för nämnden."
            for number in range(1, 25)
        )
    )
    text = read_document(pdf(tmp_path, body))
    pages = text.split("\f")
    assert len(pages) >= 3
    assert pages[0].startswith("Exempelby kommun Dnr KS 2026/15")
    assert text.count("Dnr KS 2026/15") == 1
    assert "Sida 2 av" not in text and "Sida 3 av" not in text
    assert all(f"Åtgärd {number}:" in text for number in range(1, 25))


def test_a_pdf_encrypted_only_against_copying_is_read_and_one_with_a_password_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from styr.extract.readers import UnreadableDocument

    source = pdf(tmp_path, "Förvaltningen ska ta fram en ny plan för lokaler.\n")
    for password, name in (("", "kopieringsskydd.pdf"), ("hemligt", "losenord.pdf")):
        writer = PdfWriter(clone_from=PdfReader(source))
        writer.encrypt(user_password=password, owner_password="ägare", algorithm="RC4-128")
        writer.write(tmp_path / name)
    assert "ta fram en ny plan för lokaler" in read_document(tmp_path / "kopieringsskydd.pdf")
    with pytest.raises(
        UnreadableDocument, match="losenord.pdf: the PDF is protected by a password"
    ):
        read_document(tmp_path / "losenord.pdf")


def test_a_pdf_encrypted_with_aes_and_no_reading_password_is_read(tmp_path):
    from pypdf import PdfReader, PdfWriter

    source = pdf(tmp_path, "Förvaltningen ska ta fram en ny plan för lokaler.\n")
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="", owner_password="ägare", algorithm="AES-256")
    writer.write(tmp_path / "aes.pdf")
    assert "ta fram en ny plan för lokaler" in read_document(tmp_path / "aes.pdf")
