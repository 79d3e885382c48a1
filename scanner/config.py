"""Typed scan configuration: YAML file, then command-line overrides, validated before a scan."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from scanner.errors import ConfigError, ExposureError
from scanner.evaluate import DEFAULT_BROAD_MEMBERS, DEFAULT_EVERYONE_SHARE
from scanner.grants import check_dialect
from scanner.models import SEVERITIES, Principal, PrincipalType
from scanner.sample import DEFAULT_MAX_CELL_BYTES, DEFAULT_SAMPLE_ROWS
from scanner.yamlio import LineMap, load_validated

DEFAULT_FORMATS = ("json", "html", "markdown")
MODES = ("on-demand", "nightly", "ci")
DEFAULT_OUT = Path("exposure-report")
DEFAULT_FAIL_ON = "SEV3"


MAX_DEFAULT_WORKERS = 8


def default_workers() -> int:
    """One worker process per core this process may use, up to eight: classification is CPU-bound."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


@dataclass(frozen=True)
class ScanConfig:
    source: str | None = None
    sample_source: str | None = None  # values from here, catalog and grants from `source`
    grants: tuple[Path, ...] = ()
    dialect: str = "hive"
    warehouse: str | None = None
    out: Path = DEFAULT_OUT
    formats: tuple[str, ...] = DEFAULT_FORMATS
    fail_on: str = DEFAULT_FAIL_ON
    sample_rows: int = DEFAULT_SAMPLE_ROWS
    max_cell_bytes: int = DEFAULT_MAX_CELL_BYTES
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rule_packs: tuple[Path, ...] = ()
    builtin_rules: bool = True
    exposure_rules: Path | None = None
    everyone: tuple[Principal, ...] = ()
    broad: tuple[Principal, ...] = ()
    directory: Path | None = None
    everyone_share: float = DEFAULT_EVERYONE_SHARE
    broad_members: int = DEFAULT_BROAD_MEMBERS
    ranger_url: str | None = None
    ranger_service: str = "hive"
    state: Path | None = None  # SQLite store for new/fixed, incremental scans and --resume
    reset_state: bool = False  # start a fresh store explicitly; a broken one is never reset silently
    max_age_days: float = 7.0  # an unchanged table's classification is reused this long
    full: bool = False  # re-sample every table
    resume: bool = False
    workers: int = field(default_factory=default_workers)
    table_timeout: float = 600.0
    suppressions: Path | None = None
    strict_suppressions: bool = False
    fail_on_new: bool = False
    gate_required_properties: tuple[str, ...] = ("owner", "sensitivity")
    gate_encryption_properties: tuple[str, ...] = ()
    mode: str = "on-demand"
    config_file: Path | None = None

    def with_options(self, **options: Any) -> ScanConfig:
        """Command-line values win over the file; None means 'not given'."""
        given = {k: v for k, v in options.items() if v is not None and v != ()}
        return replace(self, **given)

    def effective_warehouse(self) -> str:
        if self.warehouse:
            return self.warehouse
        if self.source:
            from scanner.connect import parse_source

            # Never from the query string: it may carry credentials.
            url = parse_source(self.source)
            tail = url.path.rstrip("/").rsplit("/", 1)[-1]
            return tail.rsplit(".", 1)[0] or url.host or "warehouse"
        return "warehouse"

    def effective(self) -> dict[str, Any]:
        """The configuration as the scan will use it; passwords in URLs are masked."""
        from scanner.connect import parse_source

        def url(raw: str | None) -> str | None:
            return parse_source(raw).redacted if raw else None

        return {
            "source": url(self.source),
            "sample_source": url(self.sample_source),
            "warehouse": self.effective_warehouse(),
            "grants": [str(p) for p in self.grants],
            "dialect": self.dialect,
            "out": str(self.out),
            "formats": list(self.formats),
            "fail_on": self.fail_on,
            "mode": self.mode,
            "sampling": {"rows": self.sample_rows, "max_cell_bytes": self.max_cell_bytes},
            "include": list(self.include),
            "exclude": list(self.exclude),
            "rules": {
                "builtin": self.builtin_rules,
                "packs": [str(p) for p in self.rule_packs],
                "exposure": str(self.exposure_rules) if self.exposure_rules else None,
            },
            "access": {
                "everyone": [str(p) for p in self.everyone],
                "broad": [str(p) for p in self.broad],
                "directory": str(self.directory) if self.directory else None,
                "everyone_share": self.everyone_share,
                "broad_members": self.broad_members,
            },
            "ranger": {"url": url(self.ranger_url), "service": self.ranger_service}
            if self.ranger_url
            else None,
            "state": str(self.state) if self.state else None,
            "incremental": {"max_age_days": self.max_age_days, "full": self.full},
            "concurrency": {"workers": self.workers, "table_timeout": self.table_timeout},
            "suppressions": str(self.suppressions) if self.suppressions else None,
            "config_file": str(self.config_file) if self.config_file else None,
        }

    def validate(self) -> None:
        if self.source is None:
            raise ConfigError(
                "no source given",
                hint="pass --source duckdb:///path/warehouse.duckdb or set `source:` in the config",
            )
        if self.fail_on.upper() not in SEVERITIES:
            raise ConfigError(f"--fail-on must be one of {', '.join(SEVERITIES)}", hint="e.g. --fail-on SEV2")
        if self.sample_rows < 1:
            raise ConfigError("sample_rows must be at least 1", hint="the default is 385")
        if self.max_cell_bytes < 16:
            raise ConfigError("sampling.max_cell_bytes must be at least 16", hint="the default is 65536")
        check_dialect(self.dialect)
        if self.workers < 1:
            raise ConfigError("workers must be at least 1", hint="e.g. --workers 4")
        if self.resume and self.state is None:
            raise ConfigError(
                "--resume needs a state store", hint="set `state:` in the config or pass --state"
            )


def _principal(raw: str | dict[str, str]) -> Principal:
    if isinstance(raw, str):
        kind, _, name = raw.partition(" ")
        return Principal(PrincipalType(kind.upper()), name.strip())
    return Principal(PrincipalType(raw["type"].upper()), raw["name"])


def _check_urls(data: dict[str, Any], lines: LineMap, path: Path) -> None:
    """A malformed URL in the file is reported at its line, like every other mistake in it."""
    from scanner.connect import parse_source

    for where in (("source",), ("sample_source",), ("ranger", "url")):
        value: Any = data
        for key in where:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str):
            try:
                parse_source(value)
            except ExposureError as exc:
                raise ConfigError(
                    exc.message, file=path, line=lines.line(where) or 1, hint=exc.hint
                ) from None


def load_config(path: Path) -> ScanConfig:
    data, lines = load_validated(path, "config.schema.json", ConfigError, "config file")
    base = path.parent
    _check_urls(data, lines, path)

    def rel(p: str) -> Path:
        try:
            candidate = Path(p).expanduser()
        except RuntimeError:  # ~someone with no home directory here
            raise ConfigError(
                f"cannot expand {p[:60]!r}", file=path, line=1, hint="write the path out"
            ) from None
        return candidate if candidate.is_absolute() else base / candidate

    access = data.get("access") or {}
    sampling = data.get("sampling") or {}
    rules = data.get("rules") or {}
    source = data.get("source")
    if isinstance(source, str) and source.startswith("duckdb:") and not source.startswith("duckdb:///"):
        # A relative DuckDB path in a config file is relative to that file.
        source = "duckdb://" + str(rel(source.split(":", 1)[1].lstrip("/")).resolve())
    return ScanConfig(
        source=source,
        sample_source=data.get("sample_source"),
        grants=tuple(rel(g) for g in data.get("grants", [])),
        dialect=data.get("dialect", "hive"),
        warehouse=data.get("warehouse"),
        out=rel(data["out"]) if "out" in data else DEFAULT_OUT,
        formats=tuple(data.get("formats", DEFAULT_FORMATS)),
        fail_on=str(data.get("fail_on", DEFAULT_FAIL_ON)).upper(),
        sample_rows=int(sampling.get("rows", DEFAULT_SAMPLE_ROWS)),
        max_cell_bytes=int(sampling.get("max_cell_bytes", DEFAULT_MAX_CELL_BYTES)),
        include=tuple(data.get("include", [])),
        exclude=tuple(data.get("exclude", [])),
        rule_packs=tuple(rel(p) for p in rules.get("packs", [])),
        builtin_rules=bool(rules.get("builtin", True)),
        exposure_rules=rel(rules["exposure"]) if "exposure" in rules else None,
        everyone=tuple(_principal(p) for p in access.get("everyone", [])),
        broad=tuple(_principal(p) for p in access.get("broad", [])),
        directory=rel(access["directory"]) if "directory" in access else None,
        everyone_share=float(access.get("everyone_share", DEFAULT_EVERYONE_SHARE)),
        broad_members=int(access.get("broad_members", DEFAULT_BROAD_MEMBERS)),
        state=rel(data["state"]) if "state" in data else None,
        max_age_days=float((data.get("incremental") or {}).get("max_age_days", 7)),
        workers=int((data.get("concurrency") or {}).get("workers", default_workers())),
        table_timeout=float((data.get("concurrency") or {}).get("table_timeout", 600)),
        suppressions=rel(data["suppressions"]) if "suppressions" in data else None,
        gate_required_properties=tuple(
            (data.get("gate") or {}).get("required_properties", ["owner", "sensitivity"])
        ),
        gate_encryption_properties=tuple((data.get("gate") or {}).get("encryption_properties", [])),
        ranger_url=(data.get("ranger") or {}).get("url"),
        ranger_service=(data.get("ranger") or {}).get("service", "hive"),
        mode=data.get("mode", "on-demand"),
        config_file=path,
    )
