"""A generated DuckDB warehouse for benchmarks: N tables of 10–30 columns and a few dozen rows each,
built in the engine (CREATE TABLE … AS SELECT over range()), so 45,000 tables take minutes, not
hours. About one table in eight holds sensitive data; every fourth database is granted to a role that
everyone holds. Deterministic for a given size and seed.

    python bench/warehouse.py OUT.duckdb --tables 45000
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import duckdb

# column kinds: (type, SQL expression over the row number `i` and a per-table salt `s`)
PLAIN = [
    ("BIGINT", "i + s * 1000000"),
    ("DOUBLE", "random()"),
    ("DOUBLE", "(hash(i, s) % 100000) / 7.0"),
    ("TIMESTAMP", "TIMESTAMP '2026-01-01' + to_seconds(i * 3600 + s)"),
    ("BIGINT", "1767225600000 + i * 60000"),
    ("VARCHAR", "['emea', 'amer', 'apac'][1 + (i % 3)]"),
    ("VARCHAR", "'sku-' || lpad(CAST((i * 7919 + s) % 100000 AS VARCHAR), 6, '0')"),
    ("VARCHAR", "'https://example.com/p/' || CAST(hash(i, s) % 100000 AS VARCHAR)"),
    ("BOOLEAN", "i % 2 = 0"),
    ("VARCHAR", "md5(CAST(i + s AS VARCHAR))"),
    ("VARCHAR", "CAST(uuid() AS VARCHAR)"),
    ("VARCHAR", "'job ' || CAST(i AS VARCHAR) || ' finished in ' || CAST(i % 90 AS VARCHAR) || 's'"),
]
SENSITIVE = [
    ("ssn", "VARCHAR", "lpad(CAST(100 + (i * 37 + s) % 600 AS VARCHAR), 3, '0') || '-' || "
     "lpad(CAST(10 + (i * 13) % 89 AS VARCHAR), 2, '0') || '-' || "
     "lpad(CAST(1000 + (i * 7919) % 8999 AS VARCHAR), 4, '0')"),
    ("contact_email", "VARCHAR",
     "'user' || CAST(i AS VARCHAR) || '.' || CAST(s AS VARCHAR) || '@example.net'"),
    ("message_text", "VARCHAR",
     "['can you cover my shift tomorrow, my kid is sick', "
     "'i told my manager i am looking for another job, keep it between us', "
     "'thanks for listening yesterday, i really needed it', 'running late, save me a seat'][1 + (i % 4)]"),
]  # fmt: skip


def build(path: Path, tables: int, rows: int = 40, seed: int = 45) -> dict[str, int]:
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    databases = max(1, tables // 250)
    for d in range(databases):
        con.execute(f"CREATE SCHEMA db{d:04d}")
    sensitive = 0
    con.execute("BEGIN")
    for n in range(tables):
        columns = []
        for c in range(rng.randint(10, 30)):
            kind, expression = PLAIN[rng.randrange(len(PLAIN))]
            columns.append(f"CAST({expression} AS {kind}) AS c{c:02d}")
        if rng.random() < 0.125:
            name, kind, expression = SENSITIVE[rng.randrange(len(SENSITIVE))]
            columns.append(f"CAST({expression} AS {kind}) AS {name}")
            sensitive += 1
        con.execute(
            f"CREATE TABLE db{n % databases:04d}.t{n:05d} AS SELECT {', '.join(columns)} "
            f"FROM (SELECT range AS i, CAST({n} AS BIGINT) AS s FROM range({rows}))"
        )
        if n % 1000 == 999:
            con.execute("COMMIT")
            con.execute("BEGIN")
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    con.close()
    return {"tables": tables, "databases": databases, "sensitive": sensitive}


def grants(path: Path, databases: int) -> Path:
    lines = ["CREATE ROLE wide_readers;", "GRANT ROLE wide_readers TO ROLE public;"]
    lines += [f"GRANT SELECT ON DATABASE db{d:04d} TO ROLE wide_readers;" for d in range(0, databases, 4)]
    lines += [f"GRANT SELECT ON DATABASE db{d:04d} TO GROUP analysts;" for d in range(1, databases, 4)]
    path.write_text("\n".join(lines) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=40)
    args = parser.parse_args()
    started = time.perf_counter()
    info = build(args.out, args.tables, args.rows)
    grants(args.out.with_suffix(".grants.sql"), info["databases"])
    print(f"{info} in {time.perf_counter() - started:.1f} s → {args.out}")


if __name__ == "__main__":
    main()
