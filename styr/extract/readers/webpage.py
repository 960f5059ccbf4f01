"""Web pages (.html): the page's own text, without its navigation, header and footer.

Municipal pages wrap a few paragraphs of decisions in menus, breadcrumbs, cookie notices and
footers; the segmenter would read those as headings and actions. The page is parsed into a
small tree (the standard library's tokenizer, with the few implied end tags that matter),
then written out as marked-up text: headings as "# ", list items as "- ", a table's rows as
"| a | b |", italics as "*…*". When the page marks its main content (<main>, role="main"),
only that is read.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from styr.extract.readers.limits import Budget, UnreadableDocument

# Never text of the page's own: navigation, chrome, code, forms' controls.
SKIPPED = {
    "head", "script", "style", "noscript", "template", "nav", "aside",
    "svg", "iframe", "button", "select", "option", "textarea", "object", "canvas", "map",
}  # fmt: skip
SKIPPED_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu"}
# Class and id words of site chrome in the common publishing systems (SiteVision, EPiServer,
# WordPress, Drupal): whole words, so "content-header" in an article is not dropped.
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|cookie\w*|skip\w*|sidebar|"
    r"site-?header|site-?footer|share|social)(?:$|[\s_-])",
    re.IGNORECASE,
)
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
BLOCKS = {
    "p", "div", "section", "article", "main", "body", "html", "li", "ul", "ol", "dl", "dt",
    "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre",
    "figure", "figcaption", "address", "form", "fieldset", "details", "summary",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr",
}  # fmt: skip
# An open element that a new start tag closes (HTML's implied end tags, the common ones).
_CLOSED_BY = {
    "p": BLOCKS - {"br"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "td": {"td", "th", "tr"},
    "th": {"td", "th", "tr"},
    "tr": {"tr"},
    "option": {"option"},
}
_ITALIC = {"em", "i"}
_HEADING = re.compile(r"h([1-6])")


class Node:
    """An element: its tag, its children, and whether it is site chrome (never read)."""

    __slots__ = ("tag", "skip", "children")

    def __init__(self, tag: str, skip: bool = False):
        self.tag = tag
        self.skip = skip
        self.children: list[Node | str] = []


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]
        self.main: Node | None = None
        self.hidden = 0  # open elements that are skipped: a <main> inside one is not the page's

    def handle_starttag(self, tag, attrs):
        while len(self.stack) > 1 and tag in _CLOSED_BY.get(self.stack[-1].tag, ()):
            self._pop()
        named = {name: value or "" for name, value in attrs}
        node = Node(tag, _skipped(tag, named))
        self.stack[-1].children.append(node)
        main = tag == "main" or named.get("role", "").lower() == "main"
        if main and self.main is None and not self.hidden and not node.skip:
            self.main = node
        if tag not in VOID:
            self.stack.append(node)
            self.hidden += node.skip

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self._pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                while len(self.stack) > depth:
                    self._pop()
                return
            if tag in ("ul", "ol", "table") and self.stack[depth].tag in ("ul", "ol", "table"):
                return  # a stray end tag does not close an outer list or table

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def _pop(self):
        self.hidden -= self.stack.pop().skip


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
FEED = 256 * 1024  # characters parsed between two looks at the time budget


def read_html(data: bytes, budget: Budget) -> str:
    builder = _TreeBuilder()
    # Comments go first: the tokenizer gives an unclosed one back as text, a browser does not.
    text = _COMMENT.sub("", decode(data))
    for start in range(0, len(text), FEED):
        budget.tick()
        builder.feed(text[start : start + FEED])
    builder.close()
    writer = _Writer(budget)
    try:
        if builder.main is not None:
            writer.element(builder.main)
        else:
            writer.block(builder.root)
    except RecursionError as error:
        raise UnreadableDocument("the page's elements are nested too deeply to read") from error
    writer.flush()
    return "\n\n".join(writer.blocks)


def decode(data: bytes) -> str:
    """The page's own charset when it names one, else UTF-8, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")  # saved by Windows programs
    declared = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.I)
    encodings = [declared.group(1).decode("ascii")] if declared else []
    for encoding in [*encodings, "utf-8-sig", "cp1252"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")  # pragma: no cover: cp1252 covers bytes


_EMPTY_ITALIC = re.compile(r"\*\s*\*")  # an <em> with nothing in it, or two side by side
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _skipped(tag: str, attrs: dict[str, str]) -> bool:
    if tag in SKIPPED or attrs.get("role", "").lower() in SKIPPED_ROLES:
        return True
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if "style" in attrs and _HIDDEN_STYLE.search(attrs["style"]):
        return True
    words = f"{attrs.get('class', '')} {attrs.get('id', '')}"
    return bool(words.strip()) and bool(_CHROME.search(words))


def _has(node: Node, tags: set[str]) -> bool:
    return any(
        isinstance(child, Node) and (child.tag in tags or _has(child, tags))
        for child in node.children
    )


class _Writer:
    """Walks the tree once, gathering inline text into the current block."""

    def __init__(self, budget: Budget):
        self.budget = budget
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.in_article = 0  # an article's own <header> holds its title and date: kept

    def flush(self, prefix: str = "") -> None:
        text = "".join(self.line)
        text = "\n".join(" ".join(part.split()) for part in text.split("\n"))
        if "*" in text:
            text = _EMPTY_ITALIC.sub(" ", text)
        text = text.strip()
        self.line = []
        if text and text != "**":
            self.budget.tick()
            self.blocks.append(self.budget.add_text(prefix + text))

    def block(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.line.append(child)
            elif not child.skip:
                self.element(child)

    def element(self, node: Node) -> None:
        tag = node.tag
        heading = _HEADING.fullmatch(tag)
        if tag in ("header", "footer") and not self.in_article:
            return  # the site's banner and footer
        if tag in ("main", "article"):
            self.in_article += 1
            self.flush()
            self.block(node)
            self.flush()
            self.in_article -= 1
        elif heading:
            self.flush()
            self.inline(node)
            self.flush("#" * int(heading.group(1)) + " ")
        elif tag == "dl" and not _has(node, {"dl", "table", "ul", "ol"}):
            self.flush()
            self.definitions(node)
        elif tag == "li":
            self.flush()
            self.block(node)
            self.flush("- ")
        elif tag == "table" and not _has(node, {"table"}):
            self.flush()
            self.table(node)
        elif tag == "br":
            self.line.append("\n")
        elif tag in _ITALIC:
            self.line.append(" *")
            self.block(node)
            self.line.append("* ")
        elif tag in BLOCKS:
            self.flush()
            self.block(node)
            self.flush()
        else:
            self.block(node)

    def inline(self, node: Node) -> None:
        """A heading's text: its words only, whatever elements they sit in."""
        for child in node.children:
            if isinstance(child, str):
                self.line.append(child)
            elif not child.skip:
                self.inline(child)

    def table(self, node: Node) -> None:
        """A table's rows as "| a | b |"; a table of row headings (<th> then <td> in every
        row, as planning systems show one action's fields) as "Heading: value" lines."""
        found = _rows(node)
        labelled = bool(found) and all([cell.tag for cell in row] == ["th", "td"] for row in found)
        rows: list[str] = []
        for row in found:
            cells = [_cell_text(cell) for cell in row]
            if labelled:
                rows.append(_label(*cells))
            elif any(cells):
                rows.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        rows = [row for row in rows if row]
        if rows:
            self.budget.tick()
            self.blocks.append(self.budget.add_text("\n".join(rows)))

    def definitions(self, node: Node) -> None:
        """A description list's terms and descriptions as "Term: description" lines."""
        term = None
        lines: list[str] = []
        for child in node.children:
            if not isinstance(child, Node) or child.skip:
                continue
            if child.tag == "dt":
                if term:
                    lines.append(term)
                term = _cell_text(child)
            elif child.tag == "dd":
                lines.append(_label(term or "", _cell_text(child)))
                term = None
        if term:
            lines.append(term)
        lines = [line for line in lines if line]
        if lines:
            self.budget.tick()
            self.blocks.append(self.budget.add_text("\n".join(lines)))


def _cell_text(node: Node) -> str:
    parts: list[str] = []
    _text(node, parts)
    return " ".join("".join(parts).split())


def _label(name: str, value: str) -> str:
    if not name or not value:
        return name or value
    return f"{name} {value}" if name.endswith(":") else f"{name}: {value}"


def _rows(node: Node) -> list[list[Node]]:
    rows = []
    for child in node.children:
        if not isinstance(child, Node) or child.skip:
            continue
        if child.tag == "tr":
            rows.append(
                [c for c in child.children if isinstance(c, Node) and c.tag in ("td", "th")]
            )
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows += _rows(child)
    return rows


def _text(node: Node, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "br":
            parts.append(" ")
        elif not child.skip:
            parts.append(" ")
            _text(child, parts)
