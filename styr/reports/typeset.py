"""Typeset one PDF with Typst in a process of its own: `render_pdf` runs this file.

Typst keeps everything it lays out in a memo cache that lives as long as the process and
that Python cannot empty. In a web worker that rendered reports, each report of 2,000
actions left some 160 MB there, up to about 1.9 GB before Typst started to let go, and every
later report was laid out slower (0.54 s at first, then 0.66–1.1 s) because of the
cache it had to search. A child process starts with an empty cache, and the cache goes
with the process: each PDF costs the same, and the worker keeps its memory.

Reads one JSON object from stdin: {"template", "root", "fonts", "standard", "timestamp"
(ISO 8601), "report" (the report as JSON text)}. Writes the PDF to stdout and exits 0, or
writes Typst's message to stderr and exits 1. Imports nothing from Styr, so that it starts
in some 20 ms.
"""

import datetime as dt
import json
import sys

import typst


def main() -> int:
    job = json.load(sys.stdin)
    try:
        pdf = typst.compile(
            job["template"],
            root=job["root"],
            font_paths=[job["fonts"]],
            ignore_system_fonts=True,
            sys_inputs={"report": job["report"]},
            pdf_standards=job["standard"],
            timestamp=dt.datetime.fromisoformat(job["timestamp"]),
        )
    except typst.TypstError as error:
        sys.stderr.write(str(error))
        return 1
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
