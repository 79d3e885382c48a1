"""Memory with huge cells: a table of twelve 100 MB text cells, scanned. Each cell is cut to the
per-cell cap (`max_cell_bytes`, 64 KiB) inside the engine, so the scan's memory should not follow
the cells' size. Prints the peak RSS of the scan's whole process tree.

    python bench/big_cells.py [--cells 12] [--mb 100] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scan_scale import run  # noqa: E402


def build(db: Path, cells: int, megabytes: int) -> None:
    con = duckdb.connect(str(db))
    con.execute("CREATE SCHEMA hr")
    con.execute("CREATE TABLE hr.case_notes (note VARCHAR)")
    words = megabytes * 2**20 // 33  # random hex words: cells that do not compress
    for i in range(cells):
        # an identifier at the start, inside the part the cap keeps
        con.execute(
            "INSERT INTO hr.case_notes SELECT ? || string_agg(md5(random()::VARCHAR), ' ') FROM range(?)",
            [f"case {i}: employee ssn 512-37-{8841 + i:04d} on file. ", words],
        )
    con.close()


def source_note(limit: str | None) -> str:
    return f"?memory_limit={limit}" if limit else "with the scanner's default DuckDB memory_limit (256MB)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=12)
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--memory-limit", help="DuckDB's memory_limit for the scan (default: the scanner's)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="exposure-cells-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"cells{args.cells}x{args.mb}.duckdb"
    if not db.exists():
        build(db, args.cells, args.mb)
    grants = folder / "cells.grants.sql"
    grants.write_text("GRANT SELECT ON DATABASE hr TO ROLE public;\n")
    size = db.stat().st_size / 2**20
    print(f"source {source_note(args.memory_limit)}")
    for workers in (1, 2):
        out = folder / f"out{workers}"
        source = f"duckdb://{db}" + (f"?memory_limit={args.memory_limit}" if args.memory_limit else "")
        result = run(["scan", "--source", source, "--grants", str(grants), "--out", str(out),
                      "--format", "json", "--workers", str(workers), "-q"])  # fmt: skip
        print(
            f"{args.cells} cells of {args.mb} MB ({size:.0f} MB file), {workers} worker(s): "
            f"{result.wall:.1f} s, largest process {result.largest:.0f} MB, "
            f"all processes {result.total:.0f} MB, exit {result.code}"
        )
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
