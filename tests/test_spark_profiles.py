"""The Spark path without Spark: the profile codec, the executor's function on Arrow batches, the
sampling query, the URL forms and the artifact the executors import."""

from __future__ import annotations

import enum
import json
import pickle
import subprocess
import sys
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlglot
from hypothesis import given, settings
from hypothesis import strategies as st

from scanner.classify import ClassEvidence, ColumnProfile, profile_values
from scanner.connect import parse_source
from scanner.errors import SourceError
from scanner.models import Column, Protection, Table
from scanner.profile_codec import decode_profile, encode_profile, from_data, to_data
from scanner.rules import ClassSpec, load_rulebook
from scanner.sample import TableProfile, profile_table
from tests.conftest import CANARY_CARDS, CANARY_EMAILS, CANARY_SSNS, CANARY_TEXT, run_exposure

SPECS = load_rulebook().classes
VALUES: list[str | bytes] = [
    *CANARY_SSNS,
    *CANARY_CARDS,
    *CANARY_EMAILS,
    *(f"{CANARY_TEXT} #{i}" for i in range(5)),
    "vault:v1:8sd7f6g5h4j3k2l1",
    "***-**-6789",
    "n/a",
    "0.4111111111111111",
    b"\x00\x01binary",
]


def _profile(values: list[str | bytes], column: Column | None = None) -> ColumnProfile:
    return profile_values(values, SPECS, column or Column("notes", "string"))


# --- the codec --------------------------------------------------------------------------------


def test_real_profiles_round_trip() -> None:
    for values, column in [
        (VALUES, Column("notes", "string")),
        (list(CANARY_SSNS) * 8, Column("ssn", "string")),
        ([f"{CANARY_TEXT} #{i}" for i in range(40)], Column("message_text", "string")),
        ([], Column("empty", "string")),
    ]:
        profile = _profile(values, column)
        assert decode_profile(encode_profile(profile)) == profile
    assert _profile(list(CANARY_SSNS) * 8).classes  # the round trip above carried class evidence


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=60), st.binary(max_size=8), st.sampled_from(VALUES)), max_size=40))
def test_any_profile_round_trips(values: list[str | bytes]) -> None:
    profile = _profile(values)
    assert decode_profile(encode_profile(profile)) == profile


def test_encoded_profile_holds_no_value() -> None:
    text = encode_profile(_profile(VALUES))
    for value in [*CANARY_SSNS, *CANARY_CARDS, *CANARY_EMAILS, CANARY_TEXT]:
        assert value not in text
        assert value.replace("-", "").replace(" ", "") not in text
    assert "***-**-" in text  # the masked example is what travels


class Kind(enum.Enum):
    A = "a"
    B = "b"


@dataclass(frozen=True)
class Inner:
    count: int
    label: str | None = None


@dataclass(frozen=True)
class Grown:
    """A profile-like type with fields the codec never names: a new field travels unchanged."""

    by_kind: Mapping[Kind, int]
    inner: Mapping[str, Inner]
    ratio: float = 0.0
    tags: tuple[str, ...] = ()
    ids: frozenset[int] = frozenset()
    maybe: Inner | None = None
    extra: dict[str, list[int]] = field(default_factory=dict)


def test_codec_follows_dataclass_fields_it_does_not_name() -> None:
    value = Grown(
        {Kind.A: 1, Kind.B: 2},
        {"x": Inner(3, "y")},
        ratio=1,
        tags=("t",),
        ids=frozenset({3, 1}),
        maybe=Inner(4),
        extra={"k": [1, 2]},
    )
    rebuilt = from_data(Grown, json.loads(json.dumps(to_data(value))))
    assert rebuilt == value
    assert isinstance(rebuilt.ratio, float)
    assert from_data(Grown, to_data(Grown({}, {}))) == Grown({}, {})


def test_fields_at_their_default_are_left_out() -> None:
    evidence = ClassEvidence(matched=3, masked_example="***-**-1234")
    assert to_data(evidence) == {"matched": 3, "masked_example": "***-**-1234"}
    assert from_data(ClassEvidence, to_data(evidence)) == evidence
    assert to_data(Grown({}, {})) == {"by_kind": [], "inner": []}  # no default: always written


def test_codec_refuses_what_it_does_not_know() -> None:
    data = to_data(_profile(VALUES))
    with pytest.raises(ValueError, match="no field"):
        from_data(ColumnProfile, {**data, "raw_values": ["123-45-6789"]})
    with pytest.raises(ValueError):
        from_data(ColumnProfile, {**data, "sampled": "12"})
    with pytest.raises(ValueError, match="codec version"):
        decode_profile(json.dumps({"v": 99, "profile": data}))
    with pytest.raises(TypeError):
        to_data(object())


def test_enum_keys_and_nested_evidence_survive() -> None:
    profile = ColumnProfile(
        sampled=3,
        protection_counts={Protection.PLAINTEXT: 2, Protection.HASHED: 1},
        classes={"us_ssn": ClassEvidence(matched=2, validated=2, distinct=2, masked_example="***-**-1234")},
    )
    rebuilt = decode_profile(encode_profile(profile))
    assert rebuilt == profile
    assert set(rebuilt.protection_counts) == {Protection.PLAINTEXT, Protection.HASHED}


# --- the executor's function, fed Arrow batches as mapInArrow feeds it -------------------------


def _plan(columns: tuple[Column, ...], cell_bytes: int = 8192) -> Any:
    from scanner.connectors.spark_executor import ProfilePlan

    blob = pickle.dumps(SPECS)
    return ProfilePlan(columns, blob, "k" + str(hash(blob)), cell_bytes)


def _run_executor(plan: Any, rows: list[dict[str, Any]], schema: Any) -> list[dict[str, Any]]:
    import pyarrow as pa

    from scanner.connectors.spark_executor import profile_batches

    batches = [pa.RecordBatch.from_pylist(rows[i : i + 7], schema=schema) for i in range(0, len(rows), 7)]
    out = list(profile_batches(plan, iter(batches)))
    return [row for batch in out for row in batch.to_pylist()]


def test_executor_profiles_equal_the_scanners_own() -> None:
    import pyarrow as pa

    columns = (
        Column("ssn", "string"),
        Column("amount", "double"),
        Column("raw", "binary"),
        Column("card", "string"),
    )
    schema = pa.schema([("c0", pa.string()), ("c1", pa.float64()), ("c2", pa.binary()), ("c3", pa.string())])
    rows = [
        {
            "c0": CANARY_SSNS[i % len(CANARY_SSNS)] if i % 5 else None,
            "c1": 1000.5 + i,
            "c2": b"\x00" * i,
            "c3": CANARY_CARDS[i % len(CANARY_CARDS)],
        }
        for i in range(30)
    ]
    out = _run_executor(_plan(columns), rows, schema)
    assert [r["position"] for r in out] == [0, 1, 2, 3]
    assert all(r["error"] is None for r in out)
    expected = [
        _profile([r["c0"] for r in rows if r["c0"] is not None], columns[0]),
        _profile([str(r["c1"]) for r in rows], columns[1]),
        _profile([r["c2"] for r in rows], columns[2]),
        _profile([r["c3"] for r in rows], columns[3]),
    ]
    assert [decode_profile(r["profile"]) for r in out] == expected
    assert expected[0].sampled == 24 and "us_ssn" in expected[0].classes


def test_executor_with_no_rows_profiles_every_column_empty() -> None:
    import pyarrow as pa

    columns = (Column("a", "string"), Column("b", "int"))
    out = _run_executor(_plan(columns), [], pa.schema([("c0", pa.string()), ("c1", pa.int32())]))
    assert [decode_profile(r["profile"]).sampled for r in out] == [0, 0]


def test_executor_error_names_the_type_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow as pa

    from scanner.connectors import spark_executor

    def boom(values: list[str | bytes], specs: Any, column: Any = None) -> ColumnProfile:
        raise ValueError(f"bad value {values[0]!r}")

    monkeypatch.setattr(spark_executor, "profile_values", boom)
    out = _run_executor(
        _plan((Column("ssn", "string"),)), [{"c0": CANARY_SSNS[0]}], pa.schema([("c0", pa.string())])
    )
    assert out == [{"position": -1, "profile": None, "error": "ValueError"}]


def test_cells_are_cut_to_bytes_without_splitting_a_character() -> None:
    from scanner.connectors.spark_executor import cap_cell

    assert cap_cell("a" * 100, 16) == "a" * 16
    cut = cap_cell("é" * 100, 15)  # two bytes each: seven fit, the eighth would be split
    assert cut == "é" * 7
    assert cap_cell(b"\x01" * 100, 16) == b"\x01" * 16
    assert cap_cell(12345, 16) == "12345"
    assert cap_cell(["a", "b"], 64) == '["a", "b"]'


def test_executor_reuses_one_copy_of_the_classes_per_digest() -> None:
    from scanner.connectors.spark_executor import plan_specs

    plan = _plan((Column("a", "string"),))
    first = plan_specs(plan)
    again = plan_specs(pickle.loads(pickle.dumps(plan)))
    assert first is again  # so the classifier engine cached for `first` serves every later table
    assert [s.id for s in first] == [s.id for s in SPECS]
    # Why the cache is needed: an unpickled copy never equals the original (compiled patterns).
    assert pickle.loads(pickle.dumps(SPECS)) != SPECS


# --- the sampling query ------------------------------------------------------------------------


HOSTILE = "we`ird; col ü名 x"


def test_sampling_query_quotes_caps_and_reads_the_newest_partition() -> None:
    from scanner.connectors.spark import sampling_query

    table = Table(
        "db",
        "t",
        (
            Column(HOSTILE, "string"),
            Column("amount", "decimal(10,2)"),
            Column("tags", "array<string>"),
            Column("seen", "timestamp"),
            Column("raw", "binary"),
            Column("dt", "string", is_partition_key=True),
            Column("hour", "int", is_partition_key=True),
        ),
    )
    sql = sampling_query(table, 385, 4096)
    assert "COUNT" not in sql.upper()
    assert sql.endswith("LIMIT 385")
    assert "`we``ird; col ü名 x`" in sql
    parsed = sqlglot.parse_one(sql, read="spark")
    outputs = [e.alias for e in parsed.expressions]
    assert outputs == [f"c{i}" for i in range(7)]
    by_alias = {e.alias: e.this.sql("spark") for e in parsed.expressions}
    assert by_alias["c0"] == "SUBSTRING(`we``ird; col ü名 x`, 1, 4096)"
    assert by_alias["c1"] == "`amount`"  # numbers pass as they are, converted like every connector
    assert by_alias["c2"] == "SUBSTRING(TO_JSON(`tags`), 1, 4096)"
    assert by_alias["c3"] == "SUBSTRING(CAST(`seen` AS STRING), 1, 4096)"
    assert by_alias["c4"] == "SUBSTRING(`raw`, 1, 4096)"
    assert " WHERE STRUCT(`dt`, `hour`) = (SELECT MAX(STRUCT(`dt`, `hour`)) FROM `db`.`t`) LIMIT" in sql


def test_unpartitioned_table_has_no_filter() -> None:
    from scanner.connectors.spark import sampling_query

    sql = sampling_query(Table("db", "t", (Column("a", "string"),)), 10, 64)
    assert sql == "SELECT SUBSTRING(`a`, 1, 64) AS c0 FROM `db`.`t` LIMIT 10"


# --- URL forms ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sc://host:15002/?token=abc", "token in the source URL"),
        ("sc://host:15002/;token=abc", "has a path"),
        ("sc:///?x=1", "no host"),
        ("sc://host:15002/?cell_bytes=lots", "not a number"),
        ("sc://host:15002/?cell_bytes=2", "at least 16"),
        ("sc://host:15002/?properties_file=/etc/spark.conf", "in-process session"),
        ("spark:", "no Spark master"),
        ("sc://host:15002/?python_env=/tmp/env.rpm", "packed environment"),
        ("sc://host:15002/?python_env=/nonexistent/env.tar.gz", "python_env not found"),
    ],
)
def test_bad_urls_are_usage_errors(url: str, message: str) -> None:
    from scanner.connectors.spark import parse_options

    with pytest.raises(SourceError, match=message) as caught:
        parse_options(parse_source(url))
    assert "abc" not in str(caught.value)


def test_url_forms() -> None:
    from scanner.connectors.spark import parse_options

    remote = parse_options(parse_source("sc://alice@spark.example.com:15002/?databases=a,b&cell_bytes=1024"))
    assert remote.connect and remote.databases == ("a", "b") and remote.cell_bytes == 1024
    local = parse_options(parse_source("spark:local[2]?properties_file=/tmp/x.conf"))
    assert not local.connect and local.master == "local[2]" and local.properties_file == Path("/tmp/x.conf")
    assert parse_options(parse_source("spark:yarn")).master == "yarn"
    assert parse_options(parse_source("spark://master.example.com:7077")).master == (
        "spark://master.example.com:7077"
    )


def test_unreachable_connect_server_is_partial_coverage_with_a_report(tmp_path: Path) -> None:
    pytest.importorskip("pyspark.sql.connect.session")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = run_exposure(
        ["scan", "--source", f"sc://127.0.0.1:{port}/?connect_timeout=2", "--out", str(tmp_path / "o")]
    )
    assert run.code == 3, run.output
    assert "cannot connect to Spark Connect" in run.output
    assert "Traceback" not in run.output
    assert (tmp_path / "o" / "findings.json").is_file()


# --- the artifact executors import ------------------------------------------------------------


def test_the_scanner_archive_alone_classifies(tmp_path: Path) -> None:
    from scanner.connectors.spark import scanner_archive

    path = scanner_archive(tmp_path)
    assert path == scanner_archive(tmp_path)  # deterministic: one name per content
    names = zipfile.ZipFile(path).namelist()
    assert "scanner/classify.py" in names
    assert "scanner/connectors/spark_executor.py" in names
    assert "scanner/rulepacks/free_text_model.yaml" in names
    assert "scanner/schemas/free-text.schema.json" in names
    assert not any(n.startswith(("scanner/cli/", "scanner/report/")) for n in names)
    # Imported from the zip alone (as an executor does), it loads its rules and classifies.
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import scanner.classify as c, scanner.connectors.spark_executor as e;"
        "from scanner.rules import load_rulebook;"
        "assert c.__file__.startswith(sys.argv[1]), c.__file__;"
        "p = c.profile_values(['hey can you cover my shift tomorrow? thanks'] * 5, load_rulebook().classes);"
        "print(p.text_judged)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5"


# --- the hook in sample.py ---------------------------------------------------------------------


class _InEngine:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def profile_table(
        self, table: Table, specs: Any, rows: int, max_cell_bytes: int | None = None
    ) -> TableProfile:
        self.calls.append(table.fqn)
        return TableProfile({"a": ColumnProfile(rows, {Protection.PLAINTEXT: rows}, {})})

    def sample(
        self, table: Table, columns: Any, limit: int, max_cell_bytes: int = 0
    ) -> dict[str, list[str | bytes]]:
        raise AssertionError("values were fetched to the client")

    def close(self) -> None:
        pass


def test_a_connector_that_profiles_in_the_engine_is_never_asked_for_values() -> None:
    engine = _InEngine()
    specs: tuple[ClassSpec, ...] = SPECS
    result = profile_table(engine, Table("db", "t", (Column("a", "string"),)), specs, 7)
    assert engine.calls == ["db.t"]
    assert result.profiles["a"].sampled == 7
