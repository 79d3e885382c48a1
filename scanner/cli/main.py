"""`exposure` commands. Each one parses options, builds a ScanConfig, calls one library function and
hands the result to the reporters; all errors surface as one line and a named exit code."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
import yaml
from rich.console import Console
from rich.text import Text

from scanner import __version__
from scanner.config import DEFAULT_OUT, MODES, ScanConfig, load_config
from scanner.errors import ConfigError, ExitCode, ExposureError, RulePackError, did_you_mean
from scanner.files import write_private
from scanner.gate import GateOptions, git_changes, run_gate, source_catalog
from scanner.grants import check_dialect
from scanner.models import SEVERITIES, Principal, PrincipalType
from scanner.report import render_document, reporter_names, write_documents, write_reports
from scanner.report.terminal import print_access, print_columns, print_summary, scan_progress
from scanner.rules import load_classifier_pack, load_exposure_rules, load_rulebook
from scanner.scan import classify_csv, exit_code_for, explain_access, load_document, run_scan
from scanner.serialize import access_json, column_json, gate_dict
from scanner.yamlio import MAX_YAML_BYTES, read_text

F = TypeVar("F", bound=Callable[..., Any])

EXIT_MEANINGS = {
    ExitCode.OK: "clean: no findings at or above the threshold",
    ExitCode.FINDINGS: "findings at or above the --fail-on threshold",
    ExitCode.USAGE: "usage or configuration error",
    ExitCode.PARTIAL: "partial coverage: some tables or their readers could not be read",
}

err_console = Console(stderr=True, highlight=False)


def handle_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ExposureError as exc:
            err_console.print(Text("error: ", style="bold red") + Text(str(exc)))
            if exc.hint:
                err_console.print(Text(f"  hint: {exc.hint}"))
            sys.exit(int(exc.exit_code))

    return wrapper  # type: ignore[return-value]


def _principals(values: Sequence[str], option: str) -> tuple[Principal, ...]:
    out = []
    for value in values:
        kind, _, name = value.partition(" ")
        if kind.upper() not in PrincipalType.__members__ or not name.strip():
            raise click.BadParameter(
                f"{value!r}: write it as 'group NAME', 'role NAME' or 'user NAME'", param_hint=option
            )
        out.append(Principal(PrincipalType(kind.upper()), name.strip()))
    return tuple(out)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exposure")
def cli() -> None:
    """Find sensitive warehouse data stored unencrypted and readable too broadly."""


def _json_log(event: str, **fields: Any) -> None:
    """One JSON line on stderr per event, for cron and CI logs: names, counts and states, no values."""
    record = {"ts": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "event": event, **fields}
    click.echo(json.dumps(record, sort_keys=True), err=True)


def _console() -> Console:
    # A terminal's own width, or COLUMNS when piped; without either, 120 rather than rich's 80.
    given = sys.stdout.isatty() or os.environ.get("COLUMNS", "").isdigit()
    return Console(highlight=False, width=None if given else 120)


def _check_formats(config: ScanConfig) -> None:
    """Output formats are the reporter registry's keys, whether from the command line or a file."""
    known = reporter_names()
    for name in config.formats:
        if name not in known:
            raise ConfigError(
                f"unknown output format {name!r}",
                file=config.config_file,
                hint=did_you_mean(name, known) or f"choose from {', '.join(known)}",
            )


def _scan_and_report(config: ScanConfig, quiet: bool, logs: bool = True) -> ExitCode:
    _check_formats(config)
    console = _console()
    interactive = sys.stderr.isatty() and not quiet
    with scan_progress(interactive) as progress:
        hook = progress if interactive else (_log_table if logs and not quiet else None)
        result = run_scan(config, progress=hook)
    code = exit_code_for(result, config)
    written = write_reports(result, config.formats, config.out, int(code))
    if not interactive and logs and not quiet:
        summary = {"findings": len(result.findings), "exit_code": int(code)}
        summary |= {sev: sum(f.severity == sev for f in result.findings) for sev in SEVERITIES}
        summary |= {k: v for k, v in vars(result.coverage).items() if isinstance(v, int)}
        _json_log("scan_finished", **summary)
    if not quiet:
        print_summary(console, result, written, int(code), EXIT_MEANINGS[code])
        if not config.grants and not config.ranger_url and result.coverage.tables_access_unknown:
            console.print(
                "hint: nobody knows who can read these tables: pass --grants FILE (GRANT/REVOKE "
                "statements or YAML), a Ranger export, or --ranger-url",
                highlight=False,
                markup=False,
            )
    return code


def _log_table(index: int, total: int, table: str) -> None:
    _json_log("table_done", table=table, index=index, total=total)


@cli.command()
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="YAML config file.")
@click.option("--source", help="Warehouse URL, e.g. duckdb:///abs/path/warehouse.duckdb.")
@click.option(
    "--sample-source",
    help="Where to sample values when --source has only metadata, e.g. hive://user@host:10000.",
)
@click.option(
    "--grants", multiple=True, type=click.Path(path_type=Path), help="Grants file (SQL or YAML); repeatable."
)
@click.option("--dialect", help="SQL dialect of grants files and remediation (default hive).")
@click.option("--warehouse", help="Stable warehouse name used in finding ids.")
@click.option("--out", type=click.Path(path_type=Path), help=f"Output directory (default {DEFAULT_OUT}).")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(reporter_names()),
    help="Output formats; repeatable (default json, html, markdown).",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES, case_sensitive=False),
    callback=lambda _ctx, _param, value: value.upper() if value else value,
    help="Exit 1 on tables at or above this SEV (default SEV3).",
)
@click.option(
    "--sample-rows", type=click.IntRange(min=1), help="Non-null values sampled per column (default 385)."
)
@click.option("--include", multiple=True, help="Only tables matching this db.table glob; repeatable.")
@click.option("--exclude", multiple=True, help="Skip tables matching this db.table glob; repeatable.")
@click.option(
    "--rules",
    "rule_packs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra classifier pack; repeatable.",
)
@click.option(
    "--everyone", multiple=True, help="A principal that reaches everyone, e.g. 'group all_employees'."
)
@click.option("--broad", multiple=True, help="A principal that reaches a broad part of the company.")
@click.option(
    "--directory", type=click.Path(path_type=Path), help="YAML file of groups and their member counts."
)
@click.option("--ranger-url", help="Read hive policies from Ranger's REST API (credentials from env).")
@click.option("--ranger-service", help="Ranger's hive service name (default hive).")
@click.option("--mode", type=click.Choice(MODES), help="How this run is used (recorded in reports).")
@click.option(
    "--state", type=click.Path(path_type=Path), help="State store (SQLite) for new/fixed and reuse."
)
@click.option(
    "--reset-state",
    is_flag=True,
    default=None,
    help="Start a fresh state store, discarding the history in --state (an empty or corrupt store "
    "is otherwise refused).",
)
@click.option("--full", is_flag=True, default=None, help="Re-sample every table, even unchanged ones.")
@click.option("--resume", is_flag=True, default=None, help="Continue the interrupted run in the state store.")
@click.option(
    "--workers", type=click.IntRange(min=1, max=64), help="Worker processes (default: cores, up to 8)."
)
@click.option(
    "--table-timeout", type=click.FloatRange(min=1), help="Seconds one table may take (default 600)."
)
@click.option("--suppressions", type=click.Path(path_type=Path), help="YAML file of accepted findings.")
@click.option(
    "--strict-suppressions", is_flag=True, default=None, help="Exit 1 on expired or unmatched suppressions."
)
@click.option("--fail-on-new", is_flag=True, default=None, help="Only new findings fail the run.")
@click.option("-q", "--quiet", is_flag=True, help="No terminal summary and no logs.")
@click.option(
    "--show-config", is_flag=True, help="Print the effective configuration (secrets masked) and exit."
)
@handle_errors
def scan(
    config_path: Path | None,
    quiet: bool,
    show_config: bool,
    everyone: Sequence[str],
    broad: Sequence[str],
    **options: Any,
) -> None:
    """Scan a warehouse and write findings.json, report.html and sev/*.md."""
    config = load_config(config_path) if config_path else ScanConfig()
    config = config.with_options(
        **options,
        everyone=config.everyone + _principals(everyone, "--everyone") if everyone else None,
        broad=config.broad + _principals(broad, "--broad") if broad else None,
    )
    if show_config:
        click.echo(yaml.safe_dump(config.effective(), sort_keys=False, allow_unicode=True), nl=False)
        return
    sys.exit(int(_scan_and_report(config, quiet)))


@cli.command()
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True)
@click.option("--keep-warehouse", type=click.Path(path_type=Path), help="Keep the demo DuckDB file here.")
@handle_errors
def demo(out: Path, keep_warehouse: Path | None) -> None:
    """Build the example incident warehouse and scan it."""
    from importlib import import_module, resources

    # The example ships as package data beside the code, not as part of the typed core.
    incident_warehouse = import_module("scanner.examples.incident_warehouse")

    examples = resources.files("scanner.examples")
    with tempfile.TemporaryDirectory(prefix="exposure-demo-") as tmp:
        target = (keep_warehouse or Path(tmp) / "incident.duckdb").resolve()
        incident_warehouse.build(target)
        with (
            resources.as_file(examples.joinpath("exposure.yaml")) as config_file,
            resources.as_file(examples.joinpath("incident_grants.sql")),
            resources.as_file(examples.joinpath("incident_ranger.json")),
            resources.as_file(examples.joinpath("directory.yaml")),
        ):
            config = load_config(config_file).with_options(
                source=f"duckdb://{target}", out=out, mode="on-demand"
            )
            click.echo(f"Built the example warehouse ({target.name}); scanning it.")
            code = _scan_and_report(config, quiet=False, logs=False)
    if code is ExitCode.FINDINGS:
        click.echo("The demo found what it planted; `exposure scan` would exit 1 here.")
    sys.exit(0 if code in (ExitCode.OK, ExitCode.FINDINGS) else int(code))


@cli.command()
@click.argument("csv_file", type=click.Path(path_type=Path))
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--sample-rows", type=click.IntRange(min=1), default=385, show_default=True)
@click.option(
    "--rules", "rule_packs", multiple=True, type=click.Path(path_type=Path), help="Extra classifier pack."
)
@handle_errors
def classify(csv_file: Path, output: str, sample_rows: int, rule_packs: Sequence[Path]) -> None:
    """Classify each column of a CSV file (header row = column names). Prints no values."""
    columns = classify_csv(csv_file, load_rulebook(rule_packs), sample_rows)
    if output == "json":
        click.echo(json.dumps({"columns": {c.column.name: column_json(c) for c in columns}}, indent=2))
    else:
        print_columns(_console(), columns)


@cli.command()
@click.argument("table")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="YAML config file.")
@click.option("--source", help="Warehouse URL: columns, owner and (where it has them) grants.")
@click.option("--grants", multiple=True, type=click.Path(path_type=Path), help="Grants file; repeatable.")
@click.option("--ranger-url", help="Read hive policies from Ranger's REST API (credentials from env).")
@click.option("--ranger-service", help="Ranger's hive service name (default hive).")
@click.option("--directory", type=click.Path(path_type=Path), help="Groups and their member counts.")
@click.option("--everyone", multiple=True, help="A principal that reaches everyone.")
@click.option("--broad", multiple=True, help="A principal that reaches a broad part of the company.")
@click.option("--user", help="Answer whether this user can read the table.")
@click.option("--group", "groups", multiple=True, help="A group of --user; repeatable.")
@click.option("--role", "roles", multiple=True, help="A role --user holds (or has set); repeatable.")
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def access(
    table: str,
    config_path: Path | None,
    everyone: Sequence[str],
    broad: Sequence[str],
    user: str | None,
    groups: Sequence[str],
    roles: Sequence[str],
    output: str,
    **options: Any,
) -> None:
    """Who can read TABLE (db.table) and each of its columns, through which grant or policy; with
    --user (and its --group and --role), what that person sees: masks, row filter, denials."""
    if (groups or roles) and not user:
        raise click.UsageError("--group and --role need --user")
    config = load_config(config_path) if config_path else ScanConfig()
    config = config.with_options(
        **options,
        everyone=config.everyone + _principals(everyone, "--everyone") if everyone else None,
        broad=config.broad + _principals(broad, "--broad") if broad else None,
    )
    answer = explain_access(config, table, user, groups, roles)
    if output == "json":
        click.echo(json.dumps(access_json(answer), indent=2))
    else:
        print_access(_console(), answer)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--git-diff", "git_diff", help="Check only DDL that BASE..HEAD adds or modifies.")
@click.option("--dialect", default=None, help="SQL dialect sqlglot reads (default hive).")
@click.option("--format", "output", type=click.Choice(reporter_names()), default="text", show_default=True)
@click.option(
    "--output-file", type=click.Path(path_type=Path), help="Write the output here (0600), not stdout."
)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="YAML config file.")
@click.option("--suppressions", type=click.Path(path_type=Path), help="The scanner's suppressions file.")
@click.option("--everyone", multiple=True, help="A principal that reaches everyone.")
@click.option("--broad", multiple=True, help="A principal that reaches a broad part of the company.")
@click.option("--require-property", multiple=True, help="TBLPROPERTIES a sensitive table must carry.")
@click.option("--encryption-property", multiple=True, help="Extra property naming encrypted columns.")
@click.option(
    "--rules", "rule_packs", multiple=True, type=click.Path(path_type=Path), help="Extra classifier pack."
)
@click.option(
    "--define", "--hivevar", "defines", multiple=True, metavar="NAME=VALUE",
    help="A Hive variable for ${NAME} / ${hivevar:NAME} in the DDL, as the Hive CLI takes it; repeatable.",
)  # fmt: skip
@click.option("--source", help="Warehouse URL to read the columns of tables a SELECT * names.")
@handle_errors
def gate(
    files: Sequence[Path],
    git_diff: str | None,
    dialect: str | None,
    output: str,
    output_file: Path | None,
    config_path: Path | None,
    suppressions: Path | None,
    everyone: Sequence[str],
    broad: Sequence[str],
    require_property: Sequence[str],
    encryption_property: Sequence[str],
    rule_packs: Sequence[Path],
    defines: Sequence[str],
    source: str | None,
) -> None:
    """Check table DDL (CREATE/ALTER/GRANT) before any data exists: exit 1 on violations,
    3 when a statement could not be read."""
    variables = {}
    for item in defines:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r}: write it as NAME=VALUE", param_hint="--define")
        variables[name.strip().removeprefix("hivevar:")] = value
    config = load_config(config_path) if config_path else ScanConfig()
    config = config.with_options(
        suppressions=suppressions,
        rule_packs=config.rule_packs + tuple(rule_packs) if rule_packs else None,
        everyone=config.everyone + _principals(everyone, "--everyone") if everyone else None,
        broad=config.broad + _principals(broad, "--broad") if broad else None,
    )
    root = Path.cwd()
    changed = None
    if git_diff:
        changed = git_changes(git_diff, root)
        files = tuple(files) or tuple(Path(f) for f in sorted(changed))
    if not files:
        if git_diff:
            click.echo("no SQL files changed")
            return
        raise click.UsageError("give SQL files or directories, or --git-diff BASE..HEAD")
    options = GateOptions(
        dialect=check_dialect(dialect or config.dialect),
        required_properties=tuple(require_property) or config.gate_required_properties,
        encryption_properties=config.gate_encryption_properties + tuple(encryption_property),
        changed=changed,
        variables=variables,
        catalog=source_catalog(source) if source else None,
    )
    result = run_gate([Path(f).resolve() if changed is not None else Path(f) for f in files], config, options)
    text = render_document(gate_dict(result, int(result.exit_code), root), output)
    if output_file:
        write_private(output_file, text)
    else:
        click.echo(text, nl=False)
    sys.exit(int(result.exit_code))


ALIASES = {"md": "markdown"}


@cli.command()
@click.argument("stored", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(sorted([*reporter_names(), *ALIASES])),
    help="Repeatable (default html).",
)
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True)
@handle_errors
def report(stored: Path, formats: Sequence[str], out: Path) -> None:
    """Re-render a stored scan (a state file or a findings.json) without touching the warehouse."""
    doc = load_document(stored)
    chosen = [ALIASES.get(f, f) for f in formats] or ["html"]
    for path in write_documents(doc, list(dict.fromkeys(chosen)), out):
        click.echo(str(path))


@cli.group()
def rules() -> None:
    """Inspect and validate rule packs."""


@rules.command("list")
@click.option("--rules", "rule_packs", multiple=True, type=click.Path(path_type=Path))
@handle_errors
def rules_list(rule_packs: Sequence[Path]) -> None:
    """List the classes every scan uses."""
    book = load_rulebook(rule_packs)
    for spec in book.classes:
        signals = (("value", spec.value), ("text", spec.text), ("model", spec.model), ("name", True))
        kind = "+".join(k for k, on in signals if on)
        click.echo(f"{spec.id:<22} {spec.sensitivity.value:<13} {kind:<22} {spec.pack}")
    for rule in book.exposure.rules:
        click.echo(f"{rule.id:<22} {rule.kind:<13} {rule.name}")


@rules.command("validate")
@click.argument("packs", nargs=-1, type=click.Path(path_type=Path), required=True)
@handle_errors
def rules_validate(packs: Sequence[Path]) -> None:
    """Validate classifier packs (or an exposure rules file) without scanning."""
    for pack in packs:
        text = read_text(pack, RulePackError, "rule pack", MAX_YAML_BYTES)
        if "severity_matrix:" in text:
            load_exposure_rules(pack)
        else:
            load_classifier_pack(pack)
        click.echo(f"{pack}: ok")


def main() -> None:
    cli(prog_name="exposure")


if __name__ == "__main__":
    main()
