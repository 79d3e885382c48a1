"""The same warehouse scanned through Spark (profiles computed in the executors) and through the
HiveServer2 per-table path (values fetched to the scanner), side by side in one run.

    scripts/hive-rig.sh start        # PostgreSQL metastore, Spark Thrift Server, Spark Connect server
    python bench/spark_vs_hs2.py [--tables 120] [--columns 12] [--rows 1000] [--workers 1]

Creates N tables through Spark Connect (one CTAS each, Parquet, in database exposure_bench_spark;
reused when a previous run made the same shape), then runs the full scan four ways:

  hiveserver2  --source hive://...                          catalog and values over HiveServer2
  spark        --source sc://...                            catalog through Spark, profiles from executors
  combined     --source metastore+postgresql://... --sample-source sc://...
  combined xW  the same with --workers W (W table jobs in flight; default 2)

For each: wall time, tables/s, and what reached the client — rows and bytes of sampled values
(HiveServer2: every cell of every sampling query's result; Spark: every gRPC message received,
profile rows apart from catalog rows). Both Spark servers of the rig run local[2] on this machine,
so this compares where the work and the values go, not cluster throughput. Not a timed test.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB = "exposure_bench_spark"
CARDS = ["4539 1488 0343 6467", "4556 7375 8689 9855", "4916 3386 2114 7700"]
TEXTS = [
    "hey can you cover my shift tomorrow, my kid is sick",
    "i told my manager i am looking for another job, keep it between us",
    "restock shelf 4 in aisle 9 before the morning delivery",
]
# (name, Spark type, SQL over `id` from range(rows)); the first is every table's key.
PALETTE = [
    ("id", "BIGINT", "id"),
    ("ssn", "STRING", "format_string('%03d-%02d-%04d', 100 + (id * 37) % 600, 10 + (id * 13) % 89, "
                      "1000 + (id * 7919) % 8999)"),
    ("contact_email", "STRING", "concat('user', id, '@example.net')"),
    ("message_text", "STRING", "element_at(array({texts}), CAST(id % 3 AS INT) + 1)"),
    ("amount", "DOUBLE", "round(id * 1.37, 2)"),
    ("country", "STRING", "element_at(array('US', 'DE', 'FR', 'BR'), CAST(id % 4 AS INT) + 1)"),
    ("created_at", "TIMESTAMP", "timestamp_seconds(1700000000 + id * 61)"),
    ("card_number", "STRING", "element_at(array({cards}), CAST(id % 3 AS INT) + 1)"),
    ("client_ip", "STRING", "concat('10.', id % 250, '.', (id * 7) % 250, '.', (id * 13) % 250)"),
    ("status", "STRING", "element_at(array('open', 'closed', 'pending'), CAST(id % 3 AS INT) + 1)"),
    ("score", "INT", "CAST((id * 17) % 100 AS INT)"),
    ("notes", "STRING", "concat('batch ', id % 97, ' processed by worker ', id % 7)"),
    ("tags", "ARRAY<STRING>", "array('a', concat('t', id % 5))"),
    ("session_id", "STRING", "md5(CAST(id AS STRING))"),
]  # fmt: skip


def read_env(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep:
            out[key] = value
    return out


def quote(text: str) -> str:
    from sqlglot import exp

    return exp.Literal.string(text).sql(dialect="spark")


def table_columns(index: int, columns: int) -> list[tuple[str, str, str]]:
    """Every table starts with id; the rest rotate through the palette, so tables differ."""
    rest = PALETTE[1:]
    start = (index * 5) % len(rest)
    chosen = [rest[(start + k) % len(rest)] for k in range(min(columns - 1, len(rest)))]
    texts = ", ".join(quote(t) for t in TEXTS)
    cards = ", ".join(quote(c) for c in CARDS)
    return [(n, t, sql.format(texts=texts, cards=cards)) for n, t, sql in [PALETTE[0], *chosen]]


def build(spark: Any, tables: int, columns: int, rows: int) -> float:
    """CTAS each table through Spark; skipped when the database already holds this shape."""
    shape = f"{tables}x{columns}x{rows}"
    started = time.perf_counter()
    existing = {r[1] for r in spark.sql(f"SHOW TABLES IN {DB}").collect()} if _has_db(spark) else set()
    if len(existing) == tables:
        marker = spark.sql(f"SHOW TBLPROPERTIES {DB}.t0000 ('exposure.bench')").collect()
        if marker and marker[0][1] == shape:
            print(f"reusing {tables} tables in {DB} ({shape})")
            return 0.0
    spark.sql(f"DROP DATABASE IF EXISTS {DB} CASCADE")
    spark.sql(f"CREATE DATABASE {DB}")
    for index in range(tables):
        chosen = table_columns(index, columns)
        select = ", ".join(f"{sql} AS {name}" for name, _, sql in chosen)
        spark.sql(
            f"CREATE TABLE {DB}.t{index:04d} STORED AS PARQUET "
            f"TBLPROPERTIES ('exposure.bench' = '{shape}') AS SELECT {select} FROM range({rows})"
        )
        if (index + 1) % 20 == 0:
            print(f"  created {index + 1}/{tables} tables", flush=True)
    elapsed = time.perf_counter() - started
    print(f"created {tables} tables of {columns} columns x {rows} rows through Spark in {elapsed:.1f} s")
    return elapsed


def _has_db(spark: Any) -> bool:
    return any(r[0] == DB for r in spark.sql("SHOW DATABASES").collect())


class Meter:
    """What reached the client: rows and bytes, split into sampled values (or profiles) and the rest."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.value_rows = self.value_bytes = self.other_rows = self.other_bytes = 0

    def add(self, values: bool, rows: int, size: int) -> None:
        with self.lock:
            if values:
                self.value_rows += rows
                self.value_bytes += size
            else:
                self.other_rows += rows
                self.other_bytes += size


def meter_hiveserver2(meter: Meter) -> Callable[[], None]:
    """Count every cell HiveServer2 returns: sampling queries (SELECT) apart from catalog ones."""
    from scanner.connectors.hive import HiveConnector

    original = HiveConnector._rows

    def rows(self: Any, sql: str, what: str) -> list[tuple[Any, ...]]:
        out = original(self, sql, what)
        size = sum(
            len(c if isinstance(c, bytes) else str(c).encode()) for r in out for c in r if c is not None
        )
        meter.add(sql.lstrip().upper().startswith("SELECT"), len(out), size)
        return out

    HiveConnector._rows = rows  # type: ignore[method-assign]
    return lambda: setattr(HiveConnector, "_rows", original)


def meter_spark(meter: Meter) -> Callable[[], None]:
    """Count every gRPC message the Spark Connect client receives, and the Arrow rows inside;
    messages carrying profile rows apart from the rest (catalog answers, schemas, metrics)."""
    import grpc
    import pyarrow as pa
    from pyspark.sql.connect.client import DefaultChannelBuilder

    def keep(message: Any) -> None:
        size = message.ByteSize()
        batch = getattr(message, "arrow_batch", None)
        rows, profiles = 0, False
        if batch is not None and message.HasField("arrow_batch"):
            table = pa.ipc.open_stream(batch.data).read_all()
            rows, profiles = table.num_rows, table.schema.names == ["position", "profile", "error"]
        meter.add(profiles, rows, size)

    class Tap:
        def __init__(self, call: Any) -> None:
            self.call = call

        def __iter__(self) -> Tap:
            return self

        def __next__(self) -> Any:
            message = next(self.call)
            keep(message)
            return message

        def __getattr__(self, name: str) -> Any:
            return getattr(self.call, name)

    class Interceptor(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):
        def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
            outcome = continuation(details, request)
            with contextlib.suppress(Exception):  # an error answer carries no rows
                keep(outcome.result())
            return outcome

        def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
            return Tap(continuation(details, request))

    original = DefaultChannelBuilder.toChannel

    def to_channel(builder: Any) -> Any:
        return grpc.intercept_channel(original(builder), Interceptor())

    DefaultChannelBuilder.toChannel = to_channel  # type: ignore[method-assign]
    return lambda: setattr(DefaultChannelBuilder, "toChannel", original)


def run(name: str, config: Any, expected: int) -> tuple[float, Any]:
    from scanner.scan import run_scan

    started = time.perf_counter()
    result = run_scan(config)
    wall = time.perf_counter() - started
    tables = len(result.tables)
    if tables != expected or not result.coverage.complete:
        print(
            f"  {name}: {tables} tables, coverage complete: {result.coverage.complete}; {result.warnings[:3]}"
        )
    return wall, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=120)
    parser.add_argument("--columns", type=int, default=12)
    parser.add_argument("--rows", type=int, default=1000, help="rows per table (the scan samples 385)")
    parser.add_argument("--workers", type=int, default=2, help="table jobs in flight for the last run")
    parser.add_argument(
        "--rig", type=Path, default=Path(os.environ.get("EXPOSURE_RIG_DIR", "/tmp/exposure-hive-rig"))
    )
    args = parser.parse_args()
    import warnings

    warnings.filterwarnings("ignore", category=FutureWarning)
    from pyspark.sql.connect.session import SparkSession

    from scanner.config import ScanConfig

    env = read_env(args.rig / "rig.env")
    connect_url = env["EXPOSURE_SPARK_CONNECT_URL"]
    spark = SparkSession.builder.remote(connect_url).create()
    try:
        build(spark, args.tables, args.columns, args.rows)
    finally:
        spark.stop()

    grants = args.rig / "bench-spark-grants.sql"
    grants.write_text(f"GRANT SELECT ON DATABASE {DB} TO ROLE public;\n")
    hive_url = f"hive://bench@127.0.0.1:{env['EXPOSURE_HIVE_PORT']}/?query_timeout=300"
    metastore_url = (
        f"metastore+postgresql://{env['EXPOSURE_METASTORE_USER']}@127.0.0.1:{env['EXPOSURE_METASTORE_PORT']}/"
        f"{env['EXPOSURE_METASTORE_DB']}?password_file={env['EXPOSURE_METASTORE_PASSWORD_FILE']}"
    )
    base = ScanConfig(include=(f"{DB}.*",), warehouse="bench", grants=(grants,))
    runs = [
        ("hiveserver2", base.with_options(source=hive_url), meter_hiveserver2),
        ("spark", base.with_options(source=connect_url), meter_spark),
        ("combined", base.with_options(source=metastore_url, sample_source=connect_url), meter_spark),
        (
            f"combined x{args.workers}",
            base.with_options(source=metastore_url, sample_source=connect_url, workers=args.workers),
            meter_spark,
        ),
    ]
    print(
        f"\n{args.tables} tables x {args.columns} columns, sample {base.sample_rows} rows per table; "
        f"cells reaching the client:\n"
        f"{'path':<14} {'wall s':>7} {'tables/s':>8} {'value rows':>10} {'value bytes':>12} "
        f"{'other rows':>10} {'other bytes':>12}  (value = sampled cells; Spark: profile rows)"
    )
    ids: dict[str, set[str]] = {}
    for name, config, install in runs:
        meter = Meter()
        undo = install(meter)
        try:
            wall, result = run(name, config, args.tables)
        finally:
            undo()
        ids[name] = {f.fingerprint for f in result.findings}
        print(
            f"{name:<14} {wall:>7.1f} {len(result.tables) / wall:>8.2f} {meter.value_rows:>10,} "
            f"{meter.value_bytes:>12,} {meter.other_rows:>10,} {meter.other_bytes:>12,}",
            flush=True,
        )
    same = all(found == ids["hiveserver2"] for found in ids.values())
    print(
        f"same findings (ids) on every path: {'yes' if same else 'NO'} ({len(ids['hiveserver2'])} findings)"
    )


if __name__ == "__main__":
    main()
