"""The connector contract, in one place: what the scan asks of a warehouse, and the registry of
connectors by URL scheme.

A connector enumerates tables (with columns, owner, properties, storage format), samples values
(or profiles them inside the engine), reads the grants the engine holds, and says three things about
its engine: the SQL dialect its remediation is written in, the URI that names a table in SARIF and
other tools, and which table or column encryption its tables declare. Connectors import this module
and register themselves; scanner/connect.py opens them by scheme. Nothing here imports a connector,
so there is no import cycle between the two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote, urlsplit, urlunsplit

from scanner.catalog import column_encryption
from scanner.models import GrantSet, Table

MAX_URL_LENGTH = 4096  # a real source URL is a few hundred characters
SECRET_PARAMS = ("password", "passwd", "pwd", "secret", "token")
_SECRET_QUERY = re.compile(
    r"(?P<lead>[?&;][^=&;#]*(?:password|passwd|pwd|secret|token)[^=&;#]*=)[^&;#]*", re.I
)


def redact_url(raw: str) -> str:
    """A URL, well-formed or not, with any password in its user part or query removed and its
    length bounded: safe for every message, log line and report."""
    text = raw
    scheme, found, rest = raw.partition("://")
    if found:
        end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
        authority, tail = rest[:end], rest[end:]
        if "@" in authority:
            userinfo, host = authority.rsplit("@", 1)  # the host follows the last @, as urlsplit reads it
            user = userinfo.split(":", 1)[0] if ":" in userinfo else userinfo
            authority = f"{user}:***@{host}" if ":" in userinfo else f"{user}@{host}"
        text = f"{scheme}://{authority}{tail}"
    text = _SECRET_QUERY.sub(r"\g<lead>***", text)
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 200 else text[:200] + "…"


def is_secret(key: str) -> bool:
    name = key.lower()
    return any(s in name for s in SECRET_PARAMS) and not name.endswith(("_file", "_env"))


@dataclass(frozen=True)
class SourceURL:
    raw: str
    scheme: str
    user: str | None
    host: str | None
    port: int | None
    path: str
    params: tuple[tuple[str, str], ...]

    @property
    def redacted(self) -> str:
        """The URL with any password removed: safe for logs and reports."""
        parts = urlsplit(self.raw)
        netloc = parts.hostname or ""
        if parts.port:
            netloc = f"{netloc}:{parts.port}"
        if parts.username:
            netloc = f"{parts.username}@{netloc}"
        query = "&".join(f"{k}=***" if is_secret(k) else f"{k}={v}" for k, v in self.params)
        if not netloc and parts.path.startswith("/"):
            # Keep file URLs in their usual triple-slash form (duckdb:///abs/path).
            return redact_url(f"{parts.scheme}://{parts.path}" + (f"?{query}" if query else ""))
        return redact_url(urlunsplit((parts.scheme, netloc, parts.path, query, "")))


class Sampler(Protocol):
    """Where values come from."""

    def sample(
        self, table: Table, columns: Sequence[str], limit: int, max_cell_bytes: int
    ) -> dict[str, list[str | bytes]]:
        """Up to `limit` non-null values per column, each cut to `max_cell_bytes` (in the engine's
        query where it can). Raises on an unreadable table."""
        ...

    def close(self) -> None: ...


class Connector(Sampler, Protocol):
    """What the scan needs from a warehouse."""

    url: SourceURL
    dialect: str
    remediation_dialect: str | None

    def list_tables(self) -> Iterator[Table]: ...

    def uri(self, table: Table) -> str: ...

    def encryption(self, table: Table) -> dict[str, str]: ...

    def read_grants(self, tables: Sequence[Table]) -> GrantSet | None:
        """Grants the engine holds for these tables, or None when it has no notion of grants.
        Tables whose grants cannot be read are listed in `GrantSet.unknown_tables`."""
        ...


ConnectorFactory = Callable[[SourceURL], Connector]
CONNECTORS: dict[str, ConnectorFactory] = {}


# Schemes whose connectors profile values inside the engine (Spark's executors): the scan waits on
# them from threads instead of classifying in worker processes.
ENGINE_PROFILING: set[str] = set()
# Embedded engines (DuckDB) keep an open file's whole catalog in the memory of the process that opens
# it: 2 GB for 45,000 tables. The scan lists their tables in a child process and keeps only the list;
# it needs of the connector only what describes the source (URI form, dialects), made without
# opening anything.
EMBEDDED: dict[str, Callable[[SourceURL], Connector]] = {}


def register(
    *schemes: str,
    profiles_in_engine: bool = False,
    describe: Callable[[SourceURL], Connector] | None = None,
) -> Callable[[ConnectorFactory], ConnectorFactory]:
    def add(factory: ConnectorFactory) -> ConnectorFactory:
        for scheme in schemes:
            CONNECTORS[scheme] = factory
            if profiles_in_engine:
                ENGINE_PROFILING.add(scheme)
            if describe is not None:
                EMBEDDED[scheme] = describe
        return factory

    return add


class ConnectorBase:
    """What most engines share; a connector overrides what its engine does differently."""

    url: SourceURL
    dialect: str = "hive"  # the SQL the engine speaks
    # the dialect of its GRANT/REVOKE; None for an engine with no access control of its own
    remediation_dialect: str | None = "hive"

    def uri(self, table: Table) -> str:
        """The table as a URI: the source (credentials removed), then database and table, each
        percent-encoded, so a dot or slash in a name never reads as a separator."""
        base = self.url.redacted.split("?", 1)[0].rstrip("/")
        return f"{base}/{quote(table.database, safe='')}/{quote(table.name, safe='')}"

    def encryption(self, table: Table) -> dict[str, str]:
        """Lower-cased column → the declaration that claims it is encrypted (ORC, Parquet, Iceberg
        properties on the table or its serde)."""
        return column_encryption(table)
