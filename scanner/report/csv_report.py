"""findings.csv: one row per table for spreadsheets, worst first. Cells that a spreadsheet would
run as a formula are prefixed with an apostrophe (CSV injection)."""

from __future__ import annotations

import csv
import io
from typing import Any

from scanner.report import Reporter, register

COLUMNS = (
    "id", "severity", "status", "database", "table", "readers", "people", "principals", "classes",
    "sensitive_columns", "plaintext_columns", "facets", "owner", "row_estimate", "first_seen",
    "containment_steps", "title",
)  # fmt: skip


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _status(f: dict[str, Any]) -> str:
    if f.get("suppressed"):
        return "suppressed"
    return f.get("baseline_state") or "open"


def csv_document(doc: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in doc["findings"]:
        columns = f["columns"]
        row = (
            f["id"], f["severity"], _status(f), f["object"]["database"], f["object"]["table"],
            f["readers"]["breadth"], f["readers"]["people"], "; ".join(f["readers"]["principals"]),
            "; ".join(sorted({c for col in columns for c in col["classes"]})),
            "; ".join(c["name"] for c in columns),
            "; ".join(c["name"] for c in columns if c["protection"] in ("plaintext", "mixed", "unknown")),
            "; ".join(x["rule"] for x in f["facets"]), f["owner"], f["row_estimate"], f["first_seen"],
            len(f["remediation"]["containment"]), f["title"],
        )  # fmt: skip
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


@register
class CsvReporter(Reporter):
    name = "csv"
    filename = "findings.csv"
    description = "one row per table, for spreadsheets"

    def render(self, doc: dict[str, Any]) -> str:
        return csv_document(doc)
