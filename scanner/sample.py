"""Sampling: bounded reads of non-null values, held in memory only for the classifier.

Values never leave this call chain: `profile_table` returns counts and masked forms. A connector
that classifies inside the engine (Spark) has a `profile_table` method of its own that returns the
same profiles, and values never reach this process at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from scanner.classify import ColumnProfile, profile_values
from scanner.connectors.base import Sampler
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


@runtime_checkable
class EngineProfiler(Protocol):
    """A sampler that profiles inside the engine: only profiles reach the scanner."""

    def profile_table(
        self, table: Table, specs: Sequence[ClassSpec], rows: int, max_cell_bytes: int | None = None
    ) -> TableProfile: ...


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
    if isinstance(connector, EngineProfiler):
        return connector.profile_table(table, specs, rows, max_cell_bytes)
    try:
        samples = connector.sample(table, columns, rows, max_cell_bytes)
    except ExposureError as exc:
        return TableProfile({}, exc.message)
    profiles = {c.name: profile_values(samples.get(c.name, []), specs, c) for c in table.columns}
    # Drop the values as soon as they are counted.
    samples.clear()
    return TableProfile(profiles)
