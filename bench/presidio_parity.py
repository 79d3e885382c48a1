"""Presidio parity: Presidio's own recognizer test cases, run through Presidio and through this
classifier on the same values.

    pip install -e '.[bench]'
    python bench/presidio_parity.py [--errors]

Each case's text (bench/data/presidio_cases.json) becomes the only value of one column with a
neutral name (`field_a`, type string), so no column name gives either side a hint. Both tools then
face the same decision rule: the column carries a class when at least 60 % of its values carry it,
which with one value means "the value carries it". For Presidio a value carries a class when one of
its predefined recognizers reports the entity at or above the score threshold; for this tool, when
`classify_column` assigns the class. Two levels are compared:
- what each tool stands behind: this tool's classes against Presidio at score >= 0.5;
- what each tool reports at all: this tool's classes plus its *unconfirmed* ones (values that carry
  a class only in a form a column name must confirm, such as bare 9-digit SSNs) against Presidio at
  score >= 0 (any match, the AnalyzerEngine default, which includes its 0.05 "very weak" patterns
  for the same forms).

What "correct" means, printed with the results:
- a positive case (Presidio's test expects one or more results) is correct when the case's class is
  found. A text holding two or three entities counts once: column classification says whether a
  column holds a class, not how many spans a cell has, so spans are not compared;
- a negative case (the test expects no result) is correct when the case's class is NOT found. Other
  classes found in the same text are not counted against either tool.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.presidio_adapter import PRESIDIO_TO_CLASS, PresidioPatterns  # noqa: E402
from scanner.classify import classify_column, profile_values  # noqa: E402
from scanner.models import Column  # noqa: E402
from scanner.rules import load_rulebook  # noqa: E402

CASES = ROOT / "bench" / "data" / "presidio_cases.json"
NEUTRAL = Column("field_a", "string")
THRESHOLDS = (0.0, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--errors", action="store_true", help="list every case this tool gets wrong")
    args = parser.parse_args()
    cases = json.loads(args.cases.read_text())["cases"]
    specs = load_rulebook().classes
    presidio = PresidioPatterns()
    shared = set(PRESIDIO_TO_CLASS.values())

    total: Counter[str] = Counter()
    positives: Counter[str] = Counter()
    ours: Counter[str] = Counter()
    ours_any: Counter[str] = Counter()
    theirs: dict[float, Counter[str]] = {t: Counter() for t in THRESHOLDS}
    errors: list[str] = []
    for case in cases:
        class_id = case["class"]
        if class_id not in shared:
            continue
        text = case["text"]
        expected = case["expected_len"] > 0
        assessment = classify_column(NEUTRAL, profile_values([text], specs, NEUTRAL), specs)
        found = {c.class_id for c in assessment.classes}
        reported = found | {u.class_id for u in assessment.unconfirmed}
        scores = presidio.scores(text)
        total[class_id] += 1
        positives[class_id] += expected
        if (class_id in found) == expected:
            ours[class_id] += 1
        else:
            maybe = " (unconfirmed)" if class_id in reported else ""
            errors.append(f"{'FN' if expected else 'FP'} {class_id:<16} {text!r}{maybe}")
        ours_any[class_id] += (class_id in reported) == expected
        for threshold in THRESHOLDS:
            hit = any(PRESIDIO_TO_CLASS[e] == class_id and s >= threshold for e, s in scores.items())
            theirs[threshold][class_id] += hit == expected

    print("One value per column, neutral column name, same rule for both: the column carries a class")
    print("when its value does. Positive case correct = class found (multi-entity texts count once);")
    print("negative case correct = class not found (other classes in the text are not counted).")
    print()
    print("exposure = classes; +unconfirmed = classes and unconfirmed classes (reported at all).")
    print()
    header = (
        f"{'class':<16} {'cases':>5} {'pos':>4} {'neg':>4} {'exposure':>9} {'presidio>=0.5':>14}"
        f" {'+unconfirmed':>13} {'presidio>=0':>12}"
    )
    print(header)
    comparisons = {
        "classes against presidio >= 0.5 (what each stands behind)": (ours, theirs[0.5]),
        "classes + unconfirmed against presidio >= 0 (what each reports at all)": (ours_any, theirs[0.0]),
        "classes alone against presidio >= 0": (ours, theirs[0.0]),
    }
    for class_id in sorted(total):
        n, pos = total[class_id], positives[class_id]
        print(
            f"{class_id:<16} {n:>5} {pos:>4} {n - pos:>4} {ours[class_id]:>9} {theirs[0.5][class_id]:>14}"
            f" {ours_any[class_id]:>13} {theirs[0.0][class_id]:>12}"
        )
    n = sum(total.values())
    print(
        f"{'TOTAL':<16} {n:>5} {sum(positives.values()):>4} {n - sum(positives.values()):>4} "
        f"{sum(ours.values()):>9} {sum(theirs[0.5].values()):>14} {sum(ours_any.values()):>13} "
        f"{sum(theirs[0.0].values()):>12}"
    )
    print()
    for label, (mine, presidio) in comparisons.items():
        classes = [c for c in sorted(total) if mine[c] < presidio[c]]
        verdict = f"behind on {', '.join(classes)}" if classes else "at least as many right on every class"
        print(f"{label}: exposure is {verdict}")
    if args.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
