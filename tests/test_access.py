"""`exposure access DB.TABLE`: the incident responder's first question, answered by the same
access model as the scan."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest

from scanner.config import load_config
from scanner.scan import explain_access, run_scan
from tests.conftest import load_findings, run_exposure

incident = pytest.importorskip("scanner.examples.incident_warehouse")
EXAMPLES = Path(str(resources.files("scanner.examples")))


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("example") / "incident.duckdb"
    incident.build(path)
    return path


def test_access_agrees_with_the_scan_on_every_example_table(example: Path) -> None:
    config = load_config(EXAMPLES / "exposure.yaml").with_options(source=f"duckdb://{example}")
    result = run_scan(config)
    assert {s.table.fqn for s in result.tables} == set(incident.EXPECTED)
    for scan in result.tables:
        answer = explain_access(config, scan.table.fqn)
        assert answer.access.breadth == scan.access.breadth, scan.table.fqn
        assert [p.describe() for p in answer.access.paths] == [p.describe() for p in scan.access.paths]
        broad = [
            x
            for f in result.findings
            if f.table.key == scan.table.key
            for x in f.facets
            if x.rule_id == "EXP001"
        ]
        for facet in broad:
            for column in facet.columns:
                readers = {p.reader for p in answer.column_readers[column]}
                assert readers & set(facet.principals), (scan.table.fqn, column)
            assert set(facet.principals) <= {p.reader for p in answer.access.paths}


def test_access_cli_json_with_a_user(example: Path) -> None:
    run = run_exposure(
        [
            "access",
            "hr.employee_directory",
            "--config",
            str(EXAMPLES / "exposure.yaml"),
            "--source",
            f"duckdb://{example}",
            "--user",
            "pat",
            "--group",
            "people_ops",
            "--format",
            "json",
        ]
    )
    assert run.code == 0, run.output
    doc = json.loads(run.stdout)
    assert doc["readers"]["breadth"] == "team"
    assert doc["user"]["can_read"] is True
    assert any("people-ops-directory" in why for c in doc["user"]["columns"].values() for why in c["paths"])
    assert any("rows filtered by Ranger policy 41" in p["description"] for p in doc["readers"]["paths"])
    outsider = run_exposure(
        ["access", "hr.employee_directory", "--config", str(EXAMPLES / "exposure.yaml"),
         "--source", f"duckdb://{example}", "--user", "sam", "--group", "contractors", "--format", "json"]
    )  # fmt: skip
    assert json.loads(outsider.stdout)["user"]["can_read"] is False


def test_unknown_table_gets_a_suggestion(example: Path) -> None:
    run = run_exposure(
        ["access", "mci.keystroke_event", "--config", str(EXAMPLES / "exposure.yaml"), "--source",
         f"duckdb://{example}"]
    )  # fmt: skip
    assert run.code == 2
    assert "did you mean 'mci.keystroke_events'" in run.output and "Traceback" not in run.output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("version: 1\ngroups: {all_employees: many}\n", "groups.all_employees"),
        ("version: 1\ncompany_size: 10\ngroups:\n  hr: 40\n", "group hr has 40 members"),
        ("version: 1\ngroups: [a, b]\n", "groups"),
    ],
)
def test_malformed_directory_is_exit_2(example: Path, tmp_path: Path, text: str, expected: str) -> None:
    directory = tmp_path / "directory.yaml"
    directory.write_text(text)
    run = run_exposure(
        ["scan", "--source", f"duckdb://{example}", "--grants", str(EXAMPLES / "incident_grants.sql"),
         "--directory", str(directory), "--out", str(tmp_path / "o")]
    )  # fmt: skip
    assert run.code == 2, run.output
    assert f"{directory}:" in run.output and expected in run.output and "Traceback" not in run.output


def test_malformed_ranger_json_is_exit_2(example: Path, tmp_path: Path) -> None:
    bad = tmp_path / "ranger.json"
    bad.write_text('{"policies": [\n  {"id": 3, "resources": {"database": {"values": "hr"}}}\n]}\n')
    run = run_exposure(
        ["scan", "--source", f"duckdb://{example}", "--grants", str(bad), "--out", str(tmp_path)]
    )
    assert run.code == 2, run.output
    assert f"{bad}:2" in run.output and "policy 3" in run.output


# --- Ranger's REST API ---------------------------------------------------------------------------


class _Ranger(BaseHTTPRequestHandler):
    """Serves one hive service's policies in pages, behind basic auth."""

    policies: ClassVar[list[dict[str, Any]]] = []
    seen: ClassVar[list[dict[str, list[str]]]] = []

    def do_GET(self) -> None:
        expected = "Basic " + base64.b64encode(b"scanner:s3cret").decode()
        if self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.end_headers()
            return
        query = parse_qs(urlsplit(self.path).query)
        self.seen.append(query)
        start, size = int(query["startIndex"][0]), int(query["pageSize"][0])
        body = json.dumps(self.policies[start : start + size]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def ranger_server() -> Iterator[str]:
    export = json.loads((Path(__file__).parent / "ranger" / "hive-export.json").read_text())
    _Ranger.policies = export["policies"]
    _Ranger.seen = []
    server = HTTPServer(("127.0.0.1", 0), _Ranger)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_ranger_rest_pages_through_every_policy(example: Path, ranger_server: str, tmp_path: Path) -> None:
    from scanner.ranger import fetch_ranger_policies

    env = {"EXPOSURE_RANGER_USER": "scanner", "EXPOSURE_RANGER_PASSWORD": "s3cret"}
    import os

    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        grant_set = fetch_ranger_policies(ranger_server, "cm_hive", page_size=4)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert len(grant_set.ranger_policies) == len(_Ranger.policies)
    assert [q["startIndex"][0] for q in _Ranger.seen] == ["0", "4", "8", "12", "16"][: len(_Ranger.seen)]
    assert all(q["serviceName"] == ["cm_hive"] for q in _Ranger.seen)


def test_ranger_rest_wrong_password_is_partial_not_a_crash(
    example: Path, ranger_server: str, tmp_path: Path
) -> None:
    run = run_exposure(
        ["scan", "--source", f"duckdb://{example}", "--ranger-url", ranger_server,
         "--ranger-service", "cm_hive", "--out", str(tmp_path / "o")],
        env={"EXPOSURE_RANGER_USER": "scanner", "EXPOSURE_RANGER_PASSWORD": "pw-Zq81x"},
    )  # fmt: skip
    assert run.code == 3, run.output
    assert "HTTP 401" in run.output and "pw-Zq81x" not in run.output
    assert load_findings(tmp_path / "o")["coverage"]["complete"] is False
