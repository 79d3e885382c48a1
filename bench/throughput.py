"""Throughput and precision of our engine against Presidio's predefined pattern recognizers, on the
same values (the labelled corpus), in one run.

    pip install -e '.[bench]'      # presidio-analyzer; no spaCy model is needed or loaded
    python bench/throughput.py [--repeat 3]

Both sides see every value of every corpus column. A column gets a class when at least 60 % of its
non-null values carry it (our default `min_share`, applied to Presidio's per-value results too);
precision and recall are column-level over the classes Presidio has recognizers for. Presidio is
measured at its AnalyzerEngine default threshold (0.0: any match) and at 0.5.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.presidio_adapter import PRESIDIO_TO_CLASS, PresidioPatterns  # noqa: E402
from scanner.classify import classify_column, profile_values  # noqa: E402
from scanner.models import Column  # noqa: E402
from scanner.rules import load_rulebook  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "columns.jsonl"
MIN_SHARE = 0.6


def _prf(predicted: list[set[str]], expected: list[set[str]], scope: set[str]) -> tuple[float, float]:
    tp = fp = fn = 0
    for got, want in zip(predicted, expected, strict=True):
        got, want = got & scope, want & scope
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions; the best is reported")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.corpus.read_text().splitlines()]
    columns = [Column(c["column"], c["type"], c.get("comment")) for c in cases]
    values = [[str(v) for v in c["values"] if v is not None] for c in cases]
    expected = [set(c["labels"]) for c in cases]
    total = sum(len(v) for v in values)
    scope = set(PRESIDIO_TO_CLASS.values())

    specs = load_rulebook().classes
    profile_values([], specs)  # compile the RE2 sets and load the text model outside the timing
    ours_best = float("inf")
    profiles = []
    for _ in range(args.repeat):
        # as a scan does it: each column's values with the column's name and type
        start = time.perf_counter()
        profiles = [profile_values(v, specs, col) for v, col in zip(values, columns, strict=True)]
        ours_best = min(ours_best, time.perf_counter() - start)
    ours = [
        {c.class_id for c in classify_column(col, prof, specs).classes}
        for col, prof in zip(columns, profiles, strict=True)
    ]

    presidio = PresidioPatterns()
    presidio_best = float("inf")
    per_value: list[list[dict[str, float]]] = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        per_value = [[presidio.scores(v) for v in column] for column in values]
        presidio_best = min(presidio_best, time.perf_counter() - start)

    def presidio_columns(threshold: float) -> list[set[str]]:
        out = []
        for column in per_value:
            hits: Counter[str] = Counter()
            for scores in column:
                hits.update({PRESIDIO_TO_CLASS[e] for e, s in scores.items() if s >= threshold})
            n = max(len(column), 1)
            out.append({cls for cls, k in hits.items() if k / n >= MIN_SHARE})
        return out

    ours_rate, presidio_rate = total / ours_best, total / presidio_best
    print(f"values: {total} in {len(cases)} columns; classes compared: {', '.join(sorted(scope))}")
    print(f"{'engine':<34} {'values/s':>10} {'precision':>10} {'recall':>8}")
    p, r = _prf(ours, expected, scope)
    print(f"{'exposure (RE2 set + validators)':<34} {ours_rate:>10,.0f} {p:>10.3f} {r:>8.3f}")
    for threshold in (0.0, 0.5):
        p, r = _prf(presidio_columns(threshold), expected, scope)
        label = f"presidio patterns (score >= {threshold})"
        print(f"{label:<34} {presidio_rate:>10,.0f} {p:>10.3f} {r:>8.3f}")
    print(f"throughput ratio (exposure / presidio): {ours_rate / presidio_rate:.1f}x")


if __name__ == "__main__":
    main()
