"""Column-level accuracy of the classifier on the labelled corpora in tests/corpus/.

Prints, for each corpus, per-class and overall precision, recall and F2, and stored-state accuracy:

    python bench/accuracy.py [--corpus FILE ...] [--errors]

Without --corpus every corpus is measured: columns.jsonl, holdout.jsonl, blind.jsonl, blind2.jsonl and
blind3.jsonl.
Overall figures are over the specific classes: `free_text` (human-written text, a floor that
every sub-class of text sits on) is reported apart, as the share of columns labelled free text that
carry it and the number of unlabelled columns that carry it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scanner.classify import classify_column, profile_values  # noqa: E402
from scanner.models import Column  # noqa: E402
from scanner.rules import load_rulebook  # noqa: E402

CORPORA = ROOT / "tests" / "corpus"
CORPUS = CORPORA / "columns.jsonl"
ALL_CORPORA = (
    CORPUS,
    CORPORA / "holdout.jsonl",
    CORPORA / "blind.jsonl",
    CORPORA / "blind2.jsonl",
    CORPORA / "blind3.jsonl",
)
FREE_TEXT = "free_text"


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    protection_right: int = 0
    columns: int = 0
    errors: list[str] = field(default_factory=list)
    free_text_labelled: int = 0  # columns labelled free text
    free_text_carried: int = 0  # ... that carry free_text
    free_text_unlabelled: int = 0  # columns not labelled free text that carry it
    free_text_on_negatives: int = 0  # ... of which columns with no label at all

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
        return precision, recall, f2

    def per_class(self, class_id: str) -> tuple[float, float, float]:
        return self._prf(self.tp[class_id], self.fp[class_id], self.fn[class_id])

    def overall(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))


def evaluate(corpus: Path = CORPUS) -> Scores:
    specs = load_rulebook().classes
    scores = Scores()
    lines = corpus.read_text().splitlines()
    labels_free_text = any(FREE_TEXT in json.loads(line)["labels"] for line in lines)
    for line in lines:
        case = json.loads(line)
        column = Column(case["column"], case["type"], case.get("comment"))
        values = [v for v in case["values"] if v is not None]
        assessment = classify_column(column, profile_values(values, specs, column), specs)
        predicted = {c.class_id for c in assessment.classes}
        expected = set(case["labels"])
        scores.columns += 1
        if FREE_TEXT in expected:
            scores.free_text_labelled += 1
            scores.free_text_carried += FREE_TEXT in predicted
            if FREE_TEXT not in predicted:
                scores.errors.append(f"FN {FREE_TEXT:<18} {case['id']} {case['table']}.{case['column']}")
        elif FREE_TEXT in predicted:
            scores.free_text_unlabelled += 1
            if labels_free_text and not expected:  # a negative: published or machine text
                scores.free_text_on_negatives += 1
                scores.errors.append(f"FP {FREE_TEXT:<18} {case['id']} {case['table']}.{case['column']}")
        predicted.discard(FREE_TEXT)
        expected.discard(FREE_TEXT)
        for class_id in predicted & expected:
            scores.tp[class_id] += 1
        for class_id in predicted - expected:
            scores.fp[class_id] += 1
            scores.errors.append(f"FP {class_id:<18} {case['id']} {case['table']}.{case['column']}")
        for class_id in expected - predicted:
            scores.fn[class_id] += 1
            scores.errors.append(f"FN {class_id:<18} {case['id']} {case['table']}.{case['column']}")
        if assessment.protection.value == case["protection"]:
            scores.protection_right += 1
        else:
            scores.errors.append(
                f"STATE {assessment.protection.value} != {case['protection']} {case['id']} {case['column']}"
            )
    return scores


def report(corpus: Path, show_errors: bool) -> None:
    scores = evaluate(corpus)
    print(f"== {corpus.name}")
    classes = sorted(set(scores.tp) | set(scores.fp) | set(scores.fn))
    print(f"{'class':<20} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8} {'F2':>6}")
    for class_id in classes:
        p, r, f2 = scores.per_class(class_id)
        tp, fp, fn = scores.tp[class_id], scores.fp[class_id], scores.fn[class_id]
        print(f"{class_id:<20} {tp:>4} {fp:>4} {fn:>4} {p:>10.3f} {r:>8.3f} {f2:>6.3f}")
    p, r, f2 = scores.overall()
    print(
        f"{'OVERALL (micro)':<20} {sum(scores.tp.values()):>4} {sum(scores.fp.values()):>4} "
        f"{sum(scores.fn.values()):>4} {p:>10.3f} {r:>8.3f} {f2:>6.3f}"
    )
    macro_f2 = sum(scores.per_class(c)[2] for c in classes) / len(classes) if classes else 1.0
    print(
        f"columns: {scores.columns}; macro F2: {macro_f2:.3f}; stored state right: "
        f"{scores.protection_right}/{scores.columns}"
    )
    print(
        f"free_text: {scores.free_text_carried}/{scores.free_text_labelled} columns labelled free text "
        f"carry it; {scores.free_text_unlabelled} columns not labelled free text carry it"
        + (f", {scores.free_text_on_negatives} of them negatives" if scores.free_text_labelled else "")
    )
    if show_errors:
        print("\n".join(scores.errors))
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="a corpus file (repeatable)")
    parser.add_argument("--errors", action="store_true", help="list every misclassified column")
    args = parser.parse_args()
    for corpus in args.corpus or [c for c in ALL_CORPORA if c.exists()]:
        report(corpus, args.errors)


if __name__ == "__main__":
    main()
