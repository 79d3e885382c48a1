"""Sampling: bounded reads of non-null values, held in memory only for the classifier.

Values never leave this call chain: `profile_table` returns counts and masked forms. A connector
that can classify inside the engine would replace `profile_table` and return the same profiles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scanner.classify import ColumnProfile, profile_values
from scanner.connect import Sampler
from scanner.errors import ExposureError
from scanner.models import Table
from scanner.rules import ClassSpec

DEFAULT_SAMPLE_ROWS = 385  # ±5 % at 95 % confidence for a proportion
# Each sampled cell is cut to this many bytes, in the engine's query where it can: classifiers need
# the start of a value, and a 100 MB cell must never reach Python whole.
DEFAULT_MAX_CELL_BYTES = 64 * 1024


@dataclass(frozen=True)
class TableProfile:
    profiles: dict[str, ColumnProfile]
    error: str | None = None

    @property
    def readable(self) -> bool:
        return self.error is None


def profile_table(
    connector: Sampler,
    table: Table,
    specs: Sequence[ClassSpec],
    rows: int,
    max_cell_bytes: int = DEFAULT_MAX_CELL_BYTES,
) -> TableProfile:
    columns = [c.name for c in table.columns]
    if not columns:
        return TableProfile({})
    try:
        samples = connector.sample(table, columns, rows, max_cell_bytes)
    except ExposureError as exc:
        return TableProfile({}, exc.message)
    profiles = {c.name: profile_values(samples.get(c.name, []), specs, c) for c in table.columns}
    # Drop the values as soon as they are counted.
    samples.clear()
    return TableProfile(profiles)
