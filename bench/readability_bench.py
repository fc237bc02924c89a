"""Benchmark the taalcheck engine: 10,000 words of real Dutch policy prose, budget 0.3 s.

Run: `.venv/bin/python bench/readability_bench.py`. Not a timed test: the machine is shared and
noisy, so we print the median of several runs and the ratio against a trivial baseline
(`text.split()`) measured in the same run.

Second section: hostile input (tests/readability/hostile.py), 20,000 characters each (the most
the editor endpoint accepts), against real text of the same length in the same run. Every
regular expression must stay linear, so no input may cost much more than real text (goal: at
most 3x; before the fix "[" * 20,000 took 10 s and "a@" * 10,000 over an hour).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.readability import analyse, warm_up
from app.readability.words import clear_caches
from tests.readability.hostile import LENGTH, hostile_inputs

SEED = Path("/work/shared/seed/startnotitie-visie-op-dienstverlening.txt")
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "readability" / "corpus"
WORDS = 10_000
RUNS = 7
BUDGET_S = 0.3
HOSTILE_RATIO = 3.0


def sample_text() -> str:
    """Return about 10,000 words: the seed policy text, topped up with the calibration corpus."""
    parts = [SEED.read_text(encoding="utf-8")] if SEED.exists() else []
    parts += [
        p.read_text(encoding="utf-8").split("---", 2)[-1] for p in sorted(CORPUS.glob("*.md"))
    ]
    text = "\n\n".join(parts)
    while len(text.split()) < WORDS:
        text += "\n\n" + text
    words = text.split(" ")
    return " ".join(words[: int(WORDS * len(words) / len(text.split()))])


def median_time(action: Callable[[], object], before: Callable[[], None] | None = None) -> float:
    times = []
    for _ in range(RUNS):
        if before:
            before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    text = sample_text()
    start = time.perf_counter()
    warm_up()
    warm_up_s = time.perf_counter() - start

    baseline = median_time(lambda: text.split())
    cold = median_time(lambda: analyse(text), before=clear_caches)
    warm = median_time(lambda: analyse(text))
    report = analyse(text)
    print(f"text: {len(text.split())} words (split), {report.metrics['words']:.0f} words (engine)")
    print(f"warm-up (word lists, wordfreq nl, CMU dictionary; excluded): {warm_up_s:.3f} s")
    print(f"baseline text.split(): median {baseline * 1000:.2f} ms")
    print(f"analyse, cold word caches: median {cold:.3f} s  ({cold / baseline:.0f}x baseline)")
    print(f"analyse, warm word caches: median {warm:.3f} s  ({warm / baseline:.0f}x baseline)")
    print(f"budget {BUDGET_S} s: {'OK' if cold <= BUDGET_S else 'OVER BUDGET'}")
    print()
    hostile(text)


def hostile(sample: str) -> None:
    """Time every hostile input against real text of the same length (warm word caches)."""
    real = (SEED.read_text(encoding="utf-8") if SEED.exists() else sample)[:LENGTH]
    while len(real) < LENGTH:
        real = (real + "\n\n" + sample)[:LENGTH]
    baseline = median_time(lambda: analyse(real))
    print(f"real text, {LENGTH:,} characters: median {baseline * 1000:.1f} ms")
    times = {}
    for name, text in hostile_inputs().items():
        times[name] = median_time(lambda text=text: analyse(text))
        print(f"  {name!r:20} {times[name] * 1000:8.1f} ms  {times[name] / baseline:5.2f}x")
    name = max(times, key=lambda n: times[n])
    ratio = times[name] / baseline
    print(
        f"hostile input, {LENGTH:,} characters: slowest {times[name] * 1000:.1f} ms ({name!r}), "
        f"ratio to real text {ratio:.2f} (goal <= {HOSTILE_RATIO:.0f}: "
        f"{'OK' if ratio <= HOSTILE_RATIO else 'TOO SLOW'})"
    )


if __name__ == "__main__":
    main()
