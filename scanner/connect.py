"""Warehouse sources addressed by URL: parsing, credential checks, and opening the connector the
scheme names. The contract every connector fulfils, and the registry they join, live in
scanner/connectors/base.py, which imports nothing of this module: connectors never import it back.

`duckdb:///abs/path/warehouse.duckdb` is the embedded default. A connector enumerates tables,
samples columns and, where the engine has them, reads grants.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

from scanner.connectors.base import (
    CONNECTORS,
    EMBEDDED,
    ENGINE_PROFILING,
    MAX_URL_LENGTH,
    Connector,
    ConnectorBase,
    Sampler,
    SourceURL,
    is_secret,
    redact_url,
    register,
)
from scanner.errors import ExposureError, SourceError, did_you_mean

__all__ = [
    "CONNECTORS",
    "Connector",
    "ConnectorBase",
    "Sampler",
    "SourceURL",
    "open_source",
    "parse_source",
    "redact_url",
    "refuse_credentials",
    "register",
]


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
    secret = next((k for k, _ in source.params if is_secret(k)), None)
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


def profiles_in_engine(url: str) -> bool:
    """Whether the source profiles values inside its engine (Spark's executors), so that only
    profiles reach this process; decided from the scheme, without connecting."""
    _load_builtin_connectors()
    try:
        return parse_source(url).scheme in ENGINE_PROFILING
    except ExposureError:
        return False


def describe_embedded(url: str) -> Connector | None:
    """For an embedded engine's URL, the connector's description of it (nothing opened); else None."""
    _load_builtin_connectors()
    try:
        source = parse_source(url)
    except ExposureError:
        return None
    describe = EMBEDDED.get(source.scheme)
    if describe is None:
        return None
    refuse_credentials(source)
    return describe(source)
