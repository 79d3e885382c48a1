"""What runs inside Spark's executors: sampled rows in, column profiles out.

`profile_batches` is the function handed to `mapInArrow`. It sees one table's sampled rows (one
partition: the job coalesces the bounded sample into one task), profiles each column with the
scanner's own `profile_values`, and yields one row per column holding the encoded profile. The
values die with the Python worker's frame; only counts, class ids and masked examples leave.

This module is imported on executors from the artifact the client ships (the scanner's code), so
it imports only the classifier, never the client side of the connector (pyspark's Connect client).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from scanner.classify import profile_values
from scanner.connectors.common import as_text
from scanner.models import Column
from scanner.profile_codec import encode_profile
from scanner.rules import ClassSpec

# One row per column. `error` holds an exception's type name only: messages can quote values.
PROFILE_SCHEMA = "position INT, profile STRING, error STRING"


@dataclass(frozen=True)
class ProfilePlan:
    """Everything the executor needs, pickled with the function: columns in the order of the
    sampling query's output (c0, c1, ...), the classes (pickled, with their digest), and the
    per-cell byte cap."""

    columns: tuple[Column, ...]
    specs_blob: bytes
    specs_key: str
    cell_bytes: int


# Python workers are reused across tasks. The classifier engine is cached per classes tuple, and an
# unpickled copy never equals the last one (compiled patterns compare by identity): keep one copy
# per digest so every table after the first finds the engine already built.
_SPECS: dict[str, tuple[ClassSpec, ...]] = {}


def plan_specs(plan: ProfilePlan) -> tuple[ClassSpec, ...]:
    specs = _SPECS.get(plan.specs_key)
    if specs is None:
        if len(_SPECS) >= 4:
            _SPECS.clear()
        # The client pickled these classes for this job; they come from the scanner's own code.
        specs = _SPECS[plan.specs_key] = pickle.loads(plan.specs_blob)  # noqa: S301
    return specs


def cap_cell(value: Any, cell_bytes: int) -> str | bytes:
    """A cell as the classifier sees it (the same conversion as every other connector), at most
    `cell_bytes` bytes. The query already cut strings to `cell_bytes` characters; a character takes
    up to four bytes in UTF-8, so cut again by bytes, dropping a character split in two."""
    text = as_text(value)
    if isinstance(text, bytes):
        return text[:cell_bytes]
    if len(text) * 4 > cell_bytes:
        encoded = text.encode("utf-8")
        if len(encoded) > cell_bytes:
            return encoded[:cell_bytes].decode("utf-8", "ignore")
    return text


def profile_batches(plan: ProfilePlan, batches: Iterator[Any]) -> Iterator[Any]:
    import pyarrow as pa

    values: list[list[str | bytes]] = [[] for _ in plan.columns]
    rows: list[dict[str, Any]] = []
    try:
        specs = plan_specs(plan)
        for batch in batches:
            for index, array in enumerate(batch.columns[: len(values)]):
                bucket = values[index]
                for value in array.to_pylist():
                    if value is not None:
                        bucket.append(cap_cell(value, plan.cell_bytes))
        for index, column in enumerate(plan.columns):
            profile = profile_values(values[index], specs, column)
            values[index].clear()  # drop the values as soon as they are counted
            rows.append({"position": index, "profile": encode_profile(profile), "error": None})
    except Exception as exc:
        # The type name only: a message (or a traceback) can quote the value that caused it.
        rows = [{"position": -1, "profile": None, "error": type(exc).__name__}]
    finally:
        for bucket in values:
            bucket.clear()
    schema = pa.schema([("position", pa.int32()), ("profile", pa.string()), ("error", pa.string())])
    yield pa.RecordBatch.from_pylist(rows, schema=schema)
