"""Arbitrary input never breaks a reader: it is read, or refused with UnreadableDocument."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from styr.extract.readers import UnreadableDocument
from styr.extract.readers.limits import Budget
from styr.extract.readers.pdf_layout import page_text
from styr.extract.readers.webpage import read_html

MARKUP = st.sampled_from(
    ["<p>", "</p>", "<li>", "<ul>", "</ul>", "<table>", "<tr>", "<td>", "</td>", "</table>",
     "<h2>", "</h2>", "<em>", "</em>", "<br>", "<nav>", "</nav>", "<main>", "&amp;", "|", "*",
     "<script>", "</script>", "<!--", "-->", "<div hidden>", "</div>", " ", "\n", "Åtgärd"]
)  # fmt: skip
PAGES = st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=60).map("".join)
LAYOUTS = st.lists(
    st.one_of(st.sampled_from([" " * 3, " " * 12, "\n", "\n" * 5, "\n" * 9, "•", "1. "]),
              st.text(alphabet="abcÅÄÖ. |*", max_size=15)),
    max_size=80,
).map("".join)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
@example("<p>Text</p><!--<script>var a = 1;</script>")  # a comment never closed
def test_any_web_page_is_read_or_refused(page):
    try:
        text = read_html(page.encode("utf-8", "surrogatepass"), Budget())
    except UnreadableDocument:
        return
    assert isinstance(text, str)
    assert "<script>" not in text


@settings(max_examples=300, deadline=None)
@given(LAYOUTS)
def test_any_pdf_layout_keeps_every_letter_and_digit(layout):
    def letters(text):
        return sorted(c for c in text if c.isalnum())

    assert letters(page_text(layout)) == letters(layout)
