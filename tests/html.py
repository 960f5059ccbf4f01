"""The element that carries a page's meaning, found by XPath, so that a test asserts on a
heading, a table cell or a status label rather than on a substring anywhere in the page."""

import lxml.html


def parse(response, status: int = 200):
    """The page's element tree, after checking the status it was answered with."""
    assert response.status_code == status, f"{response.status_code}, expected {status}"
    return lxml.html.fromstring(response.content)


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
