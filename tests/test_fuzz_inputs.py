"""Property-based fuzzing of every input the scanner reads: whatever bytes a file holds, loading it
either succeeds or fails as a usage error (exit 2) naming the file and a line, with a hint; never
another exception (a traceback) and never a hang (pytest-timeout bounds each test).

Each input kind is fuzzed from a valid seed by random edits (hostile snippets: anchors, aliases,
tags, deep nesting, 5,000-digit numbers, impossible dates, format fields, invalid UTF-8, NUL,
control characters, truncation), and from random bytes. CI runs FUZZ_EXAMPLES examples per test
(default 40, deterministic); a nightly run sets e.g. FUZZ_EXAMPLES=2000, which also randomises the
seed (docs/testing.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scanner.config import ScanConfig, load_config
from scanner.connect import (
    CONNECTORS,
    _load_builtin_connectors,
    open_source,
    parse_source,
    refuse_credentials,
)
from scanner.directory import load_directory
from scanner.errors import ExitCode, ExposureError, SourceError
from scanner.gate import GateOptions, run_gate
from scanner.grants import read_grants
from scanner.rules import load_classifier_pack, load_exposure_rules, load_rulebook
from scanner.scan import classify_csv, load_document
from scanner.suppress import load_suppressions
from tests.conftest import REPO, run_exposure

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
NIGHTLY = "FUZZ_EXAMPLES" in os.environ
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # hangs are pytest-timeout's to catch; a slow shared CI core is not a failure
    database=None,
    derandomize=not NIGHTLY,  # CI is reproducible; a nightly run explores new inputs
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TIMEOUT = max(60, EXAMPLES // 2)

SEED_GRANTS_SQL = """\
-- grants
USE hr;
CREATE ROLE readers;
GRANT ROLE readers TO ROLE public WITH ADMIN OPTION;
GRANT SELECT ON TABLE people TO ROLE readers;
GRANT SELECT (ssn, name) ON TABLE hr.reviews TO USER alice, GROUP analysts WITH GRANT OPTION;
GRANT ALL ON DATABASE hr TO GROUP hr_admins;
REVOKE GRANT OPTION FOR SELECT (ssn) ON TABLE hr.reviews FROM USER alice;
REVOKE ADMIN OPTION FOR readers FROM ROLE public;
REVOKE SELECT ON TABLE people FROM ROLE readers;
"""
SEED_GRANTS_YAML = """\
version: 1
grants:
  - object: hr.reviews
    to: group all_employees
    privileges: [SELECT]
    columns: [rating]
    granted_at: "2026-03-02"
  - database: "ops.eu"
    table: incidents
    to: {type: ROLE, name: public}
roles:
  - role: hr_team
    members: ["user frank", "group hr"]
"""
SEED_DIRECTORY = "version: 1\ncompany_size: 52000\ngroups:\n  all_employees: 51800\n  people_ops: 35\n"
SEED_SUPPRESSIONS = """\
version: 1
suppressions:
  - fingerprint: EXP002-1be0166a6034
    owner: alice@example.com
    reason: column encryption lands with the Q3 migration
    expires: 2027-01-31
  - rule: EXP001
    object: "analytics.*"
    principal: role public
    owner: data-platform@example.com
    reason: aggregate product analytics, reviewed by privacy
    expires: 2027-06-30
"""
SEED_PACK = """\
pack: custom
version: 1
classes:
  - id: employee_badge
    name: Employee badge number
    sensitivity: internal
    names: [badge number, badge id]
    value:
      pattern: 'B\\d{6}'
      min_share: 0.5
      mask: last4
"""
SEED_CSV = "name,email,ssn,notes\nAda,ada@example.com,512-37-8841,hello\nBob,bob@example.net,287-65-1903,\n"
CONFIG_SEED = (REPO / "examples" / "exposure.yaml").read_text()

HOSTILE = [
    "&a ", "*a", "!!python/object/apply:os.system ['x'] ", "!tag ", "{", "}", "[", "]", ": ", "- ", "? ",
    "\n", "\t", "  ", "'", '"', "#", "\\", "|", ">", "---\n", "...\n", "%YAML 1.1\n", "yes", "no", "null",
    "~", "010", "0o17", "0x1F", ".inf", "2027-02-30", "2027-01-31T10:00:00", "9" * 5000, "[" * 200,
    "{" * 200, "{nope}", "{table.__class__}", "\\pL{200}", "(?<=x)", "a{1000}{1000}", "GRANTT", "REVOKE",
    ";", "--", "/*", "*/", "${DB}", "`", "é", "\u202e", "\u0000", "\x1b[31m", "\ufeff", "SELEKT",
    "ROLE", "USER", "TO", "ON", "WITH GRANT OPTION", "ADMIN OPTION FOR", "hr.", ".x", "a.b.c",
    '"id": ', '"policies": ', '"resources": ', "true", "-1", "1e999", "NaN", ",", ",,",
]  # fmt: skip
BAD_BYTES = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xef\xbb\xbf", b"\r", b"\x85"]


@st.composite
def mutated(draw: st.DrawFn, seed: str) -> bytes:
    """The seed after one to eight random edits with hostile snippets or bytes."""
    data = bytearray(seed.encode())
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "truncate", "bytes"]))
        at = draw(st.integers(0, len(data)))
        snippet = draw(st.sampled_from(HOSTILE) | st.text(max_size=12)).encode()
        if op == "insert":
            data[at:at] = snippet
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif op == "replace":
            data[at : at + len(snippet)] = snippet
        elif op == "duplicate":
            data[at:at] = data[max(0, at - 80) : at]
        elif op == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.sampled_from(BAD_BYTES))
    return bytes(data)


ANY_BYTES = st.binary(max_size=2048)


@dataclass(frozen=True)
class Kind:
    name: str
    suffix: str
    seed: str
    load: Callable[[Path], Any]


def _gate(path: Path) -> Any:
    return run_gate([path], ScanConfig(), GateOptions())


RULEBOOK = load_rulebook()
EXPOSURE_SEED = (REPO / "rules" / "exposure.yaml").read_text()
RANGER_SEED = (REPO / "tests" / "ranger" / "hive-export.json").read_text()
REPORT_SEED = (REPO / "tests" / "golden" / "findings.json.expected").read_text()
KINDS = [
    Kind("config", ".yaml", CONFIG_SEED, lambda p: load_config(p).effective()),
    Kind("grants-sql", ".sql", SEED_GRANTS_SQL, lambda p: read_grants([p])),
    Kind("grants-yaml", ".yaml", SEED_GRANTS_YAML, lambda p: read_grants([p])),
    Kind("ranger", ".json", RANGER_SEED, lambda p: read_grants([p])),
    Kind("directory", ".yaml", SEED_DIRECTORY, load_directory),
    Kind("suppressions", ".yaml", SEED_SUPPRESSIONS, load_suppressions),
    Kind("classifier-pack", ".yaml", SEED_PACK, load_classifier_pack),
    Kind("exposure-rules", ".yaml", EXPOSURE_SEED, load_exposure_rules),
    Kind("ddl", ".sql", (REPO / "tests" / "gate" / "incident.sql").read_text(), _gate),
    Kind("report-json", ".json", REPORT_SEED, load_document),
    Kind("csv", ".csv", SEED_CSV, lambda p: classify_csv(p, RULEBOOK, 20)),
]  # fmt: skip
BY_NAME = {k.name: k for k in KINDS}


def _assert_usage_error_or_success(kind: Kind, path: Path, content: bytes) -> None:
    path.write_bytes(content)
    try:
        kind.load(path)
    except ExposureError as exc:
        assert exc.exit_code is ExitCode.USAGE, (kind.name, str(exc))
        assert exc.file == str(path), (kind.name, str(exc))
        assert exc.line is not None and exc.line >= 1, (kind.name, str(exc))
        assert exc.hint and "\n" not in exc.hint, (kind.name, str(exc))
        assert "\n" not in exc.message, (kind.name, exc.message)


@pytest.mark.timeout(TIMEOUT)
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_edited_inputs_load_or_fail_with_file_and_line(kind: Kind, tmp_path: Path) -> None:
    path = tmp_path / f"input{kind.suffix}"

    @FUZZ
    @given(mutated(kind.seed))
    def check(content: bytes) -> None:
        _assert_usage_error_or_success(kind, path, content)

    check()


@pytest.mark.timeout(TIMEOUT)
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_random_bytes_load_or_fail_with_file_and_line(kind: Kind, tmp_path: Path) -> None:
    path = tmp_path / f"input{kind.suffix}"

    @FUZZ
    @given(ANY_BYTES)
    def check(content: bytes) -> None:
        _assert_usage_error_or_success(kind, path, content)

    check()


YAML_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
YAML_VALUES = st.recursive(
    YAML_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


TOP_KEYS = [
    "version", "grants", "roles", "groups", "suppressions", "classes", "rules", "severity_matrix", "pack",
    "source", "access", "sampling", "company_size", "dialect",
]  # fmt: skip


@pytest.mark.timeout(TIMEOUT)
@pytest.mark.parametrize(
    "name", ["config", "grants-yaml", "directory", "suppressions", "classifier-pack", "exposure-rules"]
)
def test_well_formed_yaml_of_any_shape_is_validated_with_a_line(name: str, tmp_path: Path) -> None:
    import yaml

    kind = BY_NAME[name]
    path = tmp_path / "input.yaml"

    @FUZZ
    @given(st.dictionaries(st.sampled_from(TOP_KEYS), YAML_VALUES, max_size=6))
    def check(document: dict[str, Any]) -> None:
        _assert_usage_error_or_success(kind, path, yaml.safe_dump(document, allow_unicode=True).encode())

    check()


# --- URLs ------------------------------------------------------------------------------------

URL_SECRET = "Zq81Secret"
URLS = st.builds(
    lambda scheme, user, password, host, port, path, query: (
        f"{scheme}://{user}{(':' + password) if password else ''}{'@' if user or password else ''}"
        f"{host}{port}{path}{query}"
    ),
    st.sampled_from(["hive", "hive+http", "hive+https", "duckdb", "metastore+postgresql", "ftp", "", "HIVE"]),
    st.sampled_from(["", "alice", "a%20b", "@", "al:ice"]),
    st.sampled_from(["", URL_SECRET, f"{URL_SECRET}@x", f"%40{URL_SECRET}"]),
    st.sampled_from(["h", "127.0.0.1", "[::1]", "[::1", "]", "h h", "\x1b[31m", "é.example", ""]),
    st.sampled_from(["", ":10000", ":abc", ":99999", ":-1", ":", ":1e3"]),
    st.sampled_from(["", "/", "/db", "/" + "x" * 5000, "/a?b", "/%00"]),
    st.sampled_from(
        [
            "",
            f"?password={URL_SECRET}",
            f"?auth=LDAP&token={URL_SECRET}",
            "?password_file=/x",
            f"?x=1&SECRET_key={URL_SECRET}",
            "?%zz",
            "?a=" + "b" * 200_000,
        ]
    ),
)


@pytest.mark.timeout(TIMEOUT)
def test_urls_are_parsed_or_refused_and_never_echo_a_secret() -> None:
    _load_builtin_connectors()
    offline = {s for s in CONNECTORS if not s.startswith(("hive", "metastore"))}  # never dial out

    @FUZZ
    @given(URLS | st.text(max_size=300))
    def check(url: str) -> None:
        try:
            source = parse_source(url)
            refuse_credentials(source)
            assert URL_SECRET not in source.redacted
            if source.scheme in offline or source.scheme not in CONNECTORS:
                open_source(url).close()
        except SourceError as exc:
            assert exc.exit_code is ExitCode.USAGE and exc.hint
            assert URL_SECRET not in str(exc) and URL_SECRET not in exc.hint
            assert len(str(exc)) < 1000

    check()


# --- files that are not regular files -------------------------------------------------------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
@pytest.mark.parametrize("what", ["fifo", "dev-zero", "directory"])
def test_fifos_devices_and_directories_are_refused_without_blocking(
    kind: Kind, what: str, tmp_path: Path
) -> None:
    path = tmp_path / f"input{kind.suffix}"
    if what == "directory" and kind.name == "ddl":
        pytest.skip("the gate walks a directory for SQL files")
    if what == "fifo":
        os.mkfifo(path)
    elif what == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    with pytest.raises(ExposureError) as info:
        kind.load(path)
    assert info.value.exit_code is ExitCode.USAGE and info.value.hint
    assert str(path) in str(info.value)


def test_an_oversized_yaml_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    with path.open("wb") as handle:
        handle.truncate(9 * 1024 * 1024)  # sparse: 9 MiB of NULs without writing them
    with pytest.raises(ExposureError) as info:
        load_config(path)
    assert "larger than" in info.value.message


# --- through the command line: the message the person sees ---------------------------------------

GATE_OK = str(REPO / "tests" / "gate" / "compliant.sql")
ACCESS = ["access", "a.b", "--grants", "{path}"]
SUPPRESSED_GATE = ["gate", "--suppressions", "{path}", GATE_OK]
DIRECTORY_SCAN = ["scan", "--source", "duckdb:///nowhere.duckdb", "--directory", "{path}"]
CLI_CASES = [
    ("config", "version: 1\nsampling: &a {rows: 5}\naccess: *a\n", ["scan", "--config", "{path}"], 2),
    ("grants-sql", "GRANT SELECT ON TABLE a.b TO ROLE public;\nGRANTT x;\n", ACCESS, 2),
    ("grants-yaml", "version: 1\ngrants:\n  - {object: a.b, to: role r}\n  - {to: r, to: s}\n", ACCESS, 4),
    ("ranger", '{"policies": [\n' + "[" * 5000 + "]" * 5000 + "]}", ACCESS, 2),
    ("directory", "version: 1\ngroups:\n  yes: 10\n  yes: 11\n", DIRECTORY_SCAN, 4),
    ("suppressions", SEED_SUPPRESSIONS.replace("2027-01-31", "2027-01-31T10:00"), SUPPRESSED_GATE, 6),
    ("classifier-pack", SEED_PACK.replace("'B\\d{6}'", "'\\pL{200}'"), ["rules", "validate", "{path}"], 4),
    ("exposure-rules", EXPOSURE_SEED.replace("in {table}", "in {nope}", 1), ["rules", "validate", "{path}"],
     EXPOSURE_SEED.split("in {table}", 1)[0].count("\n") + 1),
    ("report-json", '{"findings": [1, 2,\n 3', ["report", "{path}", "--out", "{out}"], 2),
    ("csv", "a,b\n\xff\n", ["classify", "{path}"], 2),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "args", "line"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_the_command_line_prints_file_line_and_hint(
    name: str, text: str, args: list[str], line: int, tmp_path: Path
) -> None:
    path = tmp_path / f"input{BY_NAME[name].suffix}"
    path.write_bytes(text.encode("utf-8", errors="surrogateescape").replace(b"\xc3\xbf", b"\xff"))
    run = run_exposure([a.format(path=path, out=tmp_path / "out") for a in args])
    assert run.code == 2, run.output
    first = run.stderr.splitlines()[0]
    assert first.startswith(f"error: {path}:{line}: "), run.stderr
    assert run.stderr.splitlines()[1].startswith("  hint: ") and "Traceback" not in run.output
