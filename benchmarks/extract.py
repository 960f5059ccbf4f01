"""Benchmark: `styr extract` on the memo and on a large generated plan document.

Prints the median time to extract the Nacka memo (aim: under 50 ms) and the throughput on three
generated documents of 100,000 words (aim: over 1 MB of text per second): one made of the
memo's own paragraphs reshuffled (prose and actions mixed as in a real plan), one where
every paragraph is an action (the hard case) and one of the other formats municipalities
publish (lists read by their lead-in, att-clauses, Stratsys views, labelled records, news).
Pure Python: no database is touched.

    .venv/bin/python benchmarks/extract.py [--words 100000] [--runs 15]
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from styr.extract.document import extract_file, extract_text  # noqa: E402

MEMO = ROOT / "styr" / "demo" / "nacka2015-memo.txt"
PEOPLE = ["Anna Svensson", "Per Olsson", "Lisa Ek", "Karin Berg", "Johan Lind", "Eva Holm"]
TITLES = ["ekonomichef", "personaldirektör", "kommundirektör", "socialchef", "IT-chef"]
WHEN = ["under våren 2017", "senast den 31 december 2017", "under första kvartalet 2018",
        "hösten 2017", "till årsskiftet 2017/2018", "vecka 12 2018", "tertial 2 2018"]  # fmt: skip
NOTES = ["*Genomfört.*", "*Arbetet pågår, beräknas vara klart hösten 2017.*", "*Ej påbörjad.*",
         "*Pågår kontinuerlig utveckling.*", ""]  # fmt: skip


def memo_shaped(words: int, seed: int = 1) -> str:
    """The memo's own paragraphs (prose, headings, actions, notes) reshuffled to `words` words,
    with other names and years: a long plan as real ones read."""
    rng = random.Random(seed)
    blocks = [b for b in MEMO.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    parts, count = [], 0
    while count < words:
        block = rng.choice(blocks)
        block = block.replace("2015", str(rng.randint(2016, 2030)))
        block = block.replace("Lena Dahlstedt", rng.choice(PEOPLE))
        parts.append(block)
        count += len(block.split())
    return "2016-01-15\n\n" + "\n\n".join(parts)


def generated(words: int, seed: int = 1) -> str:
    """An action-dense plan: every paragraph an action with a person, a date and a note."""
    rng = random.Random(seed)
    memo = MEMO.read_text(encoding="utf-8")
    parts, count, heading = ["2017-01-15", "", "TJÄNSTESKRIVELSE", ""], 0, 0
    while count < words:
        if rng.random() < 0.1:
            heading += 1
            parts += [f"Utvecklingsområde {heading}", ""]
        paragraph = (
            f"Nämnden ska {rng.choice(['ta fram', 'utveckla', 'se över'])} en plan för "
            f"område {rng.randint(1, 999)} {rng.choice(WHEN)} i nära samverkan med berörda "
            f"enheter. Ansvarig är {rng.choice(TITLES)} {rng.choice(PEOPLE)}. {rng.choice(NOTES)}"
        )
        if rng.random() < 0.05:
            paragraph = memo[: rng.randint(200, 2000)].split("\n\n")[-1] or paragraph
        parts += [paragraph, ""]
        count += len(paragraph.split())
    return "\n".join(parts)


FORMATS = [
    "Löftena som kommunen har antagit inför {y}-{y2} är:\n\n • Vi minskar matsvinnet i "
    "område {n}\n • Vi ställer klimatkrav vid upphandling {n}\n • Vi installerar solceller "
    "på byggnad {n}",
    "Kommunstyrelsen beslutar\natt ge {body} i uppdrag att utreda område {n} senast den 30 "
    "juni {y},\natt godkänna redovisningen av uppdrag {n}.",
    "Uppdrag . Status . Ansvarig . Kommentar\nTa fram en plan för område {n} . Pågår . "
    "{body} . Klart i juni.\nUtreda lokalbehovet i område {n} . Avslutat . {body} . Redovisad.",
    "Åtgärd {n} Energieffektivisera lokal {n}\nÅtgärdsstatus: Pågående\nAnsvarig "
    "organisation: {body}\nTidsplan: {y}-{y2}",
    "Vid sammanträdet den 4 mars {y} fick {body} i uppdrag att ta fram en plan för område {n}. "
    "Nämnden fick också i uppdrag att se över avgifterna. Beslut om budgeten är planerat till "
    "november. Det finansiella målet är ett överskott på {n} miljoner kronor.",
    "Ta fram en plan för laddinfrastruktur i område {n} (KS) PÅGÅENDE Arbetet beräknas klart "
    "våren {y2}.",
]
BODIES = ["socialnämnden", "tekniska nämnden", "Kultur- och fritidsförvaltningen", "KS"]


def formats_mix(words: int, seed: int = 1) -> str:
    """The formats of other municipalities' documents (lists by lead-in, att-clauses,
    Stratsys views, labelled records, news, follow-up lines), mixed to `words` words."""
    rng = random.Random(seed)
    parts, count = [], 0
    while count < words:
        year = rng.randint(2020, 2030)
        block = rng.choice(FORMATS).format(
            y=year, y2=year + 2, n=rng.randint(1, 999), body=rng.choice(BODIES)
        )
        parts += [f"Rubrik {len(parts)}", block]
        count += len(block.split()) + 2
    return "\n\n".join(parts)


def median(function, runs: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        start = clock()
        function()
        times.append(clock() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    memo_seconds = median(lambda: extract_file(MEMO), args.runs)
    actions = len(extract_file(MEMO)["actions"])
    print(
        f"memo ({MEMO.stat().st_size / 1000:.1f} kB, {actions} actions): "
        f"median {memo_seconds * 1000:.1f} ms over {args.runs} runs (aim < 50 ms)"
    )

    documents = [
        ("memo-shaped", memo_shaped(args.words)),
        ("action-dense", generated(args.words)),
        ("formats-mix", formats_mix(args.words)),
    ]
    for label, text in documents:
        size = len(text.encode("utf-8"))
        runs = max(3, args.runs // 5)
        seconds = median(lambda text=text: extract_text(text, "generated.txt"), runs)
        # CPU time as well: on a machine shared with other work the wall clock waits for them.
        cpu = median(lambda text=text: extract_text(text, "generated.txt"), runs, time.process_time)
        found = len(extract_text(text, "generated.txt")["actions"])
        print(
            f"{label} ({len(text.split()):,} words, {size / 1e6:.2f} MB, {found:,} actions): "
            f"median {seconds:.2f} s = {size / 1e6 / seconds:.2f} MB/s "
            f"({size / 1e6 / cpu:.2f} MB/s of CPU time; aim > 1 MB/s)"
        )


if __name__ == "__main__":
    main()
