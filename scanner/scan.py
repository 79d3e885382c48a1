"""The library entry point: one call runs the whole pipeline and returns a ScanResult.

connect → catalog → grants → sample → classify → evaluate → findings. Reporters take it from there.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from scanner import __version__
from scanner.catalog import select_tables
from scanner.classify import classify_column, profile_values
from scanner.config import ScanConfig
from scanner.connect import Connector, open_source, parse_source, profiles_in_engine
from scanner.directory import load_directory
from scanner.errors import ConfigError, ExitCode, SourceError, SourceUnavailable, did_you_mean
from scanner.evaluate import AccessModel, AccessPolicy, UserAccess, path_covers, user_access
from scanner.findings import Collateral, FindingBuilder, sort_findings
from scanner.grants import merge_grant_sets, read_grants
from scanner.models import (
    AccessPath,
    Baseline,
    Breadth,
    Column,
    ColumnAssessment,
    Coverage,
    Finding,
    FixedFinding,
    GrantSet,
    ScanResult,
    Suppression,
    Table,
    TableAccess,
    TableKey,
    TableScan,
    TableStatus,
    frozen_mapping,
    severity_rank,
    table_key,
)
from scanner.ranger import fetch_ranger_policies
from scanner.rules import RuleBook, load_rulebook
from scanner.sample import DEFAULT_SAMPLE_ROWS
from scanner.serialize import result_dict
from scanner.state import StateStore, metadata_fingerprint, read_latest_document, scan_from_json
from scanner.suppress import apply_suppressions, load_suppressions
from scanner.workers import ScanSettings, WorkerPool, classify_tables, open_catalog
from scanner.yamlio import decode_utf8, ensure_regular_file, first_bad_utf8_line, parse_json, read_bytes

ProgressHook = Callable[[int, int, str], None]
TableHook = Callable[[TableScan], None]
MAX_WARNINGS = 50


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_scan(
    config: ScanConfig, progress: ProgressHook | None = None, on_table: TableHook | None = None
) -> ScanResult:
    """The whole pipeline. The result keeps, per table, only its sensitive columns: a warehouse of
    45,000 tables has two million columns. `on_table` sees each table's every column as it
    finishes."""
    config.validate()
    assert config.source is not None
    started = _now()
    rulebook = load_rulebook(config.rule_packs, config.exposure_rules, config.builtin_rules)
    grant_set = _configured_grants(config)
    policy = access_policy(config, rulebook)  # the directory file is checked before any source is opened
    suppressions = load_suppressions(config.suppressions) if config.suppressions else []
    warehouse = config.effective_warehouse()
    state = StateStore(config.state, warehouse, reset=config.reset_state) if config.state else None
    settings = _scan_settings(config)
    # Without a state store every table is sampled: the workers start now and load the rule packs
    # while this process lists tables and reads grants. With one, they start only if a table changed.
    early = state is None or config.full
    pool = WorkerPool(settings, config.workers) if early and not profiles_in_engine(settings.source) else None
    try:
        return _run(
            config, progress, on_table, started, rulebook, grant_set, policy, suppressions, state, settings,
            pool,
        )  # fmt: skip
    finally:
        if pool is not None:
            pool.close()
        if state is not None:
            state.close()


def _scan_settings(config: ScanConfig) -> ScanSettings:
    assert config.source is not None
    return ScanSettings(
        source=config.sample_source or config.source,
        rule_packs=tuple(str(p) for p in config.rule_packs),
        exposure_rules=str(config.exposure_rules) if config.exposure_rules else None,
        builtin_rules=config.builtin_rules,
        sample_rows=config.sample_rows,
        max_cell_bytes=config.max_cell_bytes,
    )


def _run(
    config: ScanConfig,
    progress: ProgressHook | None,
    on_table: TableHook | None,
    started: str,
    rulebook: RuleBook,
    grant_set: GrantSet | None,
    policy: AccessPolicy,
    suppressions: list[Suppression],
    state: StateStore | None,
    settings: ScanSettings,
    pool: WorkerPool | None,
) -> ScanResult:
    assert config.source is not None
    warnings: list[str] = []
    try:
        connector = open_catalog(config.source)
    except SourceUnavailable as exc:
        # Nothing could be enumerated: write a report that says so and exit 3, never "clean".
        return _unavailable_result(config, rulebook, started, exc)
    try:
        try:
            tables = select_tables(connector.list_tables(), config.include, config.exclude)
        except SourceUnavailable as exc:
            return _unavailable_result(config, rulebook, started, exc)
        grant_set = _with_engine_grants(grant_set, connector.read_grants(tables), config.dialect)
    finally:
        # Values are read by the workers, each on its own connection: this one only listed tables.
        _close_quietly(connector, warnings)
    warnings.extend(grant_set.warnings)
    access_model = AccessModel(grant_set, policy)
    warnings.extend(access_model.warnings)
    builder = FindingBuilder(
        rulebook.exposure,
        policy,
        config.effective_warehouse(),
        remediation_dialect(config, connector),
        Collateral(grant_set, tables),
        connector.uri,
    )

    run_id, resumed = str(uuid.uuid4()), {}
    if state is not None:
        interrupted = state.interrupted_run() if config.resume else None
        if interrupted is not None:
            run_id, resumed = interrupted.run_id, interrupted.scans
        state.begin_run(run_id, started, config.mode, connector.url.redacted)

    # Results stream: each table becomes its finding as soon as it is classified. Keyed by typed
    # parts: a."b.c" and "a.b".c are two tables, whatever their names print as.
    scans: dict[tuple[str, str], TableScan] = {}
    findings: list[Finding] = []
    fingerprints: dict[tuple[str, str], str] = {}
    accesses: list[TableAccess] = []
    todo: list[int] = []
    reused = 0

    def finish(table: Table, scan: TableScan, record: str | None) -> None:
        if on_table is not None:
            on_table(scan)
        # the rest of the run needs only what is sensitive: the other columns are let go here
        scans[table.key] = replace(scan, columns=tuple(c for c in scan.columns if c.classes))
        finding = builder.build(scan)
        if finding is not None:
            findings.append(finding)
        if state is not None and record is not None:
            state.record_table(run_id, scan, fingerprints[table.key], sampled=record == "sampled")
        if progress is not None:
            progress(len(scans), len(tables), table.fqn)

    for index, table in enumerate(tables):
        access = access_model.table_access(table)
        accesses.append(access)
        fingerprint = metadata_fingerprint(table, access, rulebook.version, config.sample_rows)
        fingerprints[table.key] = fingerprint
        done = resumed.get(table.key)
        if done is not None and done[0] == fingerprint:
            text = done[1] or (state.cached_scan(table.key, fingerprint, float("inf")) if state else None)
            if text:
                finish(table, scan_from_json(text, table, access), None)  # finished before the interruption
                continue
        cached = None
        if state is not None and not config.full and not table.catalog_error:
            cached = state.cached_scan(table.key, fingerprint, config.max_age_days)
        if cached is not None:
            reused += 1
            finish(table, scan_from_json(cached, table, access), "reused")
            continue
        todo.append(index)

    batch = [tables[i] for i in todo]
    for position, outcome in classify_tables(
        batch, settings, rulebook.classes, config.workers, config.table_timeout, pool
    ):
        index = todo[position]
        table = tables[index]
        if outcome.warning:
            warnings.append(outcome.warning)
        scan = TableScan(table, outcome.status, outcome.columns, accesses[index], outcome.error)
        finish(table, scan, "sampled")
    if state is not None:
        state.flush()

    ordered = [scans[t.key] for t in tables]
    findings = sort_findings(findings)
    coverage = Coverage(
        tables_total=len(ordered),
        tables_scanned=sum(s.status is TableStatus.SCANNED for s in ordered),
        tables_unreadable=sum(s.status is TableStatus.UNREADABLE for s in ordered),
        tables_access_unknown=sum(s.access.breadth is Breadth.UNKNOWN for s in ordered),
        tables_sampled=len(todo),
        tables_reused=reused,
    )
    if not ordered:
        warnings.append("no tables matched: nothing was scanned")
    accepted = apply_suppressions(suppressions, findings, legacy=state.legacy_ids() if state else None)
    findings = list(accepted.findings)
    warnings.extend(accepted.problems)
    if len(warnings) > MAX_WARNINGS:
        # 45,000 unreadable tables would bury the report; each table still carries its own error.
        warnings[MAX_WARNINGS:] = [f"... and {len(warnings) - MAX_WARNINGS} more warnings"]
    finished = _now()
    baseline: dict[str, Baseline] = {}
    fixed: list[FixedFinding] = []
    if state is not None:
        readable = {s.table.key for s in ordered if s.status is TableStatus.SCANNED and s.access.known}
        baseline, fixed = state.finish_run(run_id, finished, findings, readable)
    result = ScanResult(
        run_id=run_id,
        started_at=started,
        finished_at=finished,
        mode=config.mode,
        source=connector.url.redacted,
        warehouse=config.effective_warehouse(),
        scanner_version=__version__,
        rulepack_version=rulebook.version,
        tables=tuple(ordered),
        findings=tuple(findings),
        coverage=coverage,
        warnings=tuple(warnings),
        baseline=frozen_mapping(baseline),
        fixed=tuple(fixed),
        suppression_problems=tuple(accepted.problems),
        resumed_from=run_id if resumed else None,
        rules=frozen_mapping({r.id: (r.name, r.kind, r.description) for r in rulebook.exposure.rules}),
    )
    if state is not None:
        state.store_document(run_id, result_dict(result, int(exit_code_for(result, config))))
    return result


def remediation_dialect(config: ScanConfig, connector: Connector) -> str:
    """Remediation goes where the grants live: the dialect of the grants files when they were given,
    else the engine's own (a metastore's grants are Hive's, Spark's are Spark SQL). An engine with
    no access control of its own (DuckDB) takes the files' dialect."""
    if config.grants or config.ranger_url:
        return config.dialect
    return connector.remediation_dialect or config.dialect


def _close_quietly(connector: Connector, warnings: list[str]) -> None:
    """A connection that fails to close (a server that went away, a query a timeout abandoned) must
    not cost the report."""
    try:
        connector.close()
    except Exception as exc:
        warnings.append(f"closing {connector.url.redacted} failed: {type(exc).__name__}")


def _unreadable(table: Table, access: TableAccess, error: str) -> TableScan:
    return TableScan(table=table, status=TableStatus.UNREADABLE, columns=(), access=access, error=error)


def access_policy(config: ScanConfig, rulebook: RuleBook) -> AccessPolicy:
    """Who counts as everyone or broad: the rules' spellings, the config's, and the directory."""
    return AccessPolicy.from_rules(
        rulebook.exposure,
        config.everyone,
        config.broad,
        load_directory(config.directory) if config.directory else None,
        config.everyone_share,
        config.broad_members,
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


@dataclass(frozen=True)
class AccessAnswer:
    """Who can read one table (and each column), through which path; and, when asked, whether one
    user can. The same access model as the scan."""

    table: Table
    access: TableAccess
    column_readers: dict[str, list[AccessPath]]
    user: UserAccess | None = None
    warnings: tuple[str, ...] = ()


def explain_access(
    config: ScanConfig,
    fqn: str,
    user: str | None = None,
    groups: Sequence[str] = (),
    roles: Sequence[str] = (),
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
    model = AccessModel(grant_set, access_policy(config, rulebook))
    access = model.table_access(table)
    readers = {c.name: [p for p in access.paths if path_covers(p, c.name)] for c in table.columns}
    answer_user = user_access(model, table, user, groups, roles) if user else None
    warnings = (*grant_set.warnings, *model.warnings)
    return AccessAnswer(table, access, readers, answer_user, warnings)


def _table_name_parts(fqn: str) -> list[TableKey]:
    """The (database, table) pairs a name may mean: `a.b`, or with backticks around a part holding a
    dot (`` `a.b`.c ``); an unquoted `a.b.c` could be either split."""
    try:
        parsed = exp.to_table(fqn, dialect="hive")
    except (ParseError, TokenError):
        parsed = None
    if parsed is not None and parsed.name and parsed.db and not parsed.catalog:
        return [table_key(parsed.db, parsed.name)]
    parts = fqn.split(".")
    return [table_key(".".join(parts[:i]), ".".join(parts[i:])) for i in range(1, len(parts))]


def _find_table(config: ScanConfig, fqn: str) -> Table:
    candidates = [k for k in _table_name_parts(fqn) if k[0] and k[1]]
    if not candidates:
        raise ConfigError(f"'{fqn}' is not DB.TABLE", hint="e.g. exposure access mci.keystroke_events")
    if not config.source:
        # Without a source the columns are unknown: access is decided for the table as a whole.
        if len(candidates) > 1:
            raise ConfigError(
                f"'{fqn}' is ambiguous", hint="quote the part that holds a dot with backticks: `a.b`.c"
            )
        return Table(*candidates[0], ())
    connector = open_source(config.source)
    try:
        tables = list(connector.list_tables())
    finally:
        connector.close()
    wanted = set(candidates)
    found = [t for t in tables if table_key(t.database, t.name) in wanted]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        spelled = " and ".join(f"`{t.database}`.`{t.name}`" for t in found)
        raise ConfigError(
            f"'{fqn}' names {len(found)} tables: {spelled}", hint="quote the parts with backticks"
        )
    hint = did_you_mean(fqn, [t.fqn for t in tables]) or "list tables with exposure scan"
    raise ConfigError(f"table {fqn} not found in {parse_source(config.source).redacted}", hint=hint)


def classify_csv(path: Path, rulebook: RuleBook, rows: int = DEFAULT_SAMPLE_ROWS) -> list[ColumnAssessment]:
    """Classify each column of a CSV file (header = column names) with the scan's engine.

    Reads until every column has `rows` non-empty values or the file ends; values stay in memory."""
    ensure_regular_file(path, ConfigError, "CSV file")  # a FIFO or /dev/zero would never end
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"cannot read CSV file: {exc.strerror}", file=path, hint="check the path") from None
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
        except UnicodeDecodeError:
            raise ConfigError(
                "CSV file is not UTF-8 text",
                file=path,
                line=first_bad_utf8_line(path),
                hint="save the file as UTF-8",
            ) from None
        except csv.Error as exc:
            raise ConfigError(
                f"malformed CSV: {exc}", file=path, line=reader.line_num, hint="check quoting on that line"
            ) from None
    results = []
    for index, name in enumerate(header):
        column = Column(name.strip(), "string", None, index)
        results.append(classify_column(column, profile_values(samples[index], specs, column), specs))
        samples[index].clear()
    return results


def load_document(path: Path) -> dict[str, Any]:
    """A stored scan's findings document: the newest finished run of a state file, or a
    findings.json (checked against its schema)."""
    data = read_bytes(path, ConfigError, "stored scan")
    if data.startswith(b"SQLite format 3"):
        doc: Any = read_latest_document(path)
        text = ""  # a database has no lines to point at: errors name its first
    else:
        text = decode_utf8(data, path, ConfigError, "stored scan")
        doc = parse_json(text, path, ConfigError, "findings document")
    schema = json.loads(resources.files("scanner.schemas").joinpath("findings.schema.json").read_text())
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "document"
        raise ConfigError(
            f"{where}: {errors[0].message[:200]}",
            file=path,
            line=_json_line(text, errors[0].absolute_path),
            hint="re-render from a findings.json of this version",
        )
    checked: dict[str, Any] = doc
    return checked


def _json_line(text: str, where: Sequence[str | int]) -> int:
    """Roughly where a JSON path sits: the line of its last key, else the first line."""
    for part in reversed(list(where)):
        if isinstance(part, str):
            index = text.find(json.dumps(part) + ":")
            if index >= 0:
                return text.count("\n", 0, index) + 1
    return 1


def exit_code_for(result: ScanResult, config: ScanConfig | str) -> ExitCode:
    """Partial coverage outranks findings: an incomplete scan must never read as a verdict.
    Suppressed findings do not count; with `fail_on_new` only new ones do; with
    `strict_suppressions` an expired or unmatched suppression fails the run."""
    if isinstance(config, str):
        config = ScanConfig(fail_on=config)
    if not result.coverage.complete:
        return ExitCode.PARTIAL
    threshold = severity_rank(config.fail_on.upper())
    counted = [f for f in result.open_findings() if severity_rank(f.open_severity) <= threshold]
    if config.fail_on_new and result.baseline:
        counted = [f for f in counted if result.baseline[f.fingerprint].state == "new"]
    if counted or (config.strict_suppressions and result.suppression_problems):
        return ExitCode.FINDINGS
    return ExitCode.OK
