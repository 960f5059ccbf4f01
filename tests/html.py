"""The element that carries a page's meaning, found by XPath, so that a test asserts on a
heading, a table cell or a status label rather than on a substring anywhere in the page."""

import lxml.html


def parse(response, status: int = 200):
    """The page's element tree, after checking the status it was answered with. Decoded by
    the response's charset: a page without <meta charset> (Django's admin) would otherwise be
    read as Latin-1."""
    assert response.status_code == status, f"{response.status_code}, expected {status}"
    parser = lxml.html.HTMLParser(encoding=response.charset or "utf-8")
    return lxml.html.fromstring(response.content, parser=parser)


def visible_text(element) -> str:
    """The element's text as read aloud: whitespace collapsed, aria-hidden parts (icons)
    left out."""
    parts = []
    if element.get("aria-hidden") == "true":
        return ""
    parts.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            parts.append(visible_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def texts(tree, xpath: str) -> list[str]:
    """The visible text of every element the XPath finds, in document order."""
    return [visible_text(element) for element in tree.xpath(xpath)]


def text(tree, xpath: str) -> str:
    """The visible text of the one element the XPath finds (fails on none or several)."""
    found = texts(tree, xpath)
    assert len(found) == 1, f"{xpath} found {len(found)} elements"
    return found[0]


def page_text(response) -> str:
    """The page's visible text, read aloud from <body> (scripts, styles and aria-hidden
    icons left out): for what a page says anywhere, e.g. that a notice appears at all."""
    (body,) = parse(response).xpath("//body")
    for hidden in body.xpath(".//script|.//style"):
        hidden.drop_tree()
    return visible_text(body)


def title(tree) -> str:
    """The page's <title>, as the browser tab and a screen reader announce it."""
    return text(tree, "//title")


def alerts(tree) -> list[str]:
    """The messages the page shouts (role="alert"): errors and refusals."""
    return texts(tree, ".//*[@role='alert']")


def messages(tree) -> list[str]:
    """The messages the page announces politely (role="status"): "saved", "sent" …"""
    return texts(tree, ".//*[@role='status']")


def row(tree, first_cell: str) -> list[str]:
    """The cells of the one table row whose first cell (th or td) reads `first_cell`."""
    rows = [
        tr
        for tr in tree.xpath(".//tr")
        if tr.xpath("./th|./td") and visible_text(tr.xpath("./th|./td")[0]) == first_cell
    ]
    assert len(rows) == 1, f"{len(rows)} rows start with {first_cell!r}"
    return [visible_text(cell) for cell in rows[0].xpath("./th|./td")]


def column(tree, heading: str, table: str = "//table") -> list[str]:
    """The body cells under the column headed `heading` in the one table found."""
    (found,) = tree.xpath(table)
    headings = [visible_text(th) for th in found.xpath("./thead/tr[last()]/th")]
    index = headings.index(heading) + 1
    return [visible_text(tr.xpath("./th|./td")[index - 1]) for tr in found.xpath("./tbody/tr")]


def field_errors(tree, name: str) -> list[str]:
    """The error messages shown beside the form field called `name` (in the field's
    wrapper: its fieldset, its `.field` block, or its paragraph)."""
    (field,) = tree.xpath(f"(.//input|.//select|.//textarea)[@name='{name}'][1]")
    wrapper = field.xpath(
        "ancestor::*[self::fieldset or self::p or self::td or self::li"
        " or contains(concat(' ', @class, ' '), ' field ')][1]"
    )
    assert wrapper, f"the field {name!r} has no wrapper to hold its errors"
    return texts(wrapper[0], ".//*[contains(concat(' ', @class, ' '), ' error ')]")


def hrefs(tree, link_text: str) -> list[str]:
    """The addresses of the links that read `link_text`."""
    return [a.get("href") for a in tree.xpath(".//a") if visible_text(a) == link_text]


def facts(element) -> dict[str, str]:
    """A description list (<dl>) as term -> description, in visible text."""
    return {
        visible_text(term): visible_text(term.getnext())
        for term in element.xpath(".//dt")
        if term.getnext() is not None and term.getnext().tag == "dd"
    }


def parse_bytes(content: bytes, encoding: str = "utf-8"):
    """The element tree of a page read some other way than the test client (a live server
    over HTTP)."""
    return lxml.html.fromstring(content, parser=lxml.html.HTMLParser(encoding=encoding))


def linked_row(tree, link_text: str) -> list[str]:
    """The data cells (td) of the one table row whose header cell holds a link that reads
    `link_text` (a header that also carries notes in smaller type, e.g. an indicator's)."""
    rows = [
        tr
        for tr in tree.xpath(".//tr[th//a]")
        if any(visible_text(a) == link_text for a in tr.xpath("./th//a"))
    ]
    assert len(rows) == 1, f"{len(rows)} rows link {link_text!r}"
    return [visible_text(cell) for cell in rows[0].xpath("./td")]
