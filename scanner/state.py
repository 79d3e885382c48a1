"""The state store: a local SQLite file that lets nightly runs say what is new, unchanged and fixed,
skip tables whose metadata has not changed, and resume an interrupted scan.

It holds fingerprints, class names, counts, hashes and the redacted findings document — never a
sampled value, and not even the masked examples the reports show. The file is created 0600, and a
lock file stops two runs from using one store at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from scanner.errors import ConfigError, ExitCode, ExposureError
from scanner.findings import fingerprint
from scanner.models import (
    Baseline,
    Classification,
    Column,
    ColumnAssessment,
    Finding,
    FixedFinding,
    ObjectRef,
    Protection,
    Sensitivity,
    Table,
    TableAccess,
    TableScan,
    TableStatus,
    normalise_identifier,
    severity_rank,
)
from scanner.yamlio import parse_json

# Version 2: one finding per table, tables keyed by their (database, table) parts. A version-1
# store is migrated in place when it is opened (see _migrate_from_1).
STATE_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY, warehouse TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
    mode TEXT, source TEXT, status TEXT NOT NULL, doc TEXT);
CREATE TABLE IF NOT EXISTS run_tables (
    run_id TEXT NOT NULL, db TEXT NOT NULL, tbl TEXT NOT NULL, metadata_fp TEXT NOT NULL,
    scan TEXT NOT NULL, PRIMARY KEY (run_id, db, tbl));
CREATE TABLE IF NOT EXISTS tables (
    warehouse TEXT NOT NULL, db TEXT NOT NULL, tbl TEXT NOT NULL, metadata_fp TEXT NOT NULL,
    scanned_at TEXT NOT NULL, scan TEXT NOT NULL, PRIMARY KEY (warehouse, db, tbl));
CREATE TABLE IF NOT EXISTS findings (
    warehouse TEXT NOT NULL, fingerprint TEXT NOT NULL, id TEXT NOT NULL, db TEXT NOT NULL,
    tbl TEXT NOT NULL, rules TEXT NOT NULL, severity TEXT NOT NULL, title TEXT NOT NULL,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, status TEXT NOT NULL,
    PRIMARY KEY (warehouse, fingerprint));
CREATE TABLE IF NOT EXISTS legacy_ids (
    warehouse TEXT NOT NULL, legacy TEXT NOT NULL, fingerprint TEXT NOT NULL, rule_id TEXT NOT NULL,
    PRIMARY KEY (warehouse, legacy));
"""
# findings documents kept in the store: the newest runs' (a 45,000-table one is about 30 MB)
KEPT_DOCUMENTS = 5
V1_TABLES = ("run_tables", "tables", "findings")
RECORD_BATCH = 500  # tables per transaction while a scan records its progress
RECORD_SECONDS = 1.0  # ... or every second, whichever comes first: a kill loses at most that


class StateLocked(ExposureError):
    """Another run holds the state store."""

    exit_code = ExitCode.USAGE


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- what may be stored: a codec for column assessments without values -------------------------


def assessment_to_json(a: ColumnAssessment) -> dict[str, Any]:
    c = a.column
    return {
        "column": [c.name, c.data_type, c.comment, c.position, c.is_partition_key],
        "classes": [
            [
                x.class_id,
                x.sensitivity.value,
                x.confidence,
                list(x.interval),
                x.matched,
                x.sampled,
                list(x.signals),
            ]
            for x in a.classes
        ],
        "protection": a.protection.value,
        "sampled": a.sampled,
        "encrypted_by": a.encrypted_by,
        "notes": list(a.notes),
    }


def assessment_from_json(raw: Mapping[str, Any]) -> ColumnAssessment:
    name, data_type, comment, position, partition = raw["column"]
    return ColumnAssessment(
        column=Column(name, data_type, comment, position, partition),
        classes=tuple(
            Classification(cid, Sensitivity(sens), conf, (lo, hi), matched, sampled, tuple(signals))
            for cid, sens, conf, (lo, hi), matched, sampled, signals in raw["classes"]
        ),
        protection=Protection(raw["protection"]),
        sampled=raw["sampled"],
        encrypted_by=raw["encrypted_by"],
        notes=tuple(raw["notes"]),
    )


def scan_to_json(scan: TableScan) -> str:
    return json.dumps(
        {
            "status": scan.status.value,
            "error": scan.error,
            "columns": [assessment_to_json(c) for c in scan.columns],
        },
        sort_keys=True,
    )


def scan_from_json(text: str, table: Table, access: TableAccess) -> TableScan:
    raw = json.loads(text)
    return TableScan(
        table=table,
        status=TableStatus(raw["status"]),
        columns=tuple(assessment_from_json(c) for c in raw["columns"]),
        access=access,
        error=raw["error"],
    )


def metadata_fingerprint(table: Table, access: TableAccess, rules_version: str, sample_rows: int) -> str:
    """Changes when anything that could change the table's classification or readers changes:
    columns, table and serde parameters (last DDL time included), owner, grants, the rule packs."""
    doc = {
        "columns": [[c.name, c.data_type, c.comment, c.is_partition_key] for c in table.columns],
        "properties": sorted(table.properties.items()),
        "serde": sorted(table.serde_properties.items()),
        "owner": table.owner,
        "type": table.table_type,
        "access": [access.breadth.value, *(p.describe() for p in access.paths)],
        "rules": rules_version,
        "rows": sample_rows,
    }
    return hashlib.sha256(json.dumps(doc, sort_keys=True, default=str).encode()).hexdigest()


def redact_document(doc: Any) -> Any:
    """The findings document as stored: masked examples dropped too."""
    if isinstance(doc, dict):
        return {k: None if k in ("example", "masked_example") else redact_document(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [redact_document(v) for v in doc]
    return doc


TableKey = tuple[str, str]  # (database, table), normalised


@dataclass(frozen=True)
class Interrupted:
    run_id: str
    scans: dict[TableKey, tuple[str, str]]  # table → (metadata fingerprint, scan JSON)


def _split_v1(fqn: str) -> TableKey:
    # Version 1 keyed tables by "db.table"; Hive and the metastore allow no dot in a database name,
    # and a DuckDB name that had one collided with another table in version 1 already.
    database, _, table = fqn.partition(".")
    return (normalise_identifier(database), normalise_identifier(table))


def _prepare_store(path: Path, reset: bool) -> None:
    """A new store is created whole (schema and version) under a temporary name and renamed into
    place, so a crash can never leave the empty file that would later look like a reset history.
    An existing file is used as it is, unless --reset-state asks for a fresh one."""
    if path.exists() and not path.is_file():
        raise ConfigError(
            "the state store is not a regular file", file=path, line=1, hint="point --state at a file"
        )
    if path.exists() and not reset:
        if path.stat().st_size == 0:
            raise ConfigError(
                "the state store is empty (0 bytes): its history is lost",
                file=path,
                hint="--reset-state starts a fresh store in its place; restore a backup to keep history",
            )
        return
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")  # 0600
    os.close(fd)
    try:
        fresh = sqlite3.connect(temporary, isolation_level=None)
        try:
            fresh.executescript(SCHEMA)
            fresh.execute("INSERT INTO meta VALUES ('version', ?)", (str(STATE_VERSION),))
        finally:
            fresh.close()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    for leftover in (f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(leftover)  # an old store's journal must not be replayed into the new one


def _check_integrity(db: sqlite3.Connection, path: Path) -> None:
    """A corrupt store is refused, never used and never silently replaced."""
    try:
        rows = db.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        rows = [(str(exc),)]
    if rows != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in rows[:2])[:200]
        raise ConfigError(
            f"the state store is corrupt ({detail})",
            file=path,
            line=1,
            hint="--reset-state starts a fresh store in its place; restore a backup to keep history",
        )


class StateStore:
    def __init__(self, path: Path, warehouse: str, reset: bool = False) -> None:
        self._run_rows: list[tuple[str, str, str, str, str]] = []
        self._table_rows: list[tuple[str, str, str, str, str, str]] = []
        self._flushed = time.monotonic()
        # The lock and the database are the resolved file: a symlink to a store shares its lock.
        path = path.expanduser().resolve()
        self.path = path
        self.warehouse = warehouse
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._lock_fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise ConfigError(
                f"cannot use the state store: {exc.strerror}",
                file=path,
                line=1,
                hint="point --state at a writable file",
            ) from None
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._lock_fd)
            raise StateLocked(
                f"another scan is using the state store {path}",
                hint="wait for it to finish; cron runs must not overlap",
            ) from None
        try:
            _prepare_store(path, reset)
            self.db = sqlite3.connect(path, isolation_level=None)
            _check_integrity(self.db, path)
            self.db.executescript(SCHEMA)
            version = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except ExposureError:
            self.close()
            raise
        except OSError as exc:  # a read-only or full disk while creating the store
            self.close()
            raise ConfigError(
                f"cannot create the state store: {exc.strerror}",
                file=path,
                line=1,
                hint="check space and permissions",
            ) from None
        except sqlite3.DatabaseError as exc:
            self.close()
            raise ConfigError(
                f"not a state store: {exc}",
                file=path,
                line=1,
                hint="--reset-state starts a fresh store in its place (its history is lost)",
            ) from None
        if version is None:
            self.db.execute("INSERT INTO meta VALUES ('version', ?)", (str(STATE_VERSION),))
        elif version[0] == "1":
            self._migrate_from_1()
        elif version[0] != str(STATE_VERSION):
            self.close()
            raise ConfigError(
                f"state store version {version[0]} is newer than this scanner's ({STATE_VERSION})",
                file=path,
                hint="upgrade exposure, or point --state at a new file",
            )

    def _migrate_from_1(self) -> None:
        """Version 1 held one finding per (rule, table, principal) under a fingerprint of those.
        Version 2 holds one per table: the rows of a table merge into one, keeping the earliest
        first-seen, so the first run after an upgrade reports nothing new and nothing fixed.
        Old ids stay resolvable for suppression files (legacy_ids)."""
        with self._tx() as db:
            for name in V1_TABLES:
                db.execute(f"ALTER TABLE {name} RENAME TO {name}_v1")
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            for run_id, fqn, metadata_fp, scan in db.execute("SELECT * FROM run_tables_v1").fetchall():
                db.execute(
                    "INSERT OR REPLACE INTO run_tables VALUES (?, ?, ?, ?, ?)",
                    (run_id, *_split_v1(fqn), metadata_fp, scan),
                )
            for warehouse, fqn, metadata_fp, scanned_at, scan in db.execute(
                "SELECT * FROM tables_v1"
            ).fetchall():
                db.execute(
                    "INSERT OR REPLACE INTO tables VALUES (?, ?, ?, ?, ?, ?)",
                    (warehouse, *_split_v1(fqn), metadata_fp, scanned_at, scan),
                )
            merged: dict[tuple[str, str, str], dict[str, Any]] = {}
            for (
                warehouse,
                old_fp,
                old_id,
                rule_id,
                fqn,
                _principal,
                severity,
                title,
                first,
                last,
                status,
            ) in db.execute("SELECT * FROM findings_v1").fetchall():
                database, table = _split_v1(fqn)
                new_fp = fingerprint(ObjectRef(warehouse, database, table))
                for legacy in (old_id.lower(), old_fp.lower()):
                    db.execute(
                        "INSERT OR REPLACE INTO legacy_ids VALUES (?, ?, ?, ?)",
                        (warehouse, legacy, new_fp, rule_id),
                    )
                row = merged.setdefault(
                    (warehouse, database, table),
                    {
                        "fp": new_fp,
                        "rules": set(),
                        "severity": "none",
                        "title": title,
                        "first": first,
                        "last": last,
                        "open": False,
                    },
                )
                row["first"] = min(row["first"], first)
                row["last"] = max(row["last"], last)
                if status == "open":
                    row["open"] = True
                    row["rules"].add(rule_id)
                    if severity_rank(severity) < severity_rank(row["severity"]):
                        row["severity"], row["title"] = severity, title
            for (warehouse, database, table), row in merged.items():
                db.execute(
                    "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        warehouse,
                        row["fp"],
                        f"EXP-{row['fp'][:12]}",
                        database,
                        table,
                        json.dumps(sorted(row["rules"])),
                        row["severity"],
                        row["title"],
                        row["first"],
                        row["last"],
                        "open" if row["open"] else "fixed",
                    ),
                )
            for name in V1_TABLES:
                db.execute(f"DROP TABLE {name}_v1")
            # Documents of version 1 follow the findings schema 1.0: re-rendering needs a new run.
            db.execute("UPDATE runs SET doc = NULL")
            db.execute("UPDATE meta SET value = ? WHERE key = 'version'", (str(STATE_VERSION),))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('migrated_from_1', ?)", (_now(),))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.flush()  # what an interrupted run finished stays resumable
        with contextlib.suppress(Exception):
            self.db.close()
        with contextlib.suppress(OSError):
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            # a full or read-only disk mid-scan: say so instead of a traceback
            raise ConfigError(
                f"cannot write the state store: {exc}",
                file=self.path,
                hint="free space on its disk or point --state at a writable file; --resume continues the run",
            ) from None

    # --- runs -------------------------------------------------------------------------------------

    def interrupted_run(self) -> Interrupted | None:
        row = self.db.execute(
            "SELECT run_id FROM runs WHERE warehouse = ? AND status = 'running' "
            "ORDER BY started_at DESC LIMIT 1",
            (self.warehouse,),
        ).fetchone()
        if row is None:
            return None
        scans = {
            (database, table): (fp, scan)
            for database, table, fp, scan in self.db.execute(
                "SELECT db, tbl, metadata_fp, scan FROM run_tables WHERE run_id = ?", (row[0],)
            )
        }
        return Interrupted(row[0], scans)

    def begin_run(self, run_id: str, started_at: str, mode: str, source: str) -> None:
        with self._tx() as db:
            # An earlier run that never finished, and is not being resumed, is abandoned.
            db.execute(
                "UPDATE runs SET status = 'interrupted' "
                "WHERE warehouse = ? AND status = 'running' AND run_id != ?",
                (self.warehouse, run_id),
            )
            db.execute(
                "INSERT OR IGNORE INTO runs (run_id, warehouse, started_at, mode, source, status) "
                "VALUES (?, ?, ?, ?, ?, 'running')",
                (run_id, self.warehouse, started_at, mode, source),
            )

    def record_table(self, run_id: str, scan: TableScan, fingerprint: str, sampled: bool = True) -> None:
        """Called as each table finishes, so a killed run can resume without redoing it. Rows are
        written in batches (one transaction per RECORD_BATCH tables or RECORD_SECONDS): a kill costs
        at most one batch of work, and 45,000 tables are not 45,000 transactions. Only a table
        sampled in this run refreshes its classification's age; a reused one keeps its own and is
        recorded without its classification, which stays in `tables`."""
        text = scan_to_json(scan) if sampled else ""
        self._run_rows.append((run_id, *scan.table.key, fingerprint, text))
        if sampled and scan.status is TableStatus.SCANNED:
            self._table_rows.append((self.warehouse, *scan.table.key, fingerprint, _now(), text))
        if len(self._run_rows) >= RECORD_BATCH or time.monotonic() - self._flushed > RECORD_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not self._run_rows and not self._table_rows:
            return
        with self._tx() as db:
            db.executemany("INSERT OR REPLACE INTO run_tables VALUES (?, ?, ?, ?, ?)", self._run_rows)
            db.executemany("INSERT OR REPLACE INTO tables VALUES (?, ?, ?, ?, ?, ?)", self._table_rows)
        self._run_rows.clear()
        self._table_rows.clear()
        self._flushed = time.monotonic()

    def cached_scan(self, key: TableKey, fingerprint: str, max_age_days: float) -> str | None:
        """A fresh classification of an unchanged table, or None."""
        row = self.db.execute(
            "SELECT metadata_fp, scanned_at, scan FROM tables WHERE warehouse = ? AND db = ? AND tbl = ?",
            (self.warehouse, *key),
        ).fetchone()
        if row is None or row[0] != fingerprint:
            return None
        scanned = datetime.strptime(row[1], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        if datetime.now(UTC) - scanned > timedelta(days=max_age_days):
            return None
        return str(row[2])

    def legacy_ids(self) -> dict[str, tuple[str, str]]:
        """Finding ids and fingerprints of the earlier format → (fingerprint, rule)."""
        return {
            legacy: (fp, rule)
            for legacy, fp, rule in self.db.execute(
                "SELECT legacy, fingerprint, rule_id FROM legacy_ids WHERE warehouse = ?", (self.warehouse,)
            )
        }

    def finish_run(
        self, run_id: str, finished_at: str, findings: Sequence[Finding], scanned_tables: set[TableKey]
    ) -> tuple[dict[str, Baseline], list[FixedFinding]]:
        """New / unchanged / updated per finding, and what was fixed: open before, gone now, on a
        table this run read (a table that could not be read fixes nothing)."""
        previous = {
            row[0]: row
            for row in self.db.execute(
                "SELECT fingerprint, id, db, tbl, rules, severity, title, first_seen, last_seen "
                "FROM findings WHERE warehouse = ? AND status = 'open'",
                (self.warehouse,),
            )
        }
        self.flush()
        baseline: dict[str, Baseline] = {}
        current = {f.fingerprint for f in findings}
        fixed: list[FixedFinding] = []
        with self._tx() as db:
            for f in findings:
                before = previous.get(f.fingerprint)
                rules = sorted(f.rule_ids)
                if before is None:
                    state, first_seen = "new", finished_at
                else:
                    same = json.loads(before[4]) == rules and before[5] == f.severity
                    state, first_seen = ("unchanged" if same else "updated"), before[7]
                baseline[f.fingerprint] = Baseline(
                    state, first_seen, finished_at, before[5] if before else None
                )
                db.execute(
                    "INSERT OR REPLACE INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')",
                    (
                        self.warehouse,
                        f.fingerprint,
                        f.id,
                        *f.table.key,
                        json.dumps(rules),
                        f.severity,
                        f.title,
                        first_seen,
                        finished_at,
                    ),
                )
            for fp, row in previous.items():
                if fp in current or (row[2], row[3]) not in scanned_tables:
                    continue
                fixed.append(
                    FixedFinding(
                        row[1], fp, row[2], row[3], tuple(json.loads(row[4])), row[5], row[6], row[7], row[8]
                    )
                )
                db.execute(
                    "UPDATE findings SET status = 'fixed' WHERE warehouse = ? AND fingerprint = ?",
                    (self.warehouse, fp),
                )
            db.execute(
                "UPDATE runs SET status = 'complete', finished_at = ? WHERE run_id = ?", (finished_at, run_id)
            )
            # A finished run's per-table rows only served to resume it, and no other run of this
            # warehouse can be resumed now: left, they would add a row per table every night.
            db.execute(
                "DELETE FROM run_tables WHERE run_id IN (SELECT run_id FROM runs WHERE warehouse = ? "
                "AND status != 'running')",
                (self.warehouse,),
            )
        return baseline, fixed

    def store_document(self, run_id: str, doc: Mapping[str, Any]) -> None:
        """Keep this run's findings document (what `exposure report` renders); the documents of the
        runs before the last KEPT_DOCUMENTS are dropped, their runs' dates and status stay."""
        with self._tx() as db:
            db.execute("UPDATE runs SET doc = ? WHERE run_id = ?", (json.dumps(redact_document(doc)), run_id))
            db.execute(
                "UPDATE runs SET doc = NULL WHERE warehouse = ? AND doc IS NOT NULL AND run_id NOT IN "
                "(SELECT run_id FROM runs WHERE warehouse = ? AND doc IS NOT NULL "
                "ORDER BY finished_at IS NULL, finished_at DESC LIMIT ?)",
                (self.warehouse, self.warehouse, KEPT_DOCUMENTS),
            )

    def latest_document(self) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT doc FROM runs WHERE warehouse = ? AND status = 'complete' AND doc IS NOT NULL "
            "ORDER BY finished_at DESC LIMIT 1",
            (self.warehouse,),
        ).fetchone()
        return json.loads(row[0]) if row else None


def read_latest_document(path: Path) -> dict[str, Any]:
    """The newest finished run's findings document in a state file (any warehouse), read-only."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = db.execute(
            "SELECT doc FROM runs WHERE status = 'complete' AND doc IS NOT NULL "
            "ORDER BY finished_at DESC LIMIT 1"
        ).fetchone()
        db.close()
    except sqlite3.Error as exc:
        # a database file has no lines: its first is named so the error has a place
        raise ConfigError(
            f"cannot read state store: {exc}", file=path, line=1, hint="is it a state file of this version?"
        ) from None
    if row is None:
        raise ConfigError(
            "the state store holds no finished scan", file=path, line=1, hint="run exposure scan first"
        )
    doc: dict[str, Any] = parse_json(str(row[0]), path, ConfigError, "stored findings document")
    return doc
