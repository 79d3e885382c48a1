"""Presidio parity: Presidio's own recognizer test cases, run through Presidio and through this
classifier on the same values.

    pip install -e '.[bench]'
    python bench/presidio_parity.py [--errors]

Each case's text (bench/data/presidio_cases.json) becomes the only value of one column with a
neutral name (`field_a`, type string), so no column name gives either side a hint. Both tools then
face the same decision rule: the column carries a class when at least 60 % of its values carry it,
which with one value means "the value carries it". For Presidio a value carries a class when one of
its predefined recognizers reports the entity at or above the score threshold (0.0: any match, the
AnalyzerEngine default; and 0.5); for this tool, when `classify_column` assigns the class.

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
    theirs: dict[float, Counter[str]] = {t: Counter() for t in THRESHOLDS}
    errors: list[str] = []
    for case in cases:
        class_id = case["class"]
        if class_id not in shared:
            continue
        text = case["text"]
        expected = case["expected_len"] > 0
        found = {
            c.class_id
            for c in classify_column(NEUTRAL, profile_values([text], specs, NEUTRAL), specs).classes
        }
        scores = presidio.scores(text)
        total[class_id] += 1
        positives[class_id] += expected
        if (class_id in found) == expected:
            ours[class_id] += 1
        else:
            errors.append(f"{'FN' if expected else 'FP'} {class_id:<16} {text!r}")
        for threshold in THRESHOLDS:
            hit = any(PRESIDIO_TO_CLASS[e] == class_id and s >= threshold for e, s in scores.items())
            theirs[threshold][class_id] += hit == expected

    print("One value per column, neutral column name, same rule for both: the column carries a class")
    print("when its value does. Positive case correct = class found (multi-entity texts count once);")
    print("negative case correct = class not found (other classes in the text are not counted).")
    print()
    header = (
        f"{'class':<16} {'cases':>5} {'pos':>4} {'neg':>4} {'exposure':>9} {'presidio>=0':>12} {'>=0.5':>6}"
    )
    print(header)
    behind: dict[float, list[str]] = {t: [] for t in THRESHOLDS}
    for class_id in sorted(total):
        p0, p5 = theirs[0.0][class_id], theirs[0.5][class_id]
        n, pos = total[class_id], positives[class_id]
        print(f"{class_id:<16} {n:>5} {pos:>4} {n - pos:>4} {ours[class_id]:>9} {p0:>12} {p5:>6}")
        for threshold in THRESHOLDS:
            if ours[class_id] < theirs[threshold][class_id]:
                behind[threshold].append(class_id)
    n = sum(total.values())
    print(
        f"{'TOTAL':<16} {n:>5} {sum(positives.values()):>4} {n - sum(positives.values()):>4} "
        f"{sum(ours.values()):>9} {sum(theirs[0.0].values()):>12} {sum(theirs[0.5].values()):>6}"
    )
    print()
    for threshold in THRESHOLDS:
        classes = behind[threshold]
        verdict = f"behind on {', '.join(classes)}" if classes else "at least as many right on every class"
        print(f"against presidio at score >= {threshold}: exposure is {verdict}")
    if args.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
