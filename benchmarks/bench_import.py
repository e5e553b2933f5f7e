"""How long does importing a 5,000-question file take, and how much memory?

Writes a 5,000-question Open Trivia Database file and a 5,000-row header CSV,
then times each import (read, convert, validate, render the pack text)
against `load_pack` on the converted pack, measured in the same run so the
ratio holds on a noisy machine. Peak memory comes from tracemalloc, in a
separate pass (tracing slows everything down). Target: an import costs
under 3x loading the pack it makes.

    python benchmarks/bench_import.py [--questions 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from quiz.importers.formats import reader
from quiz.importers.pipeline import Outcome, build
from quiz.packs.loader import load_pack

CATEGORIES = ("Entertainment: Film", "Science & Nature", "History", "Geography", "Sports")


def opentdb_file(count: int) -> bytes:
    results = []
    for i in range(count):
        if i % 4 == 3:
            results.append({"type": "boolean", "difficulty": "easy",
                            "category": CATEGORIES[i % 5],
                            "question": f"Statement &quot;{i}&quot; is true.",
                            "correct_answer": "True", "incorrect_answers": ["False"]})
        else:
            results.append({"type": "multiple", "difficulty": ("easy", "medium", "hard")[i % 3],
                            "category": CATEGORIES[i % 5],
                            "question": f"Which of these is the answer to question {i}?",
                            "correct_answer": f"Right &amp; {i}",
                            "incorrect_answers": [f"Wrong {i}", f"Other {i}", f"Third {i}"]})
    return json.dumps({"response_code": 0, "results": results}, indent=2).encode()


def csv_file(count: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["prompt", "answer", "wrong1", "wrong2", "wrong3", "category", "explain"])
    for i in range(count):
        writer.writerow([f"Which of these is the answer to question {i}, then?", f"Right {i}",
                         f"Wrong {i}", f"Other {i}", f"Third {i}", CATEGORIES[i % 5],
                         "A sentence a host would say after the reveal."])
    return buffer.getvalue().encode("utf-8")


def import_once(kind: str, data: bytes) -> Outcome:
    draft, _ = reader(kind)(data, f"bench.{kind}", "Bench")
    return build(draft, "bench", "Bench")


def timed(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mib(action: Callable[[], object]) -> float:
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for kind, data in (("opentdb", opentdb_file(args.questions)),
                           ("csv", csv_file(args.questions))):
            outcome = import_once(kind, data)
            assert outcome.sound and outcome.text is not None and outcome.pack is not None, \
                [str(n) for n in outcome.skipped[:3]]
            assert len(outcome.pack.questions) == args.questions
            converted = Path(folder) / f"{kind}.yaml"
            converted.write_text(outcome.text, encoding="utf-8")

            ours = functools.partial(import_once, kind, data)
            baseline = functools.partial(load_pack, converted)

            # interleaved, so drift in machine load hits both alike
            first = timed(ours, args.repeat)
            base = timed(baseline, args.repeat)
            second = timed(ours, args.repeat)
            median = min(first, second)
            ratio = median / base
            print(f"{kind}: {args.questions:,} questions, {len(data) / 2**20:.1f} MiB in, "
                  f"{converted.stat().st_size / 2**20:.1f} MiB pack out")
            print(f"  import (read + convert + validate + render): median {median:.3f} s, "
                  f"peak {peak_mib(ours):.0f} MiB")
            print(f"  load_pack of the converted pack (baseline):  median {base:.3f} s, "
                  f"peak {peak_mib(baseline):.0f} MiB")
            print(f"  ratio {ratio:.2f}   target < 3: {'OK' if ratio < 3 else 'MISSED'}")


if __name__ == "__main__":
    main()
