"""Warehouse sources addressed by URL, and the registry of connectors behind the schemes.

`duckdb:///abs/path/warehouse.duckdb` is the embedded default. A connector enumerates tables,
samples columns and, where the engine has them, reads grants.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from scanner.errors import SourceError, did_you_mean
from scanner.models import GrantSet, Table


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
        query = "&".join(
            f"{k}=***" if any(s in k.lower() for s in ("password", "secret", "token")) else f"{k}={v}"
            for k, v in self.params
        )
        if not netloc and parts.path.startswith("/"):
            # Keep file URLs in their usual triple-slash form (duckdb:///abs/path).
            return f"{parts.scheme}://{parts.path}" + (f"?{query}" if query else "")
        return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


class Sampler(Protocol):
    """Where values come from."""

    def sample(self, table: Table, columns: Sequence[str], limit: int) -> dict[str, list[str | bytes]]:
        """Up to `limit` non-null values per column. Raises on an unreadable table."""
        ...

    def close(self) -> None: ...


class Connector(Sampler, Protocol):
    """What the scan needs from a warehouse."""

    url: SourceURL
    dialect: str

    def list_tables(self) -> Iterator[Table]: ...

    def read_grants(self, tables: Sequence[Table]) -> GrantSet | None:
        """Grants the engine holds for these tables, or None when it has no notion of grants.
        Tables whose grants cannot be read are listed in `GrantSet.unknown_tables`."""
        ...


ConnectorFactory = Callable[[SourceURL], Connector]
CONNECTORS: dict[str, ConnectorFactory] = {}


def register(*schemes: str) -> Callable[[ConnectorFactory], ConnectorFactory]:
    def add(factory: ConnectorFactory) -> ConnectorFactory:
        for scheme in schemes:
            CONNECTORS[scheme] = factory
        return factory

    return add


def parse_source(url: str) -> SourceURL:
    if "://" not in url and ":" not in url:
        raise SourceError(
            f"source '{url}' is not a URL",
            hint="write it as scheme://..., e.g. duckdb:///absolute/path/warehouse.duckdb",
        )
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        raise SourceError(
            f"source '{url}' has an invalid port", hint="ports are numbers, e.g. :10000"
        ) from None
    return SourceURL(
        raw=url,
        scheme=scheme,
        user=unquote(parts.username) if parts.username else None,
        host=parts.hostname,
        port=port,
        path=unquote(parts.path) if scheme else url,
        params=tuple(parse_qsl(parts.query)),
    )


def _load_builtin_connectors() -> None:
    # Connectors register themselves on import; importing here keeps the registry complete.
    from scanner.connectors import duckdb as _duckdb  # noqa: F401
    from scanner.connectors import hive as _hive  # noqa: F401
    from scanner.connectors import metastore as _metastore  # noqa: F401
    from scanner.connectors import spark as _spark  # noqa: F401


def open_source(url: str) -> Connector:
    _load_builtin_connectors()
    source = parse_source(url)
    factory = CONNECTORS.get(source.scheme)
    if factory is None:
        known = sorted(CONNECTORS)
        hint = did_you_mean(source.scheme, known, "did you mean '{}://'?")
        hint = hint or f"known schemes: {', '.join(known)}"
        raise SourceError(f"unknown source scheme '{source.scheme}' in {source.redacted}", hint=hint)
    return factory(source)
