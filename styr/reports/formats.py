"""The report formats: one name each, its renderer, media type and file ending."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from styr.reports.content import Report


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    suffix: str
    renderer: str  # "module:function", imported when first used

    def render(self, report: Report) -> bytes:
        module, function = self.renderer.split(":")
        output = getattr(importlib.import_module(module), function)(report)
        return output.encode("utf-8") if isinstance(output, str) else output


FORMATS = {
    f.name: f
    for f in [
        Format(
            "md",
            "text/markdown; charset=utf-8",
            ".md",
            "styr.reports.render_markdown:render_markdown",
        ),
        Format("html", "text/html; charset=utf-8", ".html", "styr.reports.render_html:render_html"),
        Format(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
            "styr.reports.render_docx:render_docx",
        ),
        Format("pdf", "application/pdf", ".pdf", "styr.reports.render_pdf:render_pdf"),
    ]
}


class UnknownFormat(ValueError):
    def __init__(self, name: str):
        super().__init__(f"unknown format {name!r}; valid formats: {', '.join(FORMATS)}")


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(name) from None
