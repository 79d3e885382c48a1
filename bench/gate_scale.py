"""The gate's cost as DDL grows: N CREATE TABLE statements (with comments, partitions, properties and
a grant every tenth table) in one file, checked by `run_gate`, against bare `sqlglot.parse` of the
same text. Prints seconds, statements per second and the ratio for each size, and peak memory.

    python bench/gate_scale.py [--sizes 1000 2000 4000 10000]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlglot  # noqa: E402

from scanner.config import ScanConfig  # noqa: E402
from scanner.gate import GateOptions, run_gate  # noqa: E402

COLUMNS = [
    ("id", "BIGINT", None),
    ("created_at", "TIMESTAMP", None),
    ("region", "STRING", "sales region"),
    ("amount", "DECIMAL(12,2)", None),
    ("employee_ssn", "STRING", "for payroll joins"),
    ("contact_email", "STRING", None),
    ("notes", "STRING", "free-form notes"),
    ("score", "DOUBLE", "model output"),
]


def ddl(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts = []
    for n in range(count):
        columns = rng.sample(COLUMNS, rng.randint(3, len(COLUMNS)))
        body = ",\n".join(
            f"  {name} {kind}" + (f" COMMENT '{comment}'" if comment else "")
            for name, kind, comment in columns
        )
        parts.append(
            f"-- table {n}\nCREATE TABLE db{n % 50}.t{n} (\n{body}\n)\nPARTITIONED BY (dt STRING)\n"
            f"STORED AS ORC\nTBLPROPERTIES ('owner'='team{n % 7}', 'sensitivity'='internal');\n"
        )
        if n % 10 == 0:
            parts.append(f"GRANT SELECT ON TABLE db{n % 50}.t{n} TO ROLE analysts_{n % 3};\n")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 10000])
    args = parser.parse_args()
    print(f"{'statements':>10} {'gate s':>8} {'parse s':>8} {'ratio':>6} {'gate stmt/s':>12} {'µs/stmt':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            text = ddl(size)
            path = Path(tmp) / f"ddl_{size}.sql"
            path.write_text(text)
            started = time.perf_counter()
            sqlglot.parse(text, read="hive")
            bare = time.perf_counter() - started
            started = time.perf_counter()
            result = run_gate([path], ScanConfig(), GateOptions())
            gate = time.perf_counter() - started
            statements = result.statements
            print(
                f"{statements:>10} {gate:>8.2f} {bare:>8.2f} {gate / bare:>6.2f} {statements / gate:>12.0f} "
                f"{1e6 * gate / statements:>8.0f}"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
