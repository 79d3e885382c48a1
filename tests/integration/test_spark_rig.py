"""Spark as the engine, against the rig's Spark Connect server (started by scripts/hive-rig.sh on the
same PostgreSQL metastore as the Thrift Server): the same findings as the HiveServer2 path, and
nothing but profiles on the wire back to the client.

Every gRPC message the client receives during a scan is recorded below the pyspark client (a
channel interceptor), including the Arrow batches inside them, and searched for planted canaries.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlglot import exp

from scanner.config import ScanConfig
from scanner.models import Principal, PrincipalType, ScanResult, TableScan
from scanner.scan import exit_code_for, run_scan
from tests.conftest import CANARY_CARDS, CANARY_EMAILS, CANARY_SSNS, CANARY_TEXT
from tests.integration.conftest import RIG_DIR, Rig, _read_env
from tests.integration.test_hive_rig import (
    DB,
    DB_OPEN,
    GRANTS_SQL,
    HOSTILE,
    ROWS,
    TABLES,
    _config,
    _keys,
    warehouse,  # noqa: F401 - the HiveServer2 rig's tables, reused as a fixture
)
from tests.test_no_leak import _canaries

pytestmark = pytest.mark.integration

CANARY_DB = "exposure_spark_canary"
PARTS_DB = "exposure_spark_parts"
EVERYONE = (Principal(PrincipalType.GROUP, "all_staff"),)


@pytest.fixture(scope="module")
def rig_env(rig: Rig) -> dict[str, str]:
    env = _read_env(RIG_DIR / "rig.env")
    if "EXPOSURE_SPARK_CONNECT_URL" not in env:
        reason = f"the rig at {RIG_DIR} has no Spark Connect server (restart it with scripts/hive-rig.sh)"
        if os.environ.get("EXPOSURE_REQUIRE_RIG") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return env


@pytest.fixture(scope="module")
def connect_url(rig_env: dict[str, str]) -> str:
    return rig_env["EXPOSURE_SPARK_CONNECT_URL"]


def _session(url: str) -> Any:
    """A plain Spark Connect session for setting tables up (not the scanner's)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        from pyspark.sql.connect.session import SparkSession

    return SparkSession.builder.remote(url).create()


def _lit(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    if isinstance(value, list):
        return "ARRAY(" + ", ".join(_lit(v) for v in value) + ")"
    return exp.Literal.string(str(value)).sql(dialect="spark")


def _q(name: str) -> str:
    return exp.to_identifier(name, quoted=True).sql(dialect="spark")


def _create(spark: Any, db: str, table: str, columns: list[tuple[str, str]], rows: list[tuple[Any, ...]],
            partition: tuple[str, str] | None = None) -> None:  # fmt: skip
    cols = ", ".join(f"{_q(c)} {t}" for c, t in columns)
    spec = f" PARTITIONED BY ({_q(partition[0])} STRING)" if partition else ""
    spark.sql(f"CREATE TABLE IF NOT EXISTS {db}.{table} ({cols}) STORED AS PARQUET{spec}")
    target = f"{db}.{table}" + (
        f" PARTITION ({_q(partition[0])} = {_lit(partition[1])})" if partition else ""
    )
    values = ", ".join("(" + ", ".join(_lit(v) for v in row) + ")" for row in rows)
    spark.sql(f"INSERT INTO {target} VALUES {values}")


@pytest.fixture(scope="module")
def spark_tables(warehouse: Rig, connect_url: str) -> Iterator[str]:  # noqa: F811
    """Tables made through Spark itself: canaries in every kind of column, a partitioned table whose
    older partition alone holds SSNs, and a view whose table is gone."""
    spark = _session(connect_url)
    try:
        for db in (CANARY_DB, PARTS_DB):
            spark.sql(f"DROP DATABASE IF EXISTS {db} CASCADE")
            spark.sql(f"CREATE DATABASE {db}")
        _create(
            spark,
            CANARY_DB,
            "people",
            [("id", "INT"), ("ssn", "STRING"), ("email", "STRING"), (HOSTILE, "STRING"), ("notes", "STRING")],
            [
                (i, CANARY_SSNS[i % 5], CANARY_EMAILS[i % 3], CANARY_CARDS[i % 3], f"{CANARY_TEXT} #{i}")
                for i in range(30)
            ],
        )
        for day, offset in (("2024-01-01", 0), ("2024-01-02", 30)):
            _create(
                spark,
                CANARY_DB,
                "events",
                [("id", "INT"), ("card", "STRING"), ("recipients", "ARRAY<STRING>"), ("blob", "BINARY")],
                [
                    (offset + i, CANARY_CARDS[i % 3], [CANARY_EMAILS[i % 3]], CANARY_TEXT.encode())
                    for i in range(20)
                ],
                partition=("dt", day),
            )
        _create(
            spark,
            PARTS_DB,
            "visits",
            [("id", "INT"), ("note", "STRING")],
            [(i, CANARY_SSNS[i % 5]) for i in range(30)],
            partition=("dt", "2024-01-01"),
        )
        _create(
            spark,
            PARTS_DB,
            "visits",
            [("id", "INT"), ("note", "STRING")],
            [(i, f"restock shelf {i} in aisle {i % 7}") for i in range(12)],
            partition=("dt", "2024-01-02"),
        )
        _create(spark, PARTS_DB, "gone", [("id", "INT"), ("ssn", "STRING")], [(1, CANARY_SSNS[0])])
        spark.sql(f"CREATE VIEW {PARTS_DB}.broken AS SELECT * FROM {PARTS_DB}.gone")
        spark.sql(f"DROP TABLE {PARTS_DB}.gone")
    finally:
        spark.stop()
    yield connect_url


@pytest.fixture(scope="module")
def grants_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("grants") / "grants.sql"
    path.write_text(GRANTS_SQL + f"\nGRANT SELECT ON DATABASE {CANARY_DB} TO ROLE public;\n")
    return path


@pytest.fixture(scope="module")
def scans(warehouse: Rig, connect_url: str, grants_file: Path) -> dict[str, ScanResult]:  # noqa: F811
    return {
        "hiveserver2": _run_scan(
            _config(source=warehouse.hive_url, grants=(grants_file,), everyone=EVERYONE)
        ),
        "spark": _run_scan(_config(source=connect_url, grants=(grants_file,), everyone=EVERYONE)),
        # Catalog and grants in bulk from the metastore, profiles from Spark, two table jobs at once.
        "combined": _run_scan(
            _config(source=warehouse.metastore_url, sample_source=connect_url, everyone=EVERYONE, workers=2)
        ),
    }


def _verdicts(result: ScanResult) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Per column: what was read and decided (every column, as each table streamed past)."""
    return {
        (scan.table.fqn, column.column.name): (
            scan.status.value,
            column.sampled,
            column.protection.value,
            tuple(sorted(c.class_id for c in column.classes)),
        )
        for scan in SEEN[id(result)]
        for column in scan.columns
    }


SEEN: dict[int, list[TableScan]] = {}


def _run_scan(config: ScanConfig) -> ScanResult:
    seen: list[TableScan] = []
    result = run_scan(config, on_table=seen.append)
    SEEN[id(result)] = seen
    return result


def test_spark_finds_the_same_findings_as_hiveserver2(scans: dict[str, ScanResult]) -> None:
    hiveserver2 = _keys(scans["hiveserver2"])
    assert {rule for k in hiveserver2 for rule in k[1].split()} == {"EXP001", "EXP002"}
    for mode in ("spark", "combined"):
        result = scans[mode]
        assert result.coverage.complete, (mode, result.warnings)
        assert result.coverage.tables_total == len(TABLES), mode
        assert _keys(result) == hiveserver2, mode
        assert [f.fingerprint for f in result.findings] == [
            f.fingerprint for f in scans["hiveserver2"].findings
        ]


def test_every_column_reads_and_decides_as_through_hiveserver2(scans: dict[str, ScanResult]) -> None:
    expected = _verdicts(scans["hiveserver2"])
    assert len(expected) == sum(len(cols) for _, cols in TABLES.values())
    assert all(v[1] == ROWS for v in expected.values())  # every value was read, none capped away
    assert _verdicts(scans["spark"]) == expected
    assert _verdicts(scans["combined"]) == expected
    assert expected[(f"{DB}.people", HOSTILE)][3] == ("us_ssn",)
    assert expected[(f"{DB_OPEN}.chats", "message_text")][3] == ("conversation", "free_text")


def _scan(source: str, databases: tuple[str, ...], grants: Path | None = None, **extra: Any) -> ScanResult:
    config = ScanConfig(
        source=source,
        include=tuple(f"{db}.*" for db in databases),
        warehouse="it",
        everyone=(),
        sample_rows=50,
        grants=(grants,) if grants else (),
    )
    return _run_scan(config.with_options(**extra))


def test_a_partitioned_table_is_read_from_its_newest_partition(
    spark_tables: str,
    warehouse: Rig,  # noqa: F811
) -> None:
    for source, extra in [
        (spark_tables, {}),
        (warehouse.metastore_url, {"sample_source": spark_tables}),
        (warehouse.hive_url, {}),
    ]:
        result = _scan(source, (PARTS_DB,), **extra)
        visits = next(s for s in SEEN[id(result)] if s.table.name == "visits")
        note = next(c for c in visits.columns if c.column.name == "note")
        # The older partition holds 30 SSNs; the newest 12 shelf notes, and only those were read.
        assert note.sampled == 12, source
        assert "us_ssn" not in [c.class_id for c in note.classes], source


def test_an_unreadable_table_is_unknown_never_clean(spark_tables: str, grants_file: Path) -> None:
    result = _scan(spark_tables, (PARTS_DB,), grants_file)
    broken = next(s for s in result.tables if s.table.name == "broken")
    assert broken.status.value == "unreadable", broken
    assert "TABLE_OR_VIEW_NOT_FOUND" in (broken.error or ""), broken.error
    assert exit_code_for(result, "SEV3") == 3


# --- what the client receives ------------------------------------------------------------------


class _Tap:
    """A response stream that hands each message to `keep` as the client reads it."""

    def __init__(self, call: Any, keep: Callable[[Any], None]) -> None:
        self._call = call
        self._keep = keep

    def __iter__(self) -> _Tap:
        return self

    def __next__(self) -> Any:
        message = next(self._call)
        self._keep(message)
        return message

    def __getattr__(self, name: str) -> Any:
        return getattr(self._call, name)


class Recorder:
    """A gRPC client interceptor that keeps every response message of every call kind."""

    def __init__(self) -> None:
        import grpc

        self.messages: list[Any] = []
        self._lock = threading.Lock()
        recorder = self

        class Interceptor(
            grpc.UnaryUnaryClientInterceptor,
            grpc.UnaryStreamClientInterceptor,
            grpc.StreamUnaryClientInterceptor,
            grpc.StreamStreamClientInterceptor,
        ):
            def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
                outcome = continuation(details, request)
                with contextlib.suppress(Exception):
                    recorder.keep(outcome.result())
                return outcome

            def intercept_stream_unary(self, continuation: Any, details: Any, requests: Any) -> Any:
                return self.intercept_unary_unary(continuation, details, requests)

            def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
                return _Tap(continuation(details, request), recorder.keep)

            def intercept_stream_stream(self, continuation: Any, details: Any, requests: Any) -> Any:
                return _Tap(continuation(details, requests), recorder.keep)

        self.interceptor = Interceptor()

    def keep(self, message: Any) -> None:
        with self._lock:
            self.messages.append(message)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import grpc
        from pyspark.sql.connect.client import DefaultChannelBuilder

        original = DefaultChannelBuilder.toChannel

        def to_channel(builder: Any) -> Any:
            return grpc.intercept_channel(original(builder), self.interceptor)

        monkeypatch.setattr(DefaultChannelBuilder, "toChannel", to_channel)

    def clear(self) -> None:
        with self._lock:
            self.messages.clear()

    def received(self) -> tuple[bytes, bytes, int, int]:
        """Every received byte; the text of every Arrow table inside those messages (in case a batch
        is compressed); the rows of profile tables; the bytes on the wire."""
        wire = [m.SerializeToString() for m in self.messages]
        texts, profile_rows = [], 0
        for message in self.messages:
            for table in _arrow_tables(message):
                if table.schema.names == ["position", "profile", "error"]:
                    profile_rows += table.num_rows
                texts.append(repr(table.to_pylist()).encode())
        return b"\n".join(wire), b"\n".join(texts), profile_rows, sum(len(w) for w in wire)


def _arrow_tables(message: Any) -> Iterator[Any]:
    """Every bytes value anywhere in a message (nested messages, lists, maps) that reads as an
    Arrow IPC stream."""
    import pyarrow as pa

    for _, value in message.ListFields():
        if hasattr(value, "keys"):  # a map field
            items = list(value.values())
        elif isinstance(value, str | bytes) or hasattr(value, "ListFields"):
            items = [value]
        else:
            try:
                items = list(value)  # a repeated field
            except TypeError:
                items = [value]
        for item in items:
            if hasattr(item, "ListFields"):
                yield from _arrow_tables(item)
            elif isinstance(item, bytes) and item:
                with contextlib.suppress(Exception):
                    yield pa.ipc.open_stream(item).read_all()


def _leaked(wire: bytes, text: bytes) -> list[str]:
    found = [c.decode() for c in _canaries() if c in wire or c in text]
    # Nor six digits in a row of any planted number in the data that came back (masks reveal at
    # most four characters). Six, not five: table metadata carries ten-digit epoch times, and the
    # wire random ids, in which some five-digit run would turn up by chance.
    for number in [*CANARY_SSNS, *CANARY_CARDS]:
        digits = "".join(ch for ch in number if ch.isdigit())
        found += [digits[i : i + 6] for i in range(len(digits) - 5) if digits[i : i + 6].encode() in text]
    return found


def test_no_sampled_value_reaches_the_client(
    spark_tables: str, grants_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder()
    recorder.install(monkeypatch)
    result = _scan(spark_tables, (CANARY_DB,), grants_file)
    assert result.coverage.complete, result.warnings
    wire, text, rows, size = recorder.received()

    # The canaries were read and classified, inside Spark.
    verdicts = _verdicts(result)
    assert verdicts[(f"{CANARY_DB}.people", "ssn")][1:] == (30, "plaintext", ("us_ssn",))
    assert verdicts[(f"{CANARY_DB}.people", "email")][3] == ("email",)
    assert verdicts[(f"{CANARY_DB}.people", HOSTILE)][3] == ("credit_card",)
    assert "credit_card" in verdicts[(f"{CANARY_DB}.events", "card")][3]
    assert verdicts[(f"{CANARY_DB}.events", "card")][1] == 20  # the newest partition only
    assert verdicts[(f"{CANARY_DB}.events", "blob")][1:3] == (
        20,
        "ciphertext",
    )  # binary: counted, not read as text
    # What came back from the table jobs: one profile row per column.
    columns = sum(len(s.columns) for s in SEEN[id(result)])
    assert rows == columns, (rows, columns)
    assert b"***-**-" in text  # masked evidence is what travels
    assert _leaked(wire, text) == []

    # The recorder would have seen a value had one come back: ask for some through the same wiring.
    recorder.clear()
    spark = _session(spark_tables)
    try:
        spark.sql(f"SELECT ssn, email FROM {CANARY_DB}.people LIMIT 3").collect()
    finally:
        spark.stop()
    assert _leaked(*recorder.received()[:2]), "the recorder saw no values even when values were fetched"
    print(f"\nSpark path: {rows} profile rows for {columns} columns, {size} bytes received in all")


def test_executors_import_the_scanner_shipped_as_an_artifact(spark_tables: str) -> None:
    from scanner.connect import open_source

    def where(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        import scanner.connectors.spark_executor as shipped

        for _ in batches:
            pass
        yield pa.RecordBatch.from_pylist([{"path": shipped.__file__}])

    connector = open_source(spark_tables)
    try:
        frame = connector._session.sql("SELECT 1 AS x")  # type: ignore[attr-defined]
        [row] = frame.coalesce(1).mapInArrow(where, "path STRING").collect()
    finally:
        connector.close()
    assert "exposure_scanner_" in row.path and ".zip" in row.path, row.path


def test_executors_run_python_from_the_packed_environment(
    spark_tables: str, tmp_path: Path, grants_file: Path
) -> None:
    """`python_env=` ships an archive that executors unpack and take their Python from. A real one
    comes from venv-pack; this one's bin/python marks its workers, then runs this interpreter."""
    import sys
    import tarfile

    python = tmp_path / "env" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nEXPOSURE_PACKED_ENV=yes exec {sys.executable} "$@"\n')
    python.chmod(0o755)
    archive = tmp_path / "scanner-env.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(python.parent, arcname="bin")

    def marker(batches: Iterator[Any]) -> Iterator[Any]:
        import os

        import pyarrow as pa

        for _ in batches:
            pass
        yield pa.RecordBatch.from_pylist([{"packed": os.environ.get("EXPOSURE_PACKED_ENV", "no")}])

    from scanner.connect import open_source

    source = f"{spark_tables}?python_env={archive}"
    connector = open_source(source)
    try:
        frame = connector._session.sql("SELECT 1 AS x").coalesce(1)  # type: ignore[attr-defined]
        [row] = frame.mapInArrow(marker, "packed STRING").collect()
    finally:
        connector.close()
    assert row.packed == "yes"
    result = _scan(source, (CANARY_DB,), grants_file)
    assert result.coverage.complete, result.warnings
    assert _verdicts(result)[(f"{CANARY_DB}.people", "ssn")][3] == ("us_ssn",)


def test_an_in_process_local_session_finds_the_same(
    scans: dict[str, ScanResult], rig_env: dict[str, str], grants_file: Path
) -> None:
    properties = rig_env["EXPOSURE_SPARK_PROPERTIES_FILE"]
    source = f"spark:local[1]?properties_file={properties}&databases={DB},{DB_OPEN}"
    result = _run_scan(_config(source=source, grants=(grants_file,), everyone=EVERYONE))
    assert result.coverage.complete, result.warnings
    assert _keys(result) == _keys(scans["hiveserver2"])
    assert _verdicts(result) == _verdicts(scans["hiveserver2"])
