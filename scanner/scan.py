"""The library entry point: one call runs the whole pipeline and returns a ScanResult.

connect → catalog → grants → sample → classify → evaluate → findings. Reporters take it from there.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from scanner import __version__
from scanner.catalog import column_encryption, select_tables
from scanner.classify import EMPTY_PROFILE, classify_column, profile_values
from scanner.config import ScanConfig
from scanner.connect import Sampler, open_source, parse_source
from scanner.directory import load_directory
from scanner.errors import ConfigError, ExitCode, SourceError, SourceUnavailable, did_you_mean
from scanner.evaluate import AccessModel, AccessPolicy, UserAccess, path_covers, severity_rank, user_access
from scanner.findings import FindingBuilder
from scanner.grants import merge_grant_sets, read_grants
from scanner.models import (
    AccessPath,
    Breadth,
    Column,
    ColumnAssessment,
    Coverage,
    GrantSet,
    Protection,
    ScanResult,
    Table,
    TableAccess,
    TableScan,
    TableStatus,
)
from scanner.ranger import fetch_ranger_policies
from scanner.rules import ClassSpec, RuleBook, load_rulebook
from scanner.sample import DEFAULT_SAMPLE_ROWS, profile_table

ProgressHook = Callable[[int, int, str], None]
MAX_WARNINGS = 50


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_scan(config: ScanConfig, progress: ProgressHook | None = None) -> ScanResult:
    config.validate()
    assert config.source is not None
    started = _now()
    rulebook = load_rulebook(config.rule_packs, config.exposure_rules, config.builtin_rules)
    grant_set = _configured_grants(config)
    directory = load_directory(config.directory) if config.directory else None
    warnings: list[str] = []
    try:
        connector = open_source(config.source)
    except SourceUnavailable as exc:
        # Nothing could be enumerated: write a report that says so and exit 3, never "clean".
        return _unavailable_result(config, rulebook, started, exc)
    sampler: Sampler = connector
    try:
        if config.sample_source:
            try:
                sampler = open_source(config.sample_source)
            except SourceUnavailable as exc:
                warnings.append(f"{exc.message}; no values could be sampled")
                sampler = _Unavailable(exc.message)
        try:
            tables = select_tables(connector.list_tables(), config.include, config.exclude)
        except SourceUnavailable as exc:
            connector.close()
            return _unavailable_result(config, rulebook, started, exc)
        grant_set = _with_engine_grants(grant_set, connector.read_grants(tables), config.dialect)
        warnings.extend(grant_set.warnings)
        policy = AccessPolicy.from_rules(
            rulebook.exposure,
            config.everyone,
            config.broad,
            directory,
            config.everyone_share,
            config.broad_members,
        )
        access_model = AccessModel(grant_set, policy)
        builder = FindingBuilder(rulebook.exposure, policy, config.effective_warehouse(), grant_set.dialect)
        scans: list[TableScan] = []
        for index, table in enumerate(tables, 1):
            if progress is not None:
                progress(index, len(tables), table.fqn)
            scans.append(
                _scan_table(sampler, table, rulebook.classes, config.sample_rows, access_model, warnings)
            )
    finally:
        connector.close()
        if sampler is not connector:
            sampler.close()
    findings = [f for scan in scans for f in builder.build(scan)]
    findings.sort(key=lambda f: (severity_rank(f.severity), f.table.fqn, f.rule_id, f.fingerprint))
    coverage = Coverage(
        tables_total=len(scans),
        tables_scanned=sum(s.status is TableStatus.SCANNED for s in scans),
        tables_unreadable=sum(s.status is TableStatus.UNREADABLE for s in scans),
        tables_access_unknown=sum(s.access.breadth is Breadth.UNKNOWN for s in scans),
    )
    if not scans:
        warnings.append("no tables matched: nothing was scanned")
    if len(warnings) > MAX_WARNINGS:
        # 45,000 unreadable tables would bury the report; each table still carries its own error.
        warnings[MAX_WARNINGS:] = [f"... and {len(warnings) - MAX_WARNINGS} more warnings"]
    return ScanResult(
        run_id=str(uuid.uuid4()),
        started_at=started,
        finished_at=_now(),
        mode=config.mode,
        source=connector.url.redacted,
        warehouse=config.effective_warehouse(),
        scanner_version=__version__,
        rulepack_version=rulebook.version,
        tables=tuple(scans),
        findings=tuple(findings),
        coverage=coverage,
        warnings=tuple(warnings),
    )


def _configured_grants(config: ScanConfig) -> GrantSet | None:
    """Grants files and Ranger's REST API, merged; None when neither is configured."""
    parts = []
    if config.grants:
        parts.append(read_grants(config.grants, config.dialect))
    if config.ranger_url:
        try:
            parts.append(fetch_ranger_policies(config.ranger_url, config.ranger_service))
        except SourceUnavailable as exc:
            # Without Ranger's policies (deny items included) nobody knows who can read anything.
            return GrantSet(
                dialect=config.dialect, warnings=(f"{exc.message}: every table's readers are unknown",)
            )
    return merge_grant_sets(parts, config.dialect) if parts else None


def _with_engine_grants(configured: GrantSet | None, engine: GrantSet | None, dialect: str) -> GrantSet:
    """The warehouse's own grants (a metastore's privilege tables) join the configured ones (files,
    Ranger). Where the engine could not answer (Spark refuses SHOW GRANT), configured grants stand
    alone; with none configured, its unknowns stay unknown."""
    if configured is None:
        return engine or GrantSet(dialect=dialect)
    if engine is None or not engine.known:
        return configured
    return merge_grant_sets([engine, configured], dialect)


class _Unavailable:
    """Stands in for a sampling source that did not answer: every table's values are unknown."""

    def __init__(self, message: str) -> None:
        self.message = message

    def sample(self, table: Table, columns: Sequence[str], limit: int) -> dict[str, list[str | bytes]]:
        raise SourceUnavailable(self.message)

    def close(self) -> None:
        pass


def _unavailable_result(config: ScanConfig, rulebook: RuleBook, started: str, exc: SourceError) -> ScanResult:
    assert config.source is not None
    return ScanResult(
        run_id=str(uuid.uuid4()),
        started_at=started,
        finished_at=_now(),
        mode=config.mode,
        source=parse_source(config.source).redacted,
        warehouse=config.effective_warehouse(),
        scanner_version=__version__,
        rulepack_version=rulebook.version,
        tables=(),
        findings=(),
        coverage=Coverage(tables_total=0, tables_scanned=0, tables_unreadable=0, tables_access_unknown=0),
        warnings=(f"{exc.message}: nothing was scanned",),
    )


def _scan_table(
    sampler: Sampler,
    table: Table,
    specs: tuple[ClassSpec, ...],
    sample_rows: int,
    access_model: AccessModel,
    warnings: list[str],
) -> TableScan:
    if table.catalog_error:
        warnings.append(f"{table.fqn}: {table.catalog_error}; reported as unknown")
        return TableScan(
            table=table,
            status=TableStatus.UNREADABLE,
            columns=(),
            access=access_model.table_access(table),
            error=table.catalog_error,
        )
    profile = profile_table(sampler, table, specs, sample_rows)
    encrypted = column_encryption(table)
    columns = []
    for column in table.columns:
        column_profile = profile.profiles.get(column.name, EMPTY_PROFILE)
        assessment = classify_column(column, column_profile, specs, encrypted.get(column.name.lower()))
        if not profile.readable:
            # Metadata still classifies by name; values are unknown, never assumed safe.
            assessment = ColumnAssessment(
                column=assessment.column,
                classes=assessment.classes,
                protection=Protection.UNKNOWN,
                sampled=0,
                encrypted_by=assessment.encrypted_by,
                notes=("values could not be read",),
            )
        columns.append(assessment)
    if not profile.readable:
        warnings.append(f"{table.fqn}: could not be sampled ({profile.error}); reported as unknown")
    return TableScan(
        table=table,
        status=TableStatus.SCANNED if profile.readable else TableStatus.UNREADABLE,
        columns=tuple(columns),
        access=access_model.table_access(table),
        error=profile.error,
    )


@dataclass(frozen=True)
class AccessAnswer:
    """Who can read one table (and each column), through which path; and, when asked, whether one
    user can. The same access model as the scan."""

    table: Table
    access: TableAccess
    column_readers: dict[str, list[AccessPath]]
    user: UserAccess | None = None


def explain_access(
    config: ScanConfig, fqn: str, user: str | None = None, groups: Sequence[str] = ()
) -> AccessAnswer:
    rulebook = load_rulebook(config.rule_packs, config.exposure_rules, config.builtin_rules)
    grant_set = _configured_grants(config)
    table = _find_table(config, fqn)
    engine: GrantSet | None = None
    if config.source:
        connector = open_source(config.source)
        try:
            engine = connector.read_grants([table])
        finally:
            connector.close()
    grant_set = _with_engine_grants(grant_set, engine, config.dialect)
    policy = AccessPolicy.from_rules(
        rulebook.exposure,
        config.everyone,
        config.broad,
        load_directory(config.directory) if config.directory else None,
        config.everyone_share,
        config.broad_members,
    )
    model = AccessModel(grant_set, policy)
    access = model.table_access(table)
    readers = {c.name: [p for p in access.paths if path_covers(p, c.name)] for c in table.columns}
    answer_user = user_access(model, table, user, groups) if user else None
    return AccessAnswer(table, access, readers, answer_user)


def _find_table(config: ScanConfig, fqn: str) -> Table:
    database, _, name = fqn.partition(".")
    if not database or not name:
        raise ConfigError(f"'{fqn}' is not DB.TABLE", hint="e.g. exposure access mci.keystroke_events")
    if not config.source:
        # Without a source the columns are unknown: access is decided for the table as a whole.
        return Table(database, name, ())
    connector = open_source(config.source)
    try:
        tables = list(connector.list_tables())
    finally:
        connector.close()
    for table in tables:
        if table.fqn.lower() == fqn.lower():
            return table
    hint = did_you_mean(fqn, [t.fqn for t in tables]) or "list tables with exposure scan"
    raise ConfigError(f"table {fqn} not found in {parse_source(config.source).redacted}", hint=hint)


def classify_csv(path: Path, rulebook: RuleBook, rows: int = DEFAULT_SAMPLE_ROWS) -> list[ColumnAssessment]:
    """Classify each column of a CSV file (header = column names) with the scan's engine.

    Reads until every column has `rows` non-empty values or the file ends; values stay in memory."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("CSV file not found", file=path, hint="check the path") from None
    except OSError as exc:
        raise ConfigError(f"cannot read CSV file: {exc}", file=path) from None
    specs = rulebook.classes
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if not header:
                raise ConfigError(
                    "CSV file has no header row", file=path, line=1, hint="the first row names the columns"
                )
            samples: list[list[str]] = [[] for _ in header]
            for row in reader:
                for index, cell in enumerate(row[: len(header)]):
                    if cell != "" and len(samples[index]) < rows:
                        samples[index].append(cell)
                if all(len(s) >= rows for s in samples):
                    break
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ConfigError(
                f"malformed CSV: {exc}", file=path, line=reader.line_num, hint="check quoting on that line"
            ) from None
    results = []
    for index, name in enumerate(header):
        column = Column(name.strip(), "string", None, index)
        results.append(classify_column(column, profile_values(samples[index], specs, column), specs))
        samples[index].clear()
    return results


def exit_code_for(result: ScanResult, fail_on: str) -> ExitCode:
    """Partial coverage outranks findings: an incomplete scan must never read as a verdict."""
    if not result.coverage.complete:
        return ExitCode.PARTIAL
    threshold = severity_rank(fail_on)
    if any(severity_rank(f.severity) <= threshold for f in result.findings):
        return ExitCode.FINDINGS
    return ExitCode.OK
