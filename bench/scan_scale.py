"""The scan at warehouse scale: wall time, tables per second and peak memory of `exposure scan` over
generated DuckDB warehouses (bench/warehouse.py), beside the bare sampling queries for the same
tables (one `SELECT * … LIMIT 385` each, timed in the same run), with 1 and 2 workers, and an
unchanged nightly rescan with a state store.

Memory is watched over the whole process tree: the scan's own process ("scan MB": catalog, grants,
results, state, reports), its largest worker and the sum. Two baselines show what DuckDB itself
holds for the file: "catalog MB", a process that only opens the file and lists tables and columns
(DuckDB keeps an open file's whole catalog in memory), and "engine MB", the bare sampling process
(catalog, its 256 MB cache, each table's storage metadata once read). The scan process carries the
first, each worker a share of the second.

    python bench/scan_scale.py --tables 1000 5000 45000 [--workers 1 2] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.warehouse import build, grants  # noqa: E402

EXPOSURE = shutil.which("exposure", path=str(Path(sys.executable).parent)) or "exposure"


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                children = [int(c) for c in task.read_text().split()]
            except OSError:
                continue
            found.extend(children)
            todo.extend(children)
    return found


@dataclass
class Run:
    wall: float
    main: float  # peak RSS of the scan's own process, MB
    worker: float  # peak RSS of the largest worker, MB
    total: float  # peak of the RSS summed over the scan and its workers, MB
    code: int

    @property
    def largest(self) -> float:
        return max(self.main, self.worker)


def run(args: list[str]) -> Run:
    """Run `exposure` and watch its process tree every 0.1 s (workers are separate processes)."""
    started = time.perf_counter()
    proc = subprocess.Popen([EXPOSURE, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    main = worker = total = 0.0
    while proc.poll() is None:
        own = _rss_mb(proc.pid)
        workers = [_rss_mb(pid) for pid in _descendants(proc.pid)]
        main, worker, total = max(main, own), max(worker, *workers, 0.0), max(total, own + sum(workers))
        time.sleep(0.1)
    wall = time.perf_counter() - started
    return Run(wall, main, worker, total, proc.returncode)


CATALOG = """
import sys, duckdb, resource
con = duckdb.connect(sys.argv[1], read_only=True, config={"memory_limit": "256MB", "threads": 1})
con.execute("SET enable_progress_bar = false")
con.execute("SELECT * FROM duckdb_tables()").fetchall()
con.execute("SELECT * FROM duckdb_columns()").fetchall()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def catalog_rss(db: Path) -> float:
    """Peak RSS of a process that only opens the file and lists its tables and columns, as the scan
    does before sampling: DuckDB keeps an open file's whole catalog in memory."""
    out = subprocess.run([sys.executable, "-c", CATALOG, str(db)], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


BARE = """
import sys, time, duckdb, resource
from sqlglot import exp
con = duckdb.connect(sys.argv[1], read_only=True, config={"memory_limit": "256MB", "threads": 1})
con.execute("SET enable_progress_bar = false")
tables = con.execute(
    "SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal ORDER BY 1, 2"
).fetchall()
started = time.perf_counter()
for schema, table in tables:
    name = exp.table_(table, db=schema, quoted=True).sql(dialect="duckdb")
    con.execute(f"SELECT * FROM {name} LIMIT {sys.argv[2]}").fetchall()
print(time.perf_counter() - started, len(tables), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def bare_sampling(db: Path, limit: int = 385) -> tuple[float, int, float]:
    """The floor: one sampling query per table and fetching its rows, nothing else, with the
    scanner's own engine settings (one thread, 256 MB cache). Seconds, tables, peak RSS in MB: the
    engine's own memory, which the scan's processes carry too."""
    out = subprocess.run(
        [sys.executable, "-c", BARE, str(db), str(limit)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="keep generated warehouses here and reuse them")
    parser.add_argument("--no-rescan", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure; the median is printed")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="exposure-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'tables':>7} {'workers':>7} {'wall s':>8} {'tables/s':>9} {'ms/table':>9} {'bare ms':>8} "
          f"{'× bare':>7} {'scan MB':>8} {'worker MB':>9} {'all MB':>7} {'catalog MB':>10} "
          f"{'engine MB':>9}")  # fmt: skip
    base_cost: dict[int, float] = {}
    last_cost: dict[int, float] = {}
    for size in args.tables:
        db = folder / f"w{size}.duckdb"
        if not db.exists():
            info = build(db, size)
            grants(db.with_suffix(".grants.sql"), info["databases"])
        bares = [bare_sampling(db) for _ in range(args.repeat)]
        count = bares[0][1]
        bare_ms = 1000 * statistics.median(b[0] for b in bares) / count
        engine = max(b[2] for b in bares)
        catalog = catalog_rss(db)
        state = folder / f"state{size}.db"
        common = ["scan", "--source", f"duckdb://{db}", "--grants", str(db.with_suffix(".grants.sql")),
                  "--format", "json", "-q"]  # fmt: skip
        for workers in args.workers:
            # the largest worker count is the nightly configuration: its scan also fills a state store
            nightly = not args.no_rescan and workers == max(args.workers)
            runs = []
            for _ in range(args.repeat):
                state.unlink(missing_ok=True)
                extra = ["--state", str(state)] if nightly else []
                out = folder / f"out{size}-{workers}"
                runs.append(run([*common, *extra, "--out", str(out), "--workers", str(workers)]))
            wall = statistics.median(r.wall for r in runs)
            main_mb = max(r.main for r in runs)
            worker_mb = max(r.worker for r in runs)
            total = max(r.total for r in runs)
            code = max(r.code for r in runs)
            cost = 1000 * wall / count
            base_cost.setdefault(workers, cost)
            last_cost[workers] = cost
            print(
                f"{count:>7} {workers:>7} {wall:>8.1f} {count / wall:>9.1f} {cost:>9.2f} {bare_ms:>8.2f} "
                f"{cost / bare_ms:>7.1f} {main_mb:>8.0f} {worker_mb:>9.0f} {total:>7.0f} {catalog:>10.0f} "
                f"{engine:>9.0f}" + ("" if code in (0, 1) else f"  (exit {code})")
            )
            if nightly:
                again = run([*common, "--state", str(state), "--out", str(folder / f"n2-{size}"),
                             "--workers", str(workers)])  # fmt: skip
                print(
                    f"{count:>7} unchanged rescan with --state: {again.wall:.1f} s, scan process "
                    f"{again.main:.0f} MB, workers {again.worker:.0f} MB"
                    + ("" if again.code in (0, 1) else f"  (exit {again.code})")
                )
    if len(args.tables) > 1:
        for workers, first in base_cost.items():
            print(f"{workers} worker(s): per-table cost ×{last_cost[workers] / first:.2f} "
                  f"from {args.tables[0]} to {args.tables[-1]} tables")  # fmt: skip
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
