"""Column-level accuracy on the labelled corpora, computed the way bench/accuracy.py prints it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import evaluate

CORPORA = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("corpus", ["columns.jsonl", "holdout.jsonl"])
def test_column_precision_and_recall(corpus: str) -> None:
    scores = evaluate(CORPORA / corpus)
    precision, recall, _ = scores.overall()
    assert scores.columns >= 200
    assert precision >= 0.98, "\n".join(scores.errors)
    assert recall >= 0.95, "\n".join(scores.errors)
