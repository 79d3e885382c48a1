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
    assert doc["schema_version"] == "1.0"


def test_schema_rejects_a_finding_without_readers(scanned: Path) -> None:
    schema = json.loads(resources.files("scanner.schemas").joinpath("findings.schema.json").read_text())
    doc = load_findings(scanned)
    del doc["findings"][0]["readers"]
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(doc))


def test_every_finding_has_the_contract_fields(scanned: Path) -> None:
    for f in load_findings(scanned)["findings"]:
        assert re.fullmatch(r"EXP\d{3}-[0-9a-f]{12}", f["id"])
        assert re.fullmatch(r"SEV[0-4]", f["severity"])
        assert "." in f["table"]
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
    assert "totals" in parser.ids
    for sev, count in doc["summary"]["by_severity"].items():
        assert re.search(rf'data-severity="{sev}"><span[^>]*>{sev}</span><b>{count}</b>', html)


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
    "Rule",
    "Proposed severity",
    "Status",
    "Owner",
    "## Summary",
    "## Proposed SEV and rationale",
    "## Impact",
    "Who can read it",
    "How (access paths)",
    "## Evidence (redacted)",
    "## Detection",
    "## Trigger / root cause",
    "## Timeline",
    "## Remediation",
    "Rollback",
    "## Action items",
    "## Suppression record",
    "Handling: CONFIDENTIAL",
]


def test_sev_reports_hold_every_field(scanned: Path) -> None:
    doc = load_findings(scanned)
    exposures = [f for f in doc["findings"] if f["rule"] == "EXP001"]
    assert exposures
    for f in exposures:
        text = (scanned / "sev" / f"{f['id']}.md").read_text()
        missing = [field for field in SEV_FIELDS if field not in text]
        assert missing == [], f["id"]
        assert f["remediation"][0] in text
        assert f"`{f['table']}`" in text
    index = (scanned / "sev" / "README.md").read_text()
    assert all(f"{f['id']}.md" in index for f in doc["findings"])


def test_stale_sev_reports_are_removed(scanned: Path, planted: dict[str, Path]) -> None:
    stale = scanned / "sev" / "EXP001-000000000000.md"
    stale.write_text("old")
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
