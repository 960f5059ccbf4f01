"""Benchmark: reading the `{"values": [...]}` envelope of 1,000,000 Kolada values, Styr's
own streaming reader (`styr.kolada.stream.iter_records`) against ijson's C backend
(`yajl2_c`, `ijson.items(file, "values.item", use_float=True)`).

The file is generated as benchmarks/kolada_load.py does (same records, same seed). Each run
reads every record in a fresh interpreter, so that its peak memory (VmHWM, the process's own
high-water mark, interpreter included) is that reader's alone. Prints medians.

    .venv/bin/python benchmarks/kolada_stream.py [--values 1000000] [--runs 3]
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

READ = {
    "styr": ("from styr.kolada.stream import iter_records\nrecords = iter_records(PATH)\n"),
    "ijson": (
        "import ijson\n"
        "assert ijson.backend == 'yajl2_c', ijson.backend\n"
        "handle = open(PATH, 'rb')\n"
        "records = ijson.items(handle, 'values.item', use_float=True)\n"
    ),
}

RUN = """
import sys, time
PATH = sys.argv[1]
start = time.perf_counter()
{read}
values = 0
for record in records:
    values += len(record["values"])
elapsed = time.perf_counter() - start
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(values, elapsed, int(peak.split()[1]))
"""


def run(reader: str, path: Path) -> tuple[int, float, int]:
    code = RUN.format(read=READ[reader])
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    values, seconds, peak_kb = done.stdout.split()
    return int(values), float(seconds), int(peak_kb)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--values", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from kolada_load import write_data_file  # the same file as the load benchmark

    kpis = [f"N{n:05d}" for n in range(1, 200)]
    municipalities = [f"{n:04d}" for n in range(100, 400)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "values.json"
        write_data_file(path, kpis, municipalities, values=args.values, genders="T")
        size = path.stat().st_size / 1e6
        print(f"{args.values:,} values, {size:.0f} MB, {args.runs} runs each")
        results = {}
        for reader in READ:
            runs = [run(reader, path) for _ in range(args.runs)]
            assert all(values == args.values for values, _, _ in runs), runs
            results[reader] = {
                "seconds": statistics.median(seconds for _, seconds, _ in runs),
                "peak_mb": statistics.median(peak for _, _, peak in runs) / 1024,
            }
            print(
                f"{reader:6} median {results[reader]['seconds']:.2f} s, "
                f"peak memory {results[reader]['peak_mb']:.0f} MB"
            )
        print(json.dumps(results))


if __name__ == "__main__":
    main()
