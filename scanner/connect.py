"""Warehouse sources addressed by URL, and the registry of connectors behind the schemes.

`duckdb:///abs/path/warehouse.duckdb` is the embedded default. A connector enumerates tables,
samples columns and, where the engine has them, reads grants.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from scanner.errors import SourceError, did_you_mean
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


def _is_secret(key: str) -> bool:
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
        query = "&".join(f"{k}=***" if _is_secret(k) else f"{k}={v}" for k, v in self.params)
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
    shown = redact_url(url)
    if len(url) > MAX_URL_LENGTH:
        raise SourceError(
            f"source URL is {len(url):,} characters long ({shown})",
            hint=f"a source URL is at most {MAX_URL_LENGTH} characters; check what was passed",
        )
    if "://" not in url and ":" not in url:
        raise SourceError(
            f"source '{shown}' is not a URL",
            hint="write it as scheme://..., e.g. duckdb:///absolute/path/warehouse.duckdb",
        )
    if any(not c.isprintable() for c in url):
        raise SourceError(f"source {shown} holds control characters", hint="check how the URL was quoted")
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        port = parts.port
        user, host = parts.username, parts.hostname
    except ValueError as exc:
        detail = "invalid port" if "port" in str(exc).lower() else "malformed"
        raise SourceError(
            f"source {shown} is not a valid URL ({detail})",
            hint="write it as scheme://user@host:port/path, ports as numbers, e.g. :10000",
        ) from None
    if not scheme:
        raise SourceError(
            f"source {shown} has no scheme", hint="e.g. duckdb:///abs/path or hive://host:10000"
        )
    return SourceURL(
        raw=url,
        scheme=scheme,
        user=unquote(user) if user else None,
        host=host,
        port=port,
        path=unquote(parts.path) if scheme else url,
        params=tuple(parse_qsl(parts.query)),
    )


def refuse_credentials(source: SourceURL) -> None:
    """Credentials never come from a URL: it is printed, logged and stored in reports."""
    try:
        password = urlsplit(source.raw).password
    except ValueError:
        password = None
    secret = next((k for k, _ in source.params if _is_secret(k)), None)
    if password is not None or secret is not None:
        where = "a password in the user part" if password is not None else f"{secret}="
        raise SourceError(
            f"{where} of the source URL would be logged ({source.redacted})",
            hint="put the password in an environment variable (password_env=) or a file (password_file=)",
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
    refuse_credentials(source)
    factory = CONNECTORS.get(source.scheme)
    if factory is None:
        known = sorted(CONNECTORS)
        hint = did_you_mean(source.scheme, known, "did you mean '{}://'?")
        hint = hint or f"known schemes: {', '.join(known)}"
        raise SourceError(f"unknown source scheme '{source.scheme}' in {source.redacted}", hint=hint)
    return factory(source)
