"""Outputs: findings.json against its shipped schema, a self-contained HTML report, SEV reports
with every field an incident needs."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import load_findings, run_exposure


@pytest.fixture
def scanned(planted: dict[str, Path]) -> Path:
    run = run_exposure(
        [
            "scan",
            "--source",
            f"duckdb://{planted['db']}",
            "--grants",
            str(planted["grants"]),
            "--out",
            str(planted["out"]),
            "--everyone",
            "group everyone_at_acme",
        ]
    )
    assert run.code == 1, run.output
    return planted["out"]


def test_findings_json_validates_against_the_shipped_schema(scanned: Path) -> None:
    schema = json.loads(resources.files("scanner.schemas").joinpath("findings.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = load_findings(scanned)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(doc)] == []
    assert doc["schema_version"] == "2.0"


def test_schema_rejects_a_finding_without_readers(scanned: Path) -> None:
    schema = json.loads(resources.files("scanner.schemas").joinpath("findings.schema.json").read_text())
    doc = load_findings(scanned)
    del doc["findings"][0]["readers"]
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(doc))


def test_every_finding_has_the_contract_fields(scanned: Path) -> None:
    for f in load_findings(scanned)["findings"]:
        assert re.fullmatch(r"EXP-[0-9a-f]{12}", f["id"])
        assert re.fullmatch(r"SEV[0-4]", f["severity"])
        assert f["object"]["database"] and f["object"]["table"] and "." in f["table"]
        assert f["facets"] and f["severity"] == min(x["severity"] for x in f["facets"])
        for c in f["columns"]:
            assert c["name"] and c["classes"] and c["protection"]
        assert f["readers"]["breadth"] in {"everyone", "broad", "team", "owner", "unknown"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.external.append(value)
            if name == "id" and value:
                self.ids.add(value)
        if tag == "link":
            self.external.append(str(attrs))


def test_html_report_is_self_contained(scanned: Path) -> None:
    html = (scanned / "report.html").read_text()
    parser = _Collector()
    parser.feed(html)
    assert parser.external == []
    assert "http://" not in html.replace('xmlns="http://', "") and "https://" not in html
    assert "<style>" in html and "default-src 'none'" in html
    doc = load_findings(scanned)
    assert {f["id"] for f in doc["findings"]} <= parser.ids
    assert {"totals", "summary", "containment"} <= parser.ids
    for sev, count in doc["summary"]["by_severity"].items():
        assert re.search(
            rf'data-severity="{sev}"><span[^>]*>{sev}</span><b class="sev-count">{count}</b>', html
        )


def test_html_escapes_catalog_text(planted: dict[str, Path]) -> None:
    import duckdb

    con = duckdb.connect(str(planted["db"]))
    con.execute('CREATE TABLE people."<script>x</script>" (ssn VARCHAR)')
    con.execute(
        "INSERT INTO people.\"<script>x</script>\" VALUES ('512-37-8841'), ('287-65-1903'), ('633-18-4420')"
    )
    con.close()
    planted["grants"].write_text("GRANT SELECT ON DATABASE people TO ROLE public;\n")
    run = run_exposure(
        [
            "scan",
            "--source",
            f"duckdb://{planted['db']}",
            "--grants",
            str(planted["grants"]),
            "--out",
            str(planted["out"]),
        ]
    )
    assert run.code == 1, run.output
    html = (planted["out"] / "report.html").read_text()
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


SEV_FIELDS = [
    "Finding id",
    "Facets",
    "Proposed severity",
    "Status",
    "Owner",
    "## Summary",
    "## Proposed SEV and rationale",
    "## Impact",
    "Who can read it",
    "How (every broad access path)",
    "## Evidence (redacted)",
    "## Detection",
    "## Trigger / root cause",
    "## Timeline",
    "## Containment",
    "Rollback",
    "## Long-term fixes",
    "## Action items",
    "## Suppression record",
    "Handling: CONFIDENTIAL",
]


def test_sev_reports_hold_every_field(scanned: Path) -> None:
    doc = load_findings(scanned)
    exposures = [f for f in doc["findings"] if "EXP001" in f["rules"]]
    assert exposures
    for f in exposures:
        text = (scanned / "sev" / f"{f['id']}.md").read_text()
        missing = [field for field in SEV_FIELDS if field not in text]
        assert missing == [], f["id"]
        for step in f["remediation"]["containment"]:
            assert step["statement"] in text and step["rollback"] in text
        assert f"`{f['table']}`" in text
    index = (scanned / "sev" / "README.md").read_text()
    assert all(f"{f['id']}.md" in index for f in doc["findings"])


INCIDENT_FIELDS = [
    "Handling: CONFIDENTIAL",
    "| Tables |",
    "| Databases |",
    "| Readers |",
    "| Data |",
    "| Rows at risk |",
    "| Exposed since |",
    "## Containment, in order",
    "## Who must be told",
    "## Roles",
    "## Timeline (UTC)",
    "## Tables, worst first",
]


def test_incident_document_holds_the_whole_incident(scanned: Path) -> None:
    doc = load_findings(scanned)
    text = (scanned / "INCIDENT.md").read_text()
    assert [field for field in INCIDENT_FIELDS if field not in text] == []
    incident = doc["incident"]
    assert incident["tables"] == len(doc["findings"]) == 4
    assert incident["readers"]["principals"] == ["group everyone_at_acme", "role public"]
    # each containment step once, in order, every statement in the document
    statements = [s["statement"] for s in incident["containment"]]
    assert len(statements) == len(set(statements)) == 3
    assert [s["order"] for s in incident["containment"]] == [1, 2, 3]
    for statement in statements:
        assert statement in text
    # who must be told follows the classes: SSNs → legal, plaintext cards → PCI, no secrets → no rotation
    ids = {n["id"] for n in incident["notifications"]}
    assert {"privacy", "gdpr-72h", "us-state-breach", "pci"} <= ids and "credentials" not in ids
    [pci] = [n for n in incident["notifications"] if n["id"] == "pci"]
    assert pci["classes"] == ["credit_card"]
    [gdpr] = [n for n in incident["notifications"] if n["id"] == "gdpr-72h"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", gdpr["deadline"])
    # every timestamp in the timeline is UTC
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", e["at"]) for e in incident["timeline"])


def test_csv_has_one_row_per_table(planted: dict[str, Path]) -> None:
    import csv

    run = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]), "--out",
         str(planted["out"]), "--format", "csv", "--everyone", "group everyone_at_acme"]
    )  # fmt: skip
    assert run.code == 1, run.output
    with (planted["out"] / "findings.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["table"] for r in rows) == ["cards_plain", "contacts", "dm_log", "tax_records"]
    assert [r["severity"] for r in rows] == sorted(r["severity"] for r in rows)  # worst first
    tax = next(r for r in rows if r["table"] == "tax_records")
    assert tax["database"] == "people" and tax["readers"] == "everyone" and tax["facets"] == "EXP001; EXP002"


def test_stale_sev_reports_are_removed_and_nothing_else(scanned: Path, planted: dict[str, Path]) -> None:
    # a finding of an earlier run, listed in the manifest, and a user's own notes, which are not
    manifest = scanned / ".exposure-manifest.json"
    listed = json.loads(manifest.read_text())
    stale = scanned / "sev" / "EXP-000000000000.md"
    stale.write_text("old")
    manifest.write_text(json.dumps([*listed, "sev/EXP-000000000000.md"]))
    notes = scanned / "sev" / "my-notes.md"
    notes.write_text("mine")
    run = run_exposure(
        [
            "scan",
            "--source",
            f"duckdb://{planted['db']}",
            "--grants",
            str(planted["grants"]),
            "--out",
            str(scanned),
        ]
    )
    assert run.code == 1
    assert not stale.exists()
    assert notes.read_text() == "mine"
