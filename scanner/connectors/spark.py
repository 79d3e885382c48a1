"""Spark as the engine: catalog through Spark's own catalog, sampling and classification inside
the executors, only profiles back to the client.

URLs:
- `sc://host:15002/` — a Spark Connect server (gRPC), through pyspark's Connect client. Parameters:
  `use_ssl`, `token_env` (default EXPOSURE_SPARK_TOKEN) or `token_file` for a bearer token (a
  `token=` in the URL is refused: URLs get logged), `connect_timeout` (s, default 10), `retries`
  (default 3). The user name in the URL (`sc://alice@host:15002`) becomes Spark Connect's user_id.
- `spark:local[2]` — an in-process Spark session (classic pyspark, needs Java); the path is Spark's
  master, so `spark:yarn` runs the driver here against YARN. `properties_file=` loads a Spark
  properties file (as spark-submit's --properties-file; metastore settings, passwords) without
  putting its values on a command line. Otherwise Spark reads $SPARK_CONF_DIR as usual.
Both: `databases` (comma list to enumerate), `cell_bytes` (cap per sampled cell, default 8192),
`python_env` (a packed environment, e.g. venv-pack output, that executors unpack and run Python
from: the classifier's dependencies have native code). `cluster_id` (sc:// on Databricks) is sent
as the x-databricks-cluster-id header.

Per table, one Spark job: `SELECT <every column, each cut to cell_bytes> FROM t [WHERE <newest
partition>] LIMIT n`, coalesced into one task, then `mapInArrow` runs `profile_values` on the rows
in a Python worker of an executor (scanner/connectors/spark_executor.py) and emits one encoded
`ColumnProfile` per column. The newest partition is chosen inside Spark too (a scalar subquery over
the partition columns, answered from the catalog's partition list), so no partition value comes
back either. The scanner's code reaches the executors as a zip artifact of this very client, so
both sides classify with the same code and rules.

Spark has no grants: `read_grants` is None, and readers come from grants files, Ranger or the
metastore (`--source metastore+postgresql://... --sample-source sc://...`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import logging
import os
import pickle
import re
import shlex
import shutil
import sys
import tempfile
import threading
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from sqlglot import exp

from scanner.classify import ColumnProfile, profile_values
from scanner.connectors.base import ConnectorBase, SourceURL, register
from scanner.connectors.hive_describe import DescribedCatalog
from scanner.connectors.spark_executor import PROFILE_SCHEMA, ProfilePlan, profile_batches
from scanner.errors import SourceError, SourceUnavailable
from scanner.models import Column, GrantSet, Table
from scanner.profile_codec import decode_profile
from scanner.rules import ClassSpec
from scanner.sample import TableProfile

DIALECT = "spark"
DEFAULT_CELL_BYTES = 8192
DEFAULT_TOKEN_ENV = "EXPOSURE_SPARK_TOKEN"  # noqa: S105 - the name of a variable, not a secret
# Types whose values pass to the executor as they are (bounded in size, converted there by the
# same `as_text` as every other connector); every other type is cut to `cell_bytes` in the query.
_PLAIN_TYPES = re.compile(
    r"(tinyint|smallint|int|integer|bigint|byte|short|long|float|double|real|decimal|numeric|"
    r"boolean)\b"
)
_COMPLEX_TYPES = ("array", "map", "struct")
_ARCHIVES = (".tar.gz", ".tgz", ".tar", ".zip")
# Where executors unpack `python_env`, relative to their working directory.
_ENV_DIR = "exposure_env"
# Packages of the scanner that executors never import.
_NOT_SHIPPED = frozenset({"cli", "report", "templates", "examples", "__pycache__"})


@dataclass(frozen=True)
class SparkOptions:
    url: SourceURL
    connect: bool  # Spark Connect (sc://) or an in-process session (spark:)
    master: str = ""
    databases: tuple[str, ...] = ()
    cell_bytes: int = DEFAULT_CELL_BYTES
    connect_timeout: float = 10.0
    retries: int = 3
    use_ssl: bool = False
    properties_file: Path | None = None
    python_env: Path | None = None
    params: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Connectors of one scan with the same URL share one Spark session."""
        return self.url.raw


def parse_options(url: SourceURL) -> SparkOptions:
    params = dict(url.params)
    connect = url.scheme == "sc"
    if "token" in params:
        raise SourceError(
            f"a token in the source URL would be logged ({url.redacted})",
            hint=f"put it in ${DEFAULT_TOKEN_ENV}, or name a file with token_file=",
        )
    if connect:
        if not url.host:
            raise SourceError(f"no host in {url.redacted}", hint="e.g. sc://spark-connect.example.com:15002")
        if url.path not in ("", "/"):
            # Spark Connect's own `/;token=...` form would carry tokens into logs; not echoed.
            raise SourceError(
                f"sc://{url.host}:{url.port or 15002} has a path; Spark Connect parameters go in the "
                "query here",
                hint="e.g. sc://host:15002/?use_ssl=true&token_env=SPARK_TOKEN",
            )
        master = ""
    else:
        master = url.path if not url.host else f"spark://{url.host}:{url.port or 7077}"
        if not master:
            raise SourceError(f"no Spark master in {url.redacted}", hint="e.g. spark:local[2]")
    properties = params.get("properties_file")
    if properties and connect:
        raise SourceError(
            "properties_file applies to an in-process session (spark:...), not to Spark Connect",
            hint="the Connect server reads its own configuration",
        )
    python_env = Path(params["python_env"]).expanduser() if params.get("python_env") else None
    if python_env is not None and not python_env.name.endswith(_ARCHIVES):
        raise SourceError(
            f"python_env must be a packed environment ({', '.join(_ARCHIVES)}): {python_env}",
            hint="e.g. venv-pack -o scanner-env.tar.gz",
        )
    if python_env is not None and not python_env.is_file():
        raise SourceError(f"python_env not found: {python_env}", hint="check the path")
    return SparkOptions(
        url=url,
        connect=connect,
        master=master,
        databases=tuple(d for d in params.get("databases", "").split(",") if d),
        cell_bytes=int(_number(params, "cell_bytes", DEFAULT_CELL_BYTES, url, minimum=16)),
        connect_timeout=_number(params, "connect_timeout", 10.0, url),
        retries=int(_number(params, "retries", 3, url)),
        use_ssl=params.get("use_ssl", "false").lower() in ("true", "1", "yes"),
        properties_file=Path(properties).expanduser() if properties else None,
        python_env=python_env,
        params=params,
    )


def _number(params: dict[str, str], key: str, default: float, url: SourceURL, minimum: float = 0) -> float:
    raw = params.get(key)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SourceError(f"{key}={raw!r} is not a number in {url.redacted}", hint=f"e.g. {key}=30") from None
    if value < minimum:
        raise SourceError(f"{key} must be at least {minimum:g} in {url.redacted}", hint=f"e.g. {key}=30")
    return value


def _token(options: SparkOptions) -> str | None:
    params = options.params
    if "token_file" in params:
        path = Path(params["token_file"]).expanduser()
        try:
            return path.read_text().strip() or None
        except OSError as exc:
            raise SourceError(
                f"cannot read token_file {path}: {exc.strerror}", hint="check the path"
            ) from None
    return os.environ.get(params.get("token_env", DEFAULT_TOKEN_ENV)) or None


_NOISE = re.compile(r"\s*(?:SQLSTATE: \w+|JVM stacktrace:).*$", re.DOTALL)


def describe_error(exc: BaseException) -> str:
    """One line: the exception type and the first line of Spark's message, without the JVM stack
    trace or the plan that follows it."""
    text = ""
    with contextlib.suppress(Exception):
        text = str(exc.getMessage())  # type: ignore[attr-defined]
    text = text or str(exc)
    line = " ".join(_NOISE.sub("", text.strip().split("\n")[0]).split())
    return f"{type(exc).__name__}: {line[:240] or 'no detail'}"


# --- the scanner's code, shipped to executors ---------------------------------------------------


def _walk(node: Traversable, prefix: str, out: dict[str, bytes]) -> None:
    for child in node.iterdir():
        if child.name in _NOT_SHIPPED or child.name.endswith((".pyc", ".pyo")):
            continue
        name = f"{prefix}/{child.name}"
        if child.is_dir():
            _walk(child, name, out)
        else:
            out[name] = child.read_bytes()


def scanner_archive(directory: Path) -> Path:
    """A zip of the scanner package (code, rule packs, schemas; not the CLI or the reporters) that
    executors import: `spark.addArtifacts(path, pyfile=True)`. Deterministic, named by its hash."""
    entries: dict[str, bytes] = {}
    _walk(resources.files("scanner"), "scanner", entries)
    if not any(name.startswith("scanner/rulepacks/") for name in entries):
        # An editable install maps scanner.rulepacks to the repository's rules/ directory.
        _walk(resources.files("scanner.rulepacks"), "scanner/rulepacks", entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, entries[name])
    data = buffer.getvalue()
    path = directory / f"exposure_scanner_{hashlib.sha256(data).hexdigest()[:16]}.zip"
    path.write_bytes(data)
    return path


# --- sessions ---------------------------------------------------------------------------------


def _quiet() -> None:
    # pyspark warns about pandas 3 on import and on mapInArrow; the scan uses no pandas API. The
    # optimizer setting is deprecated for one caveat the HiveServer2 path shares (see _acquire).
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    warnings.filterwarnings("ignore", ".*spark.sql.optimizer.metadataOnly", UserWarning)


def _quiet_import() -> None:
    _quiet()
    try:
        import pyspark.sql.connect.session  # noqa: F401
    except ImportError:
        raise SourceError(
            "the Spark connector needs pyspark's Connect client",
            hint="pip install 'exposure-scanner[spark]'",
        ) from None
    _quiet_logs()


def _quiet_logs() -> None:
    # A failed query reaches the report as one line (its table is unknown); pyspark would also
    # print it to stderr with the JVM stack trace and the query plan.
    from pyspark.logger import PySparkLogger

    for name in ("SQLQueryContextLogger", "DataFrameQueryContextLogger"):
        PySparkLogger.getLogger(name).setLevel(logging.CRITICAL)


def _open_connect(options: SparkOptions) -> Any:
    _quiet_import()
    import grpc
    from pyspark.sql.connect.client import DefaultChannelBuilder
    from pyspark.sql.connect.client.retries import DefaultPolicy
    from pyspark.sql.connect.session import SparkSession

    url = options.url
    host = f"[{url.host}]" if url.host and ":" in url.host else url.host
    builder = DefaultChannelBuilder(f"sc://{host}:{url.port or 15002}")
    # Set on the builder, never formatted into a connection string that could be logged.
    if options.use_ssl:
        builder.set("use_ssl", "true")
    token = _token(options)
    if token:
        builder.set("token", token)
    if url.user:
        builder.set("user_id", url.user)
    if options.params.get("cluster_id"):
        builder.set("x-databricks-cluster-id", options.params["cluster_id"])
    probe = builder.toChannel()
    try:
        grpc.channel_ready_future(probe).result(timeout=options.connect_timeout)
    except grpc.FutureTimeoutError:
        raise SourceUnavailable(
            f"cannot connect to Spark Connect at {url.redacted}: no answer within "
            f"{options.connect_timeout:g} s",
            hint="check host and port; is the Spark Connect server running?",
        ) from None
    finally:
        probe.close()
    session = SparkSession.builder.channelBuilder(builder).create()
    # The client's default retries wait up to ten minutes for a server that has gone away.
    session.client.set_retry_policies([DefaultPolicy(max_retries=options.retries, max_backoff=5000)])
    try:
        session.sql("SELECT 1").collect()
    except Exception as exc:
        with contextlib.suppress(Exception):
            session.stop()
        raise SourceUnavailable(
            f"cannot open a Spark Connect session at {url.redacted}: {describe_error(exc)}",
            hint="check the token, user and TLS settings",
        ) from None
    return session


def _open_local(options: SparkOptions) -> Any:
    _quiet()
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SourceError(
            "the Spark connector needs pyspark", hint="pip install 'exposure-scanner[spark]'"
        ) from None
    _quiet_logs()
    # Executors' Python workers run this interpreter unless told otherwise: it has the scanner's
    # dependencies (re2 among them).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    previous = os.environ.get("PYSPARK_SUBMIT_ARGS")
    if options.properties_file is not None:
        if not options.properties_file.is_file():
            raise SourceError(f"properties_file not found: {options.properties_file}", hint="check the path")
        # pyspark hands PYSPARK_SUBMIT_ARGS to the spark-submit that starts the JVM; a properties
        # file keeps metastore passwords off that command line.
        os.environ["PYSPARK_SUBMIT_ARGS"] = (
            f"--properties-file {shlex.quote(str(options.properties_file))} pyspark-shell"
        )
    try:
        session = (
            SparkSession.builder.master(options.master)
            .appName("exposure")
            .config("spark.ui.showConsoleProgress", "false")
            .enableHiveSupport()
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        return session
    except Exception as exc:
        raise SourceUnavailable(
            f"cannot start a Spark session for {options.url.redacted}: {describe_error(exc)}",
            hint="is Java 17+ installed, and is the master reachable?",
        ) from None
    finally:
        if previous is None:
            os.environ.pop("PYSPARK_SUBMIT_ARGS", None)
        else:
            os.environ["PYSPARK_SUBMIT_ARGS"] = previous


@dataclass
class _Shared:
    session: Any
    workdir: Path
    refs: int = 0


_LOCK = threading.Lock()
_SESSIONS: dict[str, _Shared] = {}


def _acquire(options: SparkOptions) -> Any:
    with _LOCK:
        shared = _SESSIONS.get(options.key)
        if shared is None:
            session = _open_connect(options) if options.connect else _open_local(options)
            workdir = Path(tempfile.mkdtemp(prefix="exposure-spark-"))
            try:
                # The newest partition's subquery is then answered from the partition list, not by
                # reading every partition. Deprecated for its one caveat (a partition without rows
                # still counts), which the HiveServer2 path shares: SHOW PARTITIONS lists it too.
                session.conf.set("spark.sql.optimizer.metadataOnly", "true")
                session.addArtifacts(str(scanner_archive(workdir)), pyfile=True)
                if options.python_env is not None:
                    _add_python_env(session, options.python_env)
            except Exception as exc:
                shutil.rmtree(workdir, ignore_errors=True)
                with contextlib.suppress(Exception):
                    session.stop()
                raise SourceUnavailable(
                    f"cannot prepare the Spark session at {options.url.redacted}: {describe_error(exc)}"
                ) from None
            shared = _SESSIONS[options.key] = _Shared(session, workdir)
        shared.refs += 1
        return shared.session


def _add_python_env(session: Any, archive: Path) -> None:
    """Executors unpack the archive into their working directory and run this session's Python
    functions with its interpreter (Spark's per-session Python, 3.5 and later)."""
    session.addArtifacts(f"{archive}#{_ENV_DIR}", archive=True)
    session.conf.set("spark.sql.execution.pyspark.python", f"{_ENV_DIR}/bin/python")


def _release(options: SparkOptions) -> None:
    with _LOCK:
        shared = _SESSIONS.get(options.key)
        if shared is None:
            return
        shared.refs -= 1
        if shared.refs > 0:
            return
        del _SESSIONS[options.key]
    # Jobs abandoned by the scan's per-table timeout are still running: stop them with the session.
    with contextlib.suppress(Exception):
        shared.session.interruptAll()
    with contextlib.suppress(Exception):
        shared.session.stop()
    shutil.rmtree(shared.workdir, ignore_errors=True)


# --- the query --------------------------------------------------------------------------------


def _cell(column: Column, cell_bytes: int) -> exp.Expression:
    """The column as the sampling query reads it: bounded in size before it leaves the JVM."""
    ref = exp.column(column.name, quoted=True)
    data_type = column.data_type.strip().lower()
    if _PLAIN_TYPES.match(data_type):
        return ref
    if data_type.startswith(("string", "varchar", "char", "binary")):
        value: exp.Expression = ref
    elif data_type.startswith(_COMPLEX_TYPES):
        value = exp.Anonymous(this="TO_JSON", expressions=[ref])
    else:
        value = exp.cast(ref, "string")
    # Characters for strings, bytes for binary; the executor cuts strings to bytes.
    return exp.Substring(this=value, start=exp.Literal.number(1), length=exp.Literal.number(cell_bytes))


def sampling_query(table: Table, rows: int, cell_bytes: int) -> str:
    """One bounded query per table, every column cut to `cell_bytes`, output columns c0, c1, ...
    in the order of `table.columns`. A partitioned table reads only its newest partition, chosen
    inside Spark: the largest tuple of partition values (typed order, so hour=10 follows hour=9).
    Never COUNT(*)."""
    source = exp.table_(table.name, db=table.database, quoted=True)
    outputs = [exp.alias_(_cell(c, cell_bytes), f"c{i}") for i, c in enumerate(table.columns)]
    query = exp.select(*outputs).from_(source)
    keys = [c for c in table.columns if c.is_partition_key]
    if keys:
        newest = exp.Struct(expressions=[exp.column(k.name, quoted=True) for k in keys])
        latest = exp.select(exp.Max(this=newest.copy())).from_(source.copy())
        query = query.where(exp.EQ(this=newest, expression=exp.Subquery(this=latest)))
    return query.limit(rows).sql(dialect=DIALECT)


# --- the connector ----------------------------------------------------------------------------


class SparkConnector(DescribedCatalog, ConnectorBase):
    dialect = DIALECT
    remediation_dialect: str | None = DIALECT

    def __init__(self, url: SourceURL) -> None:
        self.url = url
        self.options = parse_options(url)
        self._session = _acquire(self.options)
        self._closed = False
        # The classes, pickled once per connector rather than per table; every job carries them,
        # and each executor worker unpickles them once (spark_executor.plan_specs).
        self._specs: tuple[tuple[ClassSpec, ...], bytes, str] | None = None

    def _q(self, *parts: str) -> str:
        return ".".join(exp.to_identifier(p, quoted=True).sql(dialect=DIALECT) for p in parts)

    def _rows(self, sql: str, what: str) -> list[tuple[Any, ...]]:
        try:
            return [tuple(row) for row in self._session.sql(sql).collect()]
        except Exception as exc:
            raise SourceError(f"{what}: {describe_error(exc)}") from None

    # --- catalog ------------------------------------------------------------------------------

    def databases(self) -> list[str]:
        if self.options.databases:
            return list(self.options.databases)
        return sorted(str(r[0]) for r in self._rows("SHOW DATABASES", "cannot list databases"))

    def table_names(self, database: str) -> list[str]:
        rows = self._rows(f"SHOW TABLES IN {self._q(database)}", f"cannot list tables of {database}")
        # (namespace, tableName, isTemporary): temporary views belong to a session, not the warehouse
        return sorted(str(r[1]) for r in rows if not (len(r) >= 3 and r[2] is True))

    # --- values, classified where they are ---------------------------------------------------

    def _pickled_specs(self, specs: Sequence[ClassSpec]) -> tuple[bytes, str]:
        wanted = tuple(specs)
        if self._specs is None or self._specs[0] != wanted:
            blob = pickle.dumps(wanted, protocol=pickle.HIGHEST_PROTOCOL)
            self._specs = (wanted, blob, hashlib.sha256(blob).hexdigest())
        return self._specs[1], self._specs[2]

    def profile_table(
        self, table: Table, specs: Sequence[ClassSpec], rows: int, max_cell_bytes: int | None = None
    ) -> TableProfile:
        """One Spark job: the bounded sample is read, profiled and dropped inside an executor;
        one encoded profile per column comes back. Cells are cut to the smaller of the URL's
        `cell_bytes` and the scan's `sampling.max_cell_bytes`."""
        if not table.columns:
            return TableProfile({})
        cell_bytes = min(self.options.cell_bytes, max_cell_bytes or self.options.cell_bytes)
        blob, key = self._pickled_specs(specs)
        plan = ProfilePlan(table.columns, blob, key, cell_bytes)
        query = sampling_query(table, rows, cell_bytes)
        try:
            frame = self._session.sql(query).coalesce(1)
            result = frame.mapInArrow(functools.partial(profile_batches, plan), PROFILE_SCHEMA).collect()
        except Exception as exc:
            return TableProfile({}, f"cannot sample {table.fqn}: {describe_error(exc)}")
        profiles: dict[str, ColumnProfile] = {}
        for position, encoded, error in (tuple(r) for r in result):
            if error:
                return TableProfile({}, f"classification failed in a Spark executor ({error})")
            if 0 <= position < len(table.columns):
                profiles[table.columns[position].name] = decode_profile(encoded)
        for column in table.columns:
            # No row for a column: Spark answered an empty table with no task at all.
            profiles.setdefault(column.name, profile_values([], specs, column))
        return TableProfile(profiles)

    def sample(
        self, table: Table, columns: Sequence[str], limit: int, max_cell_bytes: int = 0
    ) -> dict[str, list[str | bytes]]:
        raise SourceError("Spark classifies inside its executors; values are never fetched to the client")

    def read_grants(self, tables: Sequence[Table]) -> GrantSet | None:
        return None  # Spark has no grants of its own

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            _release(self.options)


@register("sc", "spark", profiles_in_engine=True)
def open_spark(url: SourceURL) -> SparkConnector:
    return SparkConnector(url)
