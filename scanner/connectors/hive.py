"""HiveServer2 over its Thrift protocol, with PyHive.

URLs: `hive://user@host:10000/?auth=NONE` (binary transport), `hive+http://user@host:10001/?path=cliservice`
and `hive+https://...` (HTTP transport; TLS certificates and host names are verified unless
`verify=false`). Parameters: `auth` NONE | NOSASL | LDAP | CUSTOM | KERBEROS, `kerberos_service`,
`password_env` (default EXPOSURE_HIVE_PASSWORD) or `password_file`, `ca` (CA bundle),
`connect_timeout` and `query_timeout` in seconds, `retries`, `databases` (comma list to enumerate).

We build the Thrift transport ourselves, not through `hive.connect(host=...)`: that is the only way
to put timeouts on the socket, and PyHive's own HTTPS default skips certificate verification.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import re
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from urllib.parse import unquote

from sqlglot import exp

from scanner.connectors.base import ConnectorBase, SourceURL, register
from scanner.connectors.common import as_text, cap_cell, url_password
from scanner.connectors.hive_describe import DescribedCatalog, parse_show_grant
from scanner.errors import SourceError, SourceUnavailable
from scanner.models import GrantSet, Table, TableKey, table_key
from scanner.sample import DEFAULT_MAX_CELL_BYTES

AUTH_MODES = ("NONE", "NOSASL", "LDAP", "CUSTOM", "KERBEROS")
DEFAULT_PASSWORD_ENV = "EXPOSURE_HIVE_PASSWORD"  # noqa: S105 - the name of a variable, not a secret
T = TypeVar("T")
# Thrift logs every failed connect attempt itself; our error says it once, without the noise.
logging.getLogger("thrift").setLevel(logging.CRITICAL)


class HiveOptions:
    def __init__(self, url: SourceURL) -> None:
        params = dict(url.params)
        self.url = url
        self.host = url.host or "127.0.0.1"
        self.http = url.scheme in ("hive+http", "hive+https")
        self.tls = url.scheme == "hive+https"
        self.port = url.port or (10001 if self.http else 10000)
        self.user = url.user or os.environ.get("USER") or "exposure"
        self.auth = params.get("auth", "NONE").upper()
        if self.auth not in AUTH_MODES:
            raise SourceError(
                f"unknown auth mode '{self.auth}' in {url.redacted}",
                hint=f"use one of {', '.join(AUTH_MODES)}",
            )
        self.http_path = "/" + params.get("path", "cliservice").strip("/")
        self.verify = params.get("verify", "true").lower() not in ("false", "0", "no")
        self.ca = params.get("ca")
        self.kerberos_service = params.get("kerberos_service", "hive")
        self.connect_timeout = _seconds(params, "connect_timeout", 10.0, url)
        self.query_timeout = _seconds(params, "query_timeout", 300.0, url)
        self.retries = int(_seconds(params, "retries", 2, url))
        self.databases = tuple(d for d in params.get("databases", "").split(",") if d)
        self.password = _password(params, self.auth, url) if self.auth in ("LDAP", "CUSTOM") else None


def _seconds(params: dict[str, str], key: str, default: float, url: SourceURL) -> float:
    raw = params.get(key)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SourceError(f"{key}={raw!r} is not a number in {url.redacted}", hint=f"e.g. {key}=30") from None
    if value < 0:
        raise SourceError(f"{key} must not be negative in {url.redacted}", hint=f"e.g. {key}=30")
    return value


def _password(params: dict[str, str], auth: str, url: SourceURL) -> str:
    value = url_password(url, DEFAULT_PASSWORD_ENV)
    if value is None:
        env = params.get("password_env", DEFAULT_PASSWORD_ENV)
        raise SourceError(
            f"auth={auth} needs a password and ${env} is not set",
            hint=f"export {env}=... or pass password_file=/path in the URL",
        )
    return value


def _is_transient(exc: BaseException) -> bool:
    from thrift.transport.TTransport import TTransportException

    if isinstance(exc, TimeoutError | socket.timeout):
        return False  # a timeout already cost its full budget; retrying would multiply it
    return isinstance(exc, ConnectionError | socket.gaierror | EOFError | TTransportException)


_JAVA_NOISE = re.compile(r"\b(?:Error running query:|org\.apache\.[\w.$]+(?:Exception|Error):?)\s*")


def _describe_error(exc: BaseException) -> str:
    """One line naming what went wrong, without server stack traces or credentials."""
    text = str(getattr(exc, "message", None) or exc)
    args = getattr(exc, "args", None)
    if args and hasattr(args[0], "status"):
        # PyHive wraps the server's response; its errorMessage is the useful part
        text = getattr(args[0].status, "errorMessage", None) or text
    if isinstance(exc, TimeoutError | socket.timeout):
        text = f"timed out after the configured timeout ({text or 'no answer'})"
    line = " ".join(_JAVA_NOISE.sub("", text).split("== SQL")[0].split())
    return f"{type(exc).__name__}: {line[:240] or 'no detail'}"


class HiveConnector(DescribedCatalog, ConnectorBase):
    dialect = "hive"

    def __init__(self, url: SourceURL) -> None:
        self.url = url
        self.options = HiveOptions(url)
        self._conn: Any = None
        self._socket: Any = None
        # Set while the server is unreachable: later tables fail after one attempt, not a full retry
        # cycle each, so a dead server costs one connect timeout per table at most.
        self._down = False
        self._connect()

    # --- connection ---------------------------------------------------------------------------

    def _transport(self) -> Any:
        from thrift.transport import THttpClient, TSocket, TTransport

        opts = self.options
        if opts.http:
            context = None
            if opts.tls:
                context = ssl.create_default_context(cafile=opts.ca)
                if not opts.verify:
                    context.check_hostname = False
                    context.verify_mode = ssl.CERT_NONE
            scheme = "https" if opts.tls else "http"
            transport = THttpClient.THttpClient(
                f"{scheme}://{opts.host}:{opts.port}{opts.http_path}", ssl_context=context
            )
            transport.setTimeout(int(opts.connect_timeout * 1000))
            if opts.auth == "KERBEROS":
                from pyhive.hive import Connection

                Connection._set_kerberos_header(transport, opts.kerberos_service, opts.host)
            else:
                token = base64.b64encode(f"{opts.user}:{opts.password or 'x'}".encode()).decode()
                transport.setCustomHeaders({"Authorization": f"Basic {token}"})
            self._socket = transport
            return transport
        sock = TSocket.TSocket(opts.host, opts.port)
        sock.setTimeout(int(opts.connect_timeout * 1000))
        self._socket = sock
        if opts.auth == "NOSASL":
            return TTransport.TBufferedTransport(sock)
        import thrift_sasl
        from pyhive.hive import get_installed_sasl

        mechanism = "GSSAPI" if opts.auth == "KERBEROS" else "PLAIN"
        password = opts.password or "x"  # PLAIN needs a non-empty password even when auth=NONE

        def sasl_client() -> Any:
            return get_installed_sasl(
                host=opts.host,
                sasl_auth=mechanism,
                service=opts.kerberos_service,
                username=opts.user,
                password=password,
            )

        return thrift_sasl.TSaslClientTransport(sasl_client, mechanism, sock)

    def _connect(self) -> None:
        try:
            from pyhive import hive
        except ImportError:
            raise SourceError(
                "the Hive connector needs PyHive", hint="pip install 'exposure-scanner[hive]'"
            ) from None
        opts = self.options
        last: BaseException | None = None
        attempts = 1 if self._down else opts.retries + 1
        for attempt in range(attempts):
            try:
                self._conn = hive.Connection(thrift_transport=self._transport(), username=opts.user)
                self._socket.setTimeout(int(opts.query_timeout * 1000))
                self._down = False
                return
            except Exception as exc:
                last = exc
                if not _is_transient(exc) or attempt == attempts - 1:
                    break
                time.sleep(min(0.5 * 2**attempt, 5.0))
        assert last is not None
        self._down = True
        raise SourceUnavailable(
            f"cannot connect to HiveServer2 at {self.url.redacted}: {_describe_error(last)}",
            hint="check host, port, auth mode and credentials; is HiveServer2 running?",
        )

    def _close_quietly(self) -> None:
        try:
            if self._conn is not None:
                self._conn.close()
        except Exception:  # noqa: S110 - the connection is being dropped anyway
            pass
        self._conn = None

    def _with_retry(self, action: Callable[[Any], T], what: str) -> T:
        """Run a read with one reconnect on transient transport failures."""
        last: BaseException | None = None
        for attempt in range(self.options.retries + 1):
            try:
                if self._conn is None:
                    self._connect()
                cursor = self._conn.cursor()
                try:
                    return action(cursor)
                finally:
                    with contextlib.suppress(Exception):
                        cursor.close()
            except SourceError:
                raise
            except Exception as exc:
                last = exc
                if not _is_transient(exc):
                    break
                self._close_quietly()
                if attempt < self.options.retries:
                    time.sleep(min(0.5 * 2**attempt, 5.0))
        assert last is not None
        if isinstance(last, TimeoutError | socket.timeout):
            self._close_quietly()  # the server may still be answering the old request
        raise SourceError(f"{what}: {_describe_error(last)}")

    def _rows(self, sql: str, what: str) -> list[tuple[Any, ...]]:
        def run(cursor: Any) -> list[tuple[Any, ...]]:
            cursor.execute(sql)
            return list(cursor.fetchall())

        return self._with_retry(run, what)

    # --- catalog ------------------------------------------------------------------------------

    def _q(self, *parts: str) -> str:
        return ".".join(exp.to_identifier(p, quoted=True).sql(dialect="hive") for p in parts)

    def databases(self) -> list[str]:
        if self.options.databases:
            return list(self.options.databases)
        return sorted(str(r[0]) for r in self._rows("SHOW DATABASES", "cannot list databases"))

    def table_names(self, database: str) -> list[str]:
        rows = self._rows(f"SHOW TABLES IN {self._q(database)}", f"cannot list tables of {database}")
        # Hive: (tab_name); Spark: (database, tableName, isTemporary)
        names = [str(r[1]) if len(r) >= 3 else str(r[0]) for r in rows if not (len(r) >= 3 and r[2] is True)]
        return sorted(names)

    # --- values -------------------------------------------------------------------------------

    def _newest_partition(self, table: Table) -> exp.Condition | None:
        keys = [c.name for c in table.columns if c.is_partition_key]
        if not keys:
            return None
        sql = f"SHOW PARTITIONS {self._q(table.database, table.name)}"
        rows = self._rows(sql, f"cannot list partitions of {table.fqn}")
        specs = sorted(str(r[0]) for r in rows)
        if not specs:
            return None
        # Partition specs are escaped like paths: dt=2024-01-01/country=US
        clauses: list[exp.Expression] = []
        for part in specs[-1].split("/"):
            key, _, value = part.partition("=")
            column = exp.column(unquote(key), quoted=True)
            clauses.append(exp.EQ(this=column, expression=exp.Literal.string(unquote(value))))
        condition = exp.and_(*clauses)
        return condition

    def sample(
        self, table: Table, columns: Sequence[str], limit: int, max_cell_bytes: int = DEFAULT_MAX_CELL_BYTES
    ) -> dict[str, list[str | bytes]]:
        """One bounded query per table: the newest partition when partitioned, LIMIT, no COUNT(*).
        String and binary cells are cut with substr() in the query; complex ones after fetching."""
        source = exp.table_(table.name, db=table.database, quoted=True)
        types = {c.name: c.data_type.lower() for c in table.columns}
        selected: list[exp.Expr] = []
        for name in columns:
            column = exp.column(name, quoted=True)
            if types.get(name, "").startswith(("string", "varchar", "char", "binary")):
                cut = exp.Substring(
                    this=column, start=exp.Literal.number(1), length=exp.Literal.number(max_cell_bytes)
                )
                selected.append(exp.alias_(cut, name, quoted=True))
            else:
                selected.append(column)
        query = exp.select(*selected).from_(source).limit(limit)
        where = self._newest_partition(table)
        if where is not None:
            query = query.where(where)
        rows = self._rows(query.sql(dialect="hive"), f"cannot sample {table.fqn}")
        out: dict[str, list[str | bytes]] = {c: [] for c in columns}
        for row in rows:
            for name, value in zip(columns, row, strict=False):
                if value is not None:
                    out[name].append(cap_cell(as_text(value), max_cell_bytes))
        rows.clear()
        return out

    # --- grants -------------------------------------------------------------------------------

    def read_grants(self, tables: Sequence[Table] = ()) -> GrantSet | None:
        """SHOW GRANT per table. Where the server refuses (Spark, non-admin users), the table's
        grants are unknown, never empty."""
        grants = []
        unknown: list[TableKey] = []
        warnings: list[str] = []
        refused_everywhere = True
        for table in tables:
            if table.catalog_error:
                continue
            try:
                rows = self._rows(
                    f"SHOW GRANT ON TABLE {self._q(table.database, table.name)}",
                    f"SHOW GRANT refused for {table.fqn}",
                )
            except SourceError as exc:
                unknown.append(table_key(table.database, table.name))
                if len(warnings) < 3:
                    warnings.append(f"{exc.message}; its readers are unknown")
                continue
            refused_everywhere = False
            grants.extend(parse_show_grant(rows, f"SHOW GRANT ON TABLE {table.fqn} ({self.url.redacted})"))
        if unknown and len(unknown) > len(warnings):
            warnings.append(
                f"SHOW GRANT failed for {len(unknown)} table(s) in all; their readers are unknown"
            )
        if refused_everywhere and tables:
            return GrantSet(dialect="hive", warnings=tuple(warnings), unknown_tables=frozenset(unknown))
        return GrantSet(
            grants=tuple(grants),
            sources=(f"SHOW GRANT via {self.url.redacted}",),
            dialect="hive",
            warnings=tuple(warnings),
            unknown_tables=frozenset(unknown),
        )

    def close(self) -> None:
        self._close_quietly()


@register("hive", "hive+http", "hive+https")
def open_hive(url: SourceURL) -> HiveConnector:
    return HiveConnector(url)
