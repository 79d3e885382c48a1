"""The scan at warehouse scale: wall time, tables per second and peak memory of `exposure scan` over
generated DuckDB warehouses (bench/warehouse.py), beside the bare sampling queries for the same
tables (one `SELECT * … LIMIT 385` each, timed in the same run), with 1 and 2 workers, and an
unchanged nightly rescan with a state store.

    python bench/scan_scale.py --tables 1000 5000 45000 [--workers 1 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from sqlglot import exp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.warehouse import build, grants  # noqa: E402

EXPOSURE = shutil.which("exposure", path=str(Path(sys.executable).parent)) or "exposure"


def run(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB of the child, exit code."""
    started = time.perf_counter()
    proc = subprocess.Popen([EXPOSURE, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def bare_sampling(db: Path, limit: int = 385) -> tuple[float, int]:
    """The floor: one sampling query per table and fetching its rows, nothing else."""
    con = duckdb.connect(str(db), read_only=True)
    tables = con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal ORDER BY 1, 2"
    ).fetchall()
    started = time.perf_counter()
    for schema, table in tables:
        name = exp.table_(table, db=schema, quoted=True).sql(dialect="duckdb")
        con.execute(f"SELECT * FROM {name} LIMIT {limit}").fetchall()
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed, len(tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="keep generated warehouses here and reuse them")
    parser.add_argument("--no-rescan", action="store_true")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="exposure-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'tables':>7} {'workers':>7} {'wall s':>8} {'tables/s':>9} {'ms/table':>9} {'peak MB':>8} "
          f"{'bare ms/table':>13} {'× bare':>7}")  # fmt: skip
    base_cost: float | None = None
    for size in args.tables:
        db = folder / f"w{size}.duckdb"
        if not db.exists():
            info = build(db, size)
            grants(db.with_suffix(".grants.sql"), info["databases"])
        bare, count = bare_sampling(db)
        bare_ms = 1000 * bare / count
        for workers in args.workers:
            out = folder / f"out{size}-{workers}"
            wall, peak, code = run(
                ["scan", "--source", f"duckdb://{db}", "--grants", str(db.with_suffix(".grants.sql")),
                 "--out", str(out), "--format", "json", "--workers", str(workers), "-q"]
            )  # fmt: skip
            cost = 1000 * wall / count
            base_cost = base_cost or cost
            print(
                f"{count:>7} {workers:>7} {wall:>8.1f} {count / wall:>9.1f} {cost:>9.2f} {peak:>8.0f} "
                f"{bare_ms:>13.2f} {cost / bare_ms:>7.1f}" + ("" if code in (0, 1) else f"  (exit {code})")
            )
        if not args.no_rescan:
            state = folder / f"state{size}.db"
            state.unlink(missing_ok=True)
            common = ["scan", "--source", f"duckdb://{db}", "--grants", str(db.with_suffix(".grants.sql")),
                      "--state", str(state), "--format", "json", "-q", "--workers", str(max(args.workers))]  # fmt: skip  # noqa: E501
            first, _, _ = run([*common, "--out", str(folder / f"n1-{size}")])
            again, peak, _ = run([*common, "--out", str(folder / f"n2-{size}")])
            print(
                f"{count:>7} nightly: first {first:.1f} s, unchanged rescan {again:.1f} s, peak {peak:.0f} MB"
            )
    if base_cost:
        print(f"per-table cost grows ×{cost / base_cost:.2f} from the smallest to the largest size")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
