"""Columns every warehouse holds, one data file per shape in tests/negatives/, run through
`exposure classify`: none may come out with a class."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_exposure

NEGATIVES = Path(__file__).parent / "negatives"
SHAPES = sorted(NEGATIVES.glob("*.csv"))


def test_every_shape_has_a_data_file() -> None:
    from tests.negatives.make_negatives import SHAPES as MADE

    assert {p.stem for p in SHAPES} == set(MADE)
    assert {"full_precision_doubles", "epoch_milliseconds", "ids_16_digits_failing_luhn"} <= set(MADE)


@pytest.mark.parametrize("path", SHAPES, ids=[p.stem for p in SHAPES])
def test_negative_shape_has_no_class(path: Path) -> None:
    run = run_exposure(["classify", str(path), "--format", "json"])
    assert run.code == 0, run.output
    columns = json.loads(run.stdout)["columns"]
    assert len(columns) == 1
    found = {name: [c["class"] for c in col["classes"]] for name, col in columns.items()}
    assert all(classes == [] for classes in found.values()), found
    # Nor is any of them even an unconfirmed class, the explanation of a clean column (sequential
    # 9-digit ids pass SSN rules, but share their leading digits).
    for name, column in columns.items():
        assert column["unconfirmed"] == [], (path.name, name, column["unconfirmed"])
