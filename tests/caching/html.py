"""Reading pages in the caching tests: the text of elements, parsed, not searched for."""

from html.parser import HTMLParser


class _Texts(HTMLParser):
    """The text of every element with the given tag (and class, if given), in order."""

    def __init__(self, tag: str, cls: str | None):
        super().__init__()
        self.tag, self.cls = tag, cls
        self.found: list[str] = []
        self._stack: list[list[str] | None] = []  # per open `tag`: its text if it matches

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            classes = (dict(attrs).get("class") or "").split()
            self._stack.append([] if self.cls is None or self.cls in classes else None)

    def handle_endtag(self, tag):
        if tag == self.tag and self._stack:
            text = self._stack.pop()
            if text is not None:
                self.found.append(" ".join("".join(text).split()))

    def handle_data(self, data):
        for text in self._stack:
            if text is not None:
                text.append(data)


def texts(html: bytes | str, tag: str, cls: str | None = None) -> list[str]:
    if isinstance(html, bytes):
        html = html.decode()
    parser = _Texts(tag, cls)
    parser.feed(html)
    return parser.found


def classes(html: bytes | str, tag: str) -> list[list[str]]:
    """The classes of every element with the tag, in order."""

    class _Classes(HTMLParser):
        found: list[list[str]] = []

        def handle_starttag(self, name, attrs):
            if name == tag:
                self.found.append((dict(attrs).get("class") or "").split())

    if isinstance(html, bytes):
        html = html.decode()
    parser = _Classes()
    parser.found = []
    parser.feed(html)
    return parser.found
