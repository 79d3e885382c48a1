"""Catalog + grants enumeration at the incident's scale: 45,000 tables.

    scripts/hive-rig.sh start            # PostgreSQL with Hive's metastore schema + Spark Thrift Server
    python bench/metastore_scale.py [--tables 45000] [--columns 50] [--hs2-sample 60]

(a) Bulk: fills a copy of the metastore schema (PostgreSQL schema `exposure_bench` in the rig's
    metastore database, same tables and column types as Hive's) with N tables of ~50 columns,
    realistic table and serde parameters and a few thousand grants (public ones among them) by
    bulk SQL, then times the metastore connector enumerating every table and every grant, in a
    child process so its peak RSS is its own.
(b) Per table over HiveServer2: creates a subset of tables of the same shape through the Spark
    Thrift Server and times the HiveServer2 connector's per-table path on them (SHOW TABLES,
    DESCRIBE FORMATTED, SHOW GRANT per table), then extrapolates to N tables.
Prints both, their ratio and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCHEMA = "exposure_bench"
HS2_DB = "exposure_bench_hs2"
COPIED = (
    "DBS", "TBLS", "SDS", "CDS", "SERDES", "COLUMNS_V2", "PARTITION_KEYS", "TABLE_PARAMS", "SERDE_PARAMS",
    "TBL_PRIVS", "DB_PRIVS", "TBL_COL_PRIVS", "GLOBAL_PRIVS", "ROLES", "ROLE_MAP",
)  # fmt: skip
COLUMN_TYPES = [
    "bigint",
    "string",
    "string",
    "int",
    "double",
    "timestamp",
    "string",
    "decimal(12,2)",
    "boolean",
]
COLUMN_WORDS = [
    "id", "user_id", "event_ts", "ssn", "email", "amount", "country", "status", "payload", "device",
    "session_id", "keystrokes", "message_text", "score", "created_at", "region", "phone", "ip_address",
]  # fmt: skip


def read_env(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep:
            out[key] = value
    return out


def fill(pg: object, tables: int, columns: int) -> dict[str, int]:
    """Bulk-insert the synthetic metastore with set-based SQL (seconds, not hours)."""
    sql = [f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE", f"CREATE SCHEMA {SCHEMA}"]
    sql += [f'CREATE TABLE {SCHEMA}."{t}" (LIKE public."{t}" INCLUDING DEFAULTS)' for t in COPIED]
    databases = max(1, tables // 300)
    types = "ARRAY[" + ",".join(f"'{t}'" for t in COLUMN_TYPES) + "]"
    words = "ARRAY[" + ",".join(f"'{w}'" for w in COLUMN_WORDS) + "]"
    s = SCHEMA
    sql += [
        f"""INSERT INTO {s}."DBS" ("DB_ID","DESC","DB_LOCATION_URI","NAME","OWNER_NAME","OWNER_TYPE")
            SELECT d, 'bench', 'hdfs://nn/warehouse/db_' || d || '.db', 'db_' || lpad(d::text, 3, '0'),
                   'etl', 'USER' FROM generate_series(1, {databases}) d""",
        f"""INSERT INTO {s}."CDS" SELECT t FROM generate_series(1, {tables}) t""",
        f"""INSERT INTO {s}."SERDES" SELECT t, NULL,
                'org.apache.hadoop.hive.ql.io.orc.OrcSerde' FROM generate_series(1, {tables}) t""",
        f"""INSERT INTO {s}."SDS" ("SD_ID","CD_ID","INPUT_FORMAT","IS_COMPRESSED","IS_STOREDASSUBDIRECTORIES",
                "LOCATION","NUM_BUCKETS","OUTPUT_FORMAT","SERDE_ID")
            SELECT t, t, 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat', false, false,
                   'hdfs://nn/warehouse/t_' || t, -1, 'org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat', t
            FROM generate_series(1, {tables}) t""",
        f"""INSERT INTO {s}."TBLS" ("TBL_ID","CREATE_TIME","DB_ID","LAST_ACCESS_TIME","OWNER","RETENTION",
                "IS_REWRITE_ENABLED","SD_ID","TBL_NAME","TBL_TYPE")
            SELECT t, 1700000000 + t, 1 + t % {databases}, 0, 'user_' || (t % 400), 0, false, t,
                   'table_' || lpad(t::text, 6, '0'), 'MANAGED_TABLE' FROM generate_series(1, {tables}) t""",
        f"""INSERT INTO {s}."COLUMNS_V2" ("CD_ID","COMMENT","COLUMN_NAME","TYPE_NAME","INTEGER_IDX")
            SELECT t, CASE WHEN c % 7 = 0 THEN 'column ' || c END,
                   ({words})[1 + (c + t) % {len(COLUMN_WORDS)}] || '_' || c,
                   ({types})[1 + (c * 7 + t) % {len(COLUMN_TYPES)}], c
            FROM generate_series(1, {tables}) t, generate_series(0, {columns - 1}) c""",
        f"""INSERT INTO {s}."PARTITION_KEYS" SELECT t, NULL, 'dt', 'string', 0
            FROM generate_series(1, {tables}) t WHERE t % 3 = 0""",
        f"""INSERT INTO {s}."TABLE_PARAMS"
            SELECT t, k, CASE k WHEN 'numRows' THEN (t * 37 % 100000)::text
                                WHEN 'transient_lastDdlTime' THEN (1700000000 + t)::text
                                WHEN 'orc.encrypt' THEN 'pii:ssn_3'
                                WHEN 'comment' THEN 'synthetic table ' || t
                                ELSE 'v' || t END
            FROM generate_series(1, {tables}) t,
                 unnest(ARRAY['numRows','rawDataSize','totalSize','numFiles','transient_lastDdlTime',
                              'COLUMN_STATS_ACCURATE','comment','owner_team']) k
            UNION ALL SELECT t, 'orc.encrypt', 'pii:ssn_3'
            FROM generate_series(1, {tables}) t WHERE t % 10 = 0""",
        f"""INSERT INTO {s}."SERDE_PARAMS" SELECT t, 'serialization.format', '1'
            FROM generate_series(1, {tables}) t""",
        # owner grants for every table, as the metastore writes them on CREATE TABLE
        f"""INSERT INTO {s}."TBL_PRIVS" SELECT row_number() OVER (), 1700000000, 1,
                'user_' || (t % 400), 'USER', 'user_' || (t % 400), 'USER', p, t
            FROM generate_series(1, {tables}) t, unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE']) p""",
        # a few thousand grants beyond the owners': role public, company groups, teams
        f"""INSERT INTO {s}."TBL_PRIVS" SELECT 10000000 + t, 1700000000, 0, 'admin', 'ROLE',
                CASE t % 3 WHEN 0 THEN 'public' WHEN 1 THEN 'all_employees' ELSE 'team_' || (t % 50) END,
                CASE t % 3 WHEN 0 THEN 'ROLE' ELSE 'GROUP' END, 'SELECT', t
            FROM generate_series(1, {tables}) t WHERE t % 15 = 0""",
        f"""INSERT INTO {s}."DB_PRIVS"
            SELECT d, 1700000000, d, 0, 'admin', 'ROLE', 'analysts', 'ROLE', 'SELECT'
            FROM generate_series(1, {databases}) d WHERE d % 5 = 0""",
        f"""INSERT INTO {s}."TBL_COL_PRIVS" SELECT t, 'email_1', 1700000000, 0, 'admin', 'ROLE', 'support',
                'GROUP', 'SELECT', t FROM generate_series(1, {tables}) t WHERE t % 97 = 0""",
        f"""INSERT INTO {s}."ROLES" VALUES (1, 1700000000, 'admin', 'admin'),
                (2, 1700000000, 'admin', 'public'), (3, 1700000000, 'admin', 'analysts')""",
        f"""INSERT INTO {s}."ROLE_MAP" SELECT g, 1700000000, 0, 'admin', 'ROLE', 'analyst_' || g, 'USER', 3
            FROM generate_series(1, 200) g""",
        f'ANALYZE {s}."COLUMNS_V2"',
    ]
    with pg.cursor() as cur:  # type: ignore[attr-defined]
        for statement in sql:
            cur.execute(statement)
        counts = {}
        for t in ("TBLS", "COLUMNS_V2", "TABLE_PARAMS", "TBL_PRIVS", "DB_PRIVS", "TBL_COL_PRIVS"):
            cur.execute(f'SELECT count(*) FROM {s}."{t}"')
            counts[t] = cur.fetchone()[0]
    pg.commit()  # type: ignore[attr-defined]
    return counts


def child_enumerate(url: str) -> None:
    """Runs in its own process: enumerate, print timing and peak RSS as JSON."""
    import resource

    from scanner.connect import open_source

    started = time.perf_counter()
    connector = open_source(url)
    tables = list(connector.list_tables())
    listed = time.perf_counter()
    grants = connector.read_grants(tables)
    done = time.perf_counter()
    connector.close()
    assert grants is not None
    print(
        json.dumps(
            {
                "tables": len(tables),
                "columns": sum(len(t.columns) for t in tables),
                "grants": len(grants.grants),
                "catalog_s": listed - started,
                "grants_s": done - listed,
                "total_s": done - started,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def hs2_subset(hive_url: str, port: int, count: int, columns: int) -> dict[str, float]:
    from pyhive import hive

    from scanner.connect import open_source

    conn = hive.connect(host="127.0.0.1", port=port, username="bench", auth="NONE")
    cur = conn.cursor()
    cur.execute(f"DROP DATABASE IF EXISTS {HS2_DB} CASCADE")
    cur.execute(f"CREATE DATABASE {HS2_DB}")
    for i in range(count):
        cols = ", ".join(
            f"{COLUMN_WORDS[(c + i) % len(COLUMN_WORDS)]}_{c} {COLUMN_TYPES[c % 9]}" for c in range(columns)
        )
        cur.execute(
            f"CREATE TABLE {HS2_DB}.table_{i:06d} ({cols}) PARTITIONED BY (dt string) STORED AS ORC "
            f"TBLPROPERTIES ('owner_team'='t{i % 50}', 'comment'='synthetic table {i}')"
        )
    conn.close()
    connector = open_source(f"{hive_url}&databases={HS2_DB}")
    started = time.perf_counter()
    tables = list(connector.list_tables())
    listed = time.perf_counter()
    connector.read_grants(tables)  # SHOW GRANT per table (refused by Spark, still one round trip each)
    done = time.perf_counter()
    connector.close()
    return {
        "tables": len(tables),
        "catalog_s": listed - started,
        "grants_s": done - listed,
        "total_s": done - started,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=45_000)
    parser.add_argument("--columns", type=int, default=50)
    parser.add_argument("--hs2-sample", type=int, default=60, help="tables timed over HiveServer2")
    parser.add_argument(
        "--rig", type=Path, default=Path(os.environ.get("EXPOSURE_RIG_DIR", "/tmp/exposure-hive-rig"))
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_enumerate(args.child)
        return
    import psycopg

    env = read_env(args.rig / "rig.env")
    password_file = env["EXPOSURE_METASTORE_PASSWORD_FILE"]
    pg = psycopg.connect(
        host="127.0.0.1",
        port=int(env["EXPOSURE_METASTORE_PORT"]),
        user=env["EXPOSURE_METASTORE_USER"],
        password=Path(password_file).read_text().strip(),
        dbname=env["EXPOSURE_METASTORE_DB"],
    )
    started = time.perf_counter()
    counts = fill(pg, args.tables, args.columns)
    pg.close()
    print(f"filled metastore schema {SCHEMA} in {time.perf_counter() - started:.1f} s: {counts}")

    url = (
        f"metastore+postgresql://{env['EXPOSURE_METASTORE_USER']}@127.0.0.1:{env['EXPOSURE_METASTORE_PORT']}/"
        f"{env['EXPOSURE_METASTORE_DB']}?password_file={password_file}&options=-csearch_path%3D{SCHEMA}"
    )
    out = subprocess.run(
        [sys.executable, __file__, "--child", url], capture_output=True, text=True, check=True
    ).stdout
    bulk = json.loads(out.strip().splitlines()[-1])
    print(
        f"(a) bulk metastore: {bulk['tables']:,} tables, {bulk['columns']:,} columns, "
        f"{bulk['grants']:,} grants "
        f"in {bulk['total_s']:.1f} s (catalog {bulk['catalog_s']:.1f} s, grants {bulk['grants_s']:.1f} s); "
        f"peak RSS {bulk['peak_rss_mb']:.0f} MB"
    )

    hive_url = f"hive://bench@127.0.0.1:{env['EXPOSURE_HIVE_PORT']}/?query_timeout=300"
    subset = hs2_subset(hive_url, int(env["EXPOSURE_HIVE_PORT"]), args.hs2_sample, args.columns)
    per_table = subset["total_s"] / subset["tables"]
    extrapolated = per_table * bulk["tables"]
    print(
        f"(b) HiveServer2 per table: {subset['tables']} tables in {subset['total_s']:.1f} s "
        f"(DESCRIBE FORMATTED {subset['catalog_s']:.1f} s, SHOW GRANT {subset['grants_s']:.1f} s) = "
        f"{per_table * 1000:.0f} ms/table -> {extrapolated:,.0f} s for {bulk['tables']:,} tables "
        "(extrapolated)"
    )
    print(f"ratio (b)/(a): {extrapolated / bulk['total_s']:.0f}x")


if __name__ == "__main__":
    main()
