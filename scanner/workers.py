"""Sampling and classification in worker processes.

Classification is CPU-bound Python: threads share one core through the GIL, processes use them all.
Each worker opens its own connection to the value source, samples a table, classifies its columns
and returns the column assessments — class names, counts, masked forms, never a value. Values live
only inside a worker's memory, for the length of one table.

The scan hands out one table at a time over each worker's own pipe, so a worker stuck on a table can
be stopped (the process is ended and replaced) without corrupting a queue the others share; the table
is reported unreadable, never clean. Workers are fresh interpreters: they import the scanner afresh
and load the rule packs themselves, so nothing of the parent (open connections, threads) leaks into
them.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from scanner import errors
from scanner.catalog import column_encryption
from scanner.classify import EMPTY_PROFILE, classify_column
from scanner.connect import describe_embedded, open_source, profiles_in_engine
from scanner.errors import ExposureError, SourceError, SourceUnavailable
from scanner.models import Column, ColumnAssessment, GrantSet, Protection, Table, TableStatus, frozen_mapping
from scanner.rules import ClassSpec, load_rulebook
from scanner.sample import profile_table


@dataclass(frozen=True)
class ScanSettings:
    """What a worker needs to rebuild the scan's classifier and value source on its own."""

    source: str  # where values are read
    rule_packs: tuple[str, ...]
    exposure_rules: str | None
    builtin_rules: bool
    sample_rows: int
    max_cell_bytes: int


@dataclass(frozen=True)
class TableOutcome:
    status: TableStatus
    columns: tuple[ColumnAssessment, ...]
    error: str | None = None
    warning: str | None = None


def classify_table(
    sampler: Any, table: Table, specs: Sequence[ClassSpec], rows: int, max_cell_bytes: int
) -> TableOutcome:
    """Sample one table and classify every column; values are dropped as soon as they are counted."""
    if table.catalog_error:
        return TableOutcome(
            TableStatus.UNREADABLE,
            (),
            table.catalog_error,
            f"{table.fqn}: {table.catalog_error}; reported as unknown",
        )
    profile = profile_table(sampler, table, specs, rows, max_cell_bytes)
    encrypted = column_encryption(table)
    columns = []
    for column in table.columns:
        column_profile = profile.profiles.get(column.name, EMPTY_PROFILE)
        assessment = classify_column(
            column, column_profile, specs, encrypted.get(column.name.lower()), table=table.fqn
        )
        if not profile.readable:
            # Metadata still classifies by name; values are unknown, never assumed safe.
            assessment = ColumnAssessment(
                column=assessment.column,
                classes=assessment.classes,
                protection=Protection.UNKNOWN,
                sampled=0,
                encrypted_by=assessment.encrypted_by,
                notes=("values could not be read",),
            )
        columns.append(assessment)
    if not profile.readable:
        warning = f"{table.fqn}: could not be sampled ({profile.error}); reported as unknown"
        return TableOutcome(TableStatus.UNREADABLE, tuple(columns), profile.error, warning)
    return TableOutcome(TableStatus.SCANNED, tuple(columns))


# --- tables and outcomes across the process boundary (plain data, no value) ---------------------


def table_to_wire(table: Table) -> dict[str, Any]:
    return {
        "database": table.database,
        "name": table.name,
        "columns": [[c.name, c.data_type, c.comment, c.position, c.is_partition_key] for c in table.columns],
        "owner": table.owner,
        "table_type": table.table_type,
        "comment": table.comment,
        "location": table.location,
        "created_at": table.created_at,
        "row_estimate": table.row_estimate,
        "properties": dict(table.properties),
        "serde_properties": dict(table.serde_properties),
        "catalog_error": table.catalog_error,
        "storage_format": table.storage_format,
    }


def table_from_wire(raw: dict[str, Any]) -> Table:
    return Table(
        raw["database"],
        raw["name"],
        tuple(Column(*c) for c in raw["columns"]),
        owner=raw["owner"],
        table_type=raw["table_type"],
        comment=raw["comment"],
        location=raw["location"],
        created_at=raw["created_at"],
        row_estimate=raw["row_estimate"],
        properties=frozen_mapping(raw["properties"]),
        serde_properties=frozen_mapping(raw["serde_properties"]),
        catalog_error=raw["catalog_error"],
        storage_format=raw["storage_format"],
    )


def _outcome_to_wire(outcome: TableOutcome) -> dict[str, Any]:
    from scanner.state import assessment_to_json

    # the state store's codec, plus the masked examples the reports show (in memory only)
    return {
        "status": outcome.status.value,
        "columns": [
            {**assessment_to_json(c), "examples": [x.masked_example for x in c.classes]}
            for c in outcome.columns
        ],
        "error": outcome.error,
        "warning": outcome.warning,
    }


def _outcome_from_wire(raw: dict[str, Any]) -> TableOutcome:
    from scanner.state import assessment_from_json

    columns = []
    for item in raw["columns"]:
        assessment = assessment_from_json(item)
        classes = tuple(
            replace(x, masked_example=example)
            for x, example in zip(assessment.classes, item["examples"], strict=True)
        )
        columns.append(replace(assessment, classes=classes))
    return TableOutcome(TableStatus(raw["status"]), tuple(columns), raw["error"], raw["warning"])


def _worker(tasks: Connection, results: Connection) -> None:
    """A worker's life: load the packs, open a connection, classify tables until told to stop."""
    settings: ScanSettings = tasks.recv()
    rulebook = load_rulebook(
        tuple(Path(p) for p in settings.rule_packs),
        Path(settings.exposure_rules) if settings.exposure_rules else None,
        settings.builtin_rules,
    )
    try:
        sampler: Any = open_source(settings.source)
        opened_error = ""
    except ExposureError as exc:
        sampler, opened_error = None, exc.message
    while True:
        message = tasks.recv()
        if message is None:
            break
        index, raw = message
        table = table_from_wire(raw)
        if sampler is None:
            outcome = _lost(table, opened_error)
        else:
            try:
                outcome = classify_table(sampler, table, rulebook.classes, settings.sample_rows,
                                         settings.max_cell_bytes)  # fmt: skip
            except ExposureError as exc:
                outcome = _lost(table, exc.message)
        results.send((index, _outcome_to_wire(outcome)))
    if sampler is not None:
        with contextlib.suppress(Exception):
            sampler.close()


# Tables handed to a worker ahead of the one it is on: it starts the next as soon as it sends a
# result, instead of idling while this process files the last one.
IN_FLIGHT = 2


class _Slot:
    """One worker process and the tables it holds, the first of which it is working on.

    The worker is a fresh interpreter (`python -m scanner.workers`) talking over two pipes of its own:
    it imports the scanner, never the caller's main module, so a script that calls `run_scan`
    needs no `if __name__ == "__main__"` guard, and nothing of this process (open connections,
    threads) is inherited. Its stderr goes nowhere: a worker's traceback could quote a value."""

    def __init__(self, settings: ScanSettings) -> None:
        self.process, self.tasks, self.conn = _spawn("work")
        with contextlib.suppress(OSError):
            self.tasks.send(settings)
        self.held: deque[int] = deque()
        self.since = 0.0  # when the worker started on held[0]

    def alive(self) -> bool:
        return self.process.poll() is None

    def give(self, index: int, table: Table) -> None:
        if not self.held:
            self.since = time.monotonic()
        self.held.append(index)
        # A worker that died cannot take it: the scan finds it dead and reports what it held.
        with contextlib.suppress(OSError):
            self.tasks.send((index, table_to_wire(table)))

    def done(self) -> int:
        """The table the worker just finished; the clock starts on the next one it holds."""
        index = self.held.popleft()
        self.since = time.monotonic()
        return index

    def stop(self) -> None:
        with contextlib.suppress(OSError, BrokenPipeError):
            self.tasks.send(None)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self.kill()

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
        for conn in (self.tasks, self.conn):
            with contextlib.suppress(OSError):
                conn.close()


class WorkerPool:
    """Worker processes, started before they are needed: they import the scanner and load the rule
    packs while this process is still listing tables and reading grants."""

    def __init__(self, settings: ScanSettings, count: int) -> None:
        self.settings = settings
        self.slots = [_Slot(settings) for _ in range(max(1, count))]

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for slot in self.slots:
            slot.stop()
        self.slots = []

    def classify(self, tables: Sequence[Table], timeout: float) -> Iterator[tuple[int, TableOutcome]]:
        """(index, outcome) for every table, as each finishes. A table that overruns `timeout`
        seconds, or whose worker dies, is reported unreadable and its worker replaced; the tables
        that worker held but had not started go to another."""
        slots = self.slots
        pending = list(range(len(tables) - 1, -1, -1))  # popped from the end: in order
        remaining = len(tables)

        def top_up(slot: _Slot) -> None:
            while pending and len(slot.held) < IN_FLIGHT:
                index = pending.pop()
                slot.give(index, tables[index])

        for _ in range(IN_FLIGHT):
            for slot in slots:  # one table each first, so a short list spreads over every worker
                if pending and len(slot.held) < IN_FLIGHT:
                    index = pending.pop()
                    slot.give(index, tables[index])
        while remaining:
            ready = wait([slot.conn for slot in slots if slot.held], timeout=0.5)
            now = time.monotonic()
            for position, slot in enumerate(slots):
                if not slot.held:
                    continue
                if slot.conn in ready:
                    try:
                        index, raw = slot.conn.recv()
                    except (EOFError, OSError):
                        outcome = _lost(tables[slot.held[0]], "its worker stopped")
                    else:
                        if index != slot.held[0]:  # a worker answers in order; anything else is broken
                            outcome = _lost(tables[slot.held[0]], "its worker went astray")
                        else:
                            slot.done()
                            remaining -= 1
                            yield index, _outcome_from_wire(raw)
                            top_up(slot)
                            continue
                elif now - slot.since > timeout:
                    outcome = _lost(tables[slot.held[0]], f"timed out after {timeout:g} s")
                elif not slot.alive():
                    outcome = _lost(tables[slot.held[0]], "its worker stopped")
                else:
                    continue
                # The table it was on is unknown; the ones it had not started are handed out again.
                index = slot.held.popleft()
                pending.extend(reversed(slot.held))
                slot.held.clear()
                slot.kill()
                slot = slots[position] = _Slot(self.settings)
                remaining -= 1
                yield index, outcome
                top_up(slot)


def classify_in_workers(
    tables: Sequence[Table], settings: ScanSettings, count: int, timeout: float
) -> Iterator[tuple[int, TableOutcome]]:
    """(index, outcome) for every table, in worker processes started for these tables."""
    if not tables:
        return
    with WorkerPool(settings, min(count, len(tables))) as pool:
        yield from pool.classify(tables, timeout)


def classify_tables(
    tables: Sequence[Table],
    settings: ScanSettings,
    specs: Sequence[ClassSpec],
    count: int,
    timeout: float,
    pool: WorkerPool | None = None,
) -> Iterator[tuple[int, TableOutcome]]:
    """Worker processes when this process would classify values (`pool`, if already started);
    threads when the engine profiles inside itself (Spark's executors) and this process only waits
    for profiles."""
    if not tables:
        return
    if profiles_in_engine(settings.source):
        try:
            sampler: Any = open_source(settings.source)
        except ExposureError as exc:
            for index, table in enumerate(tables):
                yield index, _lost(table, exc.message)
            return
        yield from _classify_in_threads(tables, sampler, settings, specs, count, timeout)
        return
    if pool is None:
        yield from classify_in_workers(tables, settings, count, timeout)
    else:
        yield from pool.classify(tables, timeout)


def _classify_in_threads(
    tables: Sequence[Table], sampler: Any, settings: ScanSettings, specs: Sequence[ClassSpec], count: int,
    timeout: float,
) -> Iterator[tuple[int, TableOutcome]]:  # fmt: skip
    pool = ThreadPoolExecutor(max_workers=max(1, count), thread_name_prefix="exposure-engine")
    try:
        pending = {
            pool.submit(
                classify_table, sampler, table, specs, settings.sample_rows, settings.max_cell_bytes
            ): i
            for i, table in enumerate(tables)
        }
        started: dict[Future[TableOutcome], float] = {}
        while pending:
            done, _ = futures_wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            now = time.monotonic()
            for future in done:
                index = pending.pop(future)
                started.pop(future, None)
                try:
                    yield index, future.result()
                except ExposureError as exc:
                    yield index, _lost(tables[index], exc.message)
            # only the futures running now can time out: the rest are still queued
            for future in [f for f in pending if f.running()][: max(1, count)]:
                if now - started.setdefault(future, now) > timeout:
                    index = pending.pop(future)
                    yield index, _lost(tables[index], f"timed out after {timeout:g} s")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        with contextlib.suppress(Exception):
            sampler.close()


# --- the catalog of an embedded engine, read in a child process ---------------------------------

CATALOG_BATCH = 2000


def _catalog_child(tasks: Connection, results: Connection) -> None:
    """List the source's tables and its grants, send them, and end: the engine's catalog leaves with
    this process."""
    source: str = tasks.recv()
    try:
        connector: Any = open_source(source)
        try:
            # in batches, so the scan rebuilds one while this process lists the next
            tables: list[Table] = []
            for table in connector.list_tables():
                tables.append(table)
                if len(tables) % CATALOG_BATCH == 0:
                    results.send(("tables", [table_to_wire(t) for t in tables[-CATALOG_BATCH:]]))
            rest = len(tables) % CATALOG_BATCH
            results.send(("tables", [table_to_wire(t) for t in tables[len(tables) - rest :]]))
            grants = connector.read_grants(tables)
        finally:
            with contextlib.suppress(Exception):
                connector.close()
        results.send(("ok", grants))
    except ExposureError as exc:
        results.send(("error", type(exc).__name__, exc.message, exc.hint))


def _spawn(mode: str) -> tuple[subprocess.Popen[bytes], Connection, Connection]:
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    package_root = str(Path(__file__).resolve().parent.parent)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])),
    }
    process = subprocess.Popen(  # noqa: S603 - this interpreter, this module, fixed arguments
        # -P: the current directory is not on the path, so a `scanner/` folder there (a source
        # checkout, or anything planted) is never what the child imports
        [sys.executable, "-P", "-m", "scanner.workers", mode, str(to_child_r), str(from_child_w)],
        pass_fds=(to_child_r, from_child_w),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        close_fds=True,
    )
    os.close(to_child_r)
    os.close(from_child_w)
    return process, Connection(to_child_w, readable=False), Connection(from_child_r, writable=False)


class ChildCatalog:
    """A connector for an embedded engine whose tables are listed by a child process: this process
    keeps the table list, never the engine's catalog. Everything else (URIs, dialects) comes from
    the connector's description of the source."""

    def __init__(self, source: str, described: Any) -> None:
        self.source = source
        self.described = described
        self.url = described.url
        self.dialect = described.dialect
        self.remediation_dialect = described.remediation_dialect
        self._grants: GrantSet | None = None

    def list_tables(self) -> list[Table]:
        process, tasks, results = _spawn("catalog")
        tables: list[Table] = []
        try:
            try:
                tasks.send(self.source)
                answer = results.recv()
                while answer[0] == "tables":
                    tables.extend(table_from_wire(raw) for raw in answer[1])
                    answer = results.recv()
            except (EOFError, OSError):
                raise SourceUnavailable(
                    f"listing the tables of {self.url.redacted} stopped the process reading them",
                    hint="check the file, and the memory the engine needs to open it",
                ) from None
        finally:
            for conn in (tasks, results):
                with contextlib.suppress(OSError):
                    conn.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
            if process.poll() is None:
                process.kill()
        if answer[0] == "error":
            _, kind, message, hint = answer
            error_type = getattr(errors, kind, None)
            if not (isinstance(error_type, type) and issubclass(error_type, ExposureError)):
                error_type = SourceError
            raise error_type(message, hint=hint)
        self._grants = answer[1]
        return tables

    def read_grants(self, tables: Sequence[Table]) -> GrantSet | None:
        return self._grants

    def uri(self, table: Table) -> str:
        return str(self.described.uri(table))

    def encryption(self, table: Table) -> dict[str, str]:
        return dict(self.described.encryption(table))

    def close(self) -> None:
        pass


def open_catalog(source: str) -> Any:
    """The connector the scan lists tables and grants with: the source itself, or for an embedded
    engine a child process that reads its catalog."""
    described = describe_embedded(source)
    return open_source(source) if described is None else ChildCatalog(source, described)


def _lost(table: Table, why: str) -> TableOutcome:
    return TableOutcome(TableStatus.UNREADABLE, (), why, f"{table.fqn}: {why}; reported as unknown")


def _child_main(mode: str, tasks_fd: int, results_fd: int) -> None:
    """Run a child process's job; a closed pipe ends it quietly (the scan went away or stopped it)."""
    tasks, results = Connection(tasks_fd, writable=False), Connection(results_fd, readable=False)
    try:
        (_catalog_child if mode == "catalog" else _worker)(tasks, results)
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        pass
    finally:
        tasks.close()
        results.close()
        # Leave without running the interpreter's exit handlers: nothing of this process should
        # outlive it, and a half-closed connection must not block the scan.
        os._exit(0)


if __name__ == "__main__":
    _child_main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
