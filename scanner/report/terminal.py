"""The rich terminal summary printed after every scan."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable
from rich.text import Text

from scanner.models import SEVERITIES, ColumnAssessment, Finding, ScanResult
from scanner.scan import AccessAnswer

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
STYLES = {
    "SEV0": "bold white on dark_red",
    "SEV1": "bold white on red",
    "SEV2": "bold black on dark_orange",
    "SEV3": "bold black on yellow",
    "SEV4": "white on grey35",
}


TOP = 20  # rows the terminal shows; report.html has every table


def _clean(value: object) -> str:
    """Names reach a terminal: no control characters (escape sequences), never parsed as markup."""
    return _CONTROL.sub("?", str(value))


def _people(count: int | None, short: bool) -> str:
    if not count:
        return ""
    if short and count >= 10_000:
        return f"{count / 1000:.0f}k"
    return f"{count:,}"


def print_summary(
    console: Console,
    result: ScanResult,
    written: Sequence[Path],
    exit_code: int,
    exit_meaning: str,
) -> None:
    """One row per exposed table, worst first. Narrow terminals lose the low-priority columns instead
    of squeezing every column until words break."""
    cov = result.coverage
    head = Text()
    head.append("exposure", style="bold")
    head.append(f" scanned {cov.tables_scanned}/{cov.tables_total} tables of ")
    head.append(_clean(result.warehouse), style="bold")
    head.append(f": {cov.tables_sampled} sampled, {cov.tables_reused} reused")
    console.print(head)
    if result.baseline or result.fixed:
        states = [b.state for b in result.baseline.values()]
        suppressed = sum(f.suppressed for f in result.findings)
        console.print(
            f"Since the previous run: [bold]{states.count('new')}[/] new, {states.count('updated')} "
            f"changed, {states.count('unchanged')} unchanged, [bold]{len(result.fixed)}[/] fixed; "
            f"{suppressed} suppressed"
        )
    if not cov.complete:
        console.print(
            f"[yellow]Partial coverage:[/] {cov.tables_unreadable} unreadable, "
            f"{cov.tables_access_unknown} with unknown readers — unknown is not clean."
        )
    findings = result.findings
    if findings:
        databases = len({f.table.key[0] for f in findings})
        people = max((f.access.reader_count or 0 for f in findings), default=0)
        classes = sorted({c.class_id for f in findings for col in f.columns for c in col.classes})
        line = f"{len(findings)} tables at risk in {databases} databases"
        if people:
            line += f", ≥ {people:,} readers"
        console.print(Text(f"{line}, {len(classes)} classes of data"))
    totals = Text()
    for sev in SEVERITIES:
        count = sum(f.severity == sev for f in findings)
        totals.append(f" {sev} ", style=STYLES[sev] if count else "dim")
        totals.append(f" {count}  ")
    totals.append("(tables)", style="dim")
    console.print(totals)
    if findings:
        console.print(_grid(console.width, findings[:TOP]))
        if len(findings) > TOP:
            console.print(f"… and {len(findings) - TOP} more (see report.html)")
    else:
        console.print("No exposed table.")
    for warning in result.warnings[:10]:
        console.print(Text("warning: ", style="yellow") + Text(_clean(warning)))
    if len(result.warnings) > 10:
        console.print(f"… and {len(result.warnings) - 10} more warnings (see findings.json)")
    if written:
        root = min((p.parent for p in written), key=lambda p: len(p.parts))
        names = sorted(
            {"sev/" if p.parent.name == "sev" else p.name for p in written if not p.name.startswith(".")}
        )
        console.print(Text(f"Reports in {_clean(root)}/: " + ", ".join(_clean(n) for n in names)))
    console.print(f"exit {exit_code}: {exit_meaning}")


def _grid(width: int, findings: Sequence[Finding]) -> RichTable:
    wide = width >= 110
    grid = RichTable(
        show_lines=False, header_style="bold", pad_edge=False, box=None, padding=(0, 1), expand=True
    )
    grid.add_column("SEV", no_wrap=True, min_width=5)
    grid.add_column("Table", no_wrap=True, overflow="ellipsis", ratio=1, min_width=12)
    grid.add_column("Readers", no_wrap=True, min_width=len("everyone 52,000" if wide else "everyone 52k"))
    grid.add_column("Classes", no_wrap=True, overflow="ellipsis", ratio=1, min_width=8)
    if wide:
        grid.add_column("Facets", no_wrap=True, min_width=len("EXP001 EXP002"))
        grid.add_column("Plaintext", no_wrap=True, overflow="ellipsis", ratio=1)
    for f in findings:
        classes = sorted({x.class_id for c in f.columns for x in c.classes})
        readers = f.access.breadth.value
        people = _people(f.access.reader_count, short=not wide)
        row = [
            Text(f.severity + ("*" if f.suppressed else ""), style=STYLES.get(f.severity, "")),
            Text(_clean(f.table.fqn)),
            Text(f"{readers} {people}".strip()),
            Text(", ".join(classes)),
        ]
        if wide:
            plain = [
                c.column.name
                for c in f.columns
                if c.protection.exposes_values or c.protection.value == "unknown"
            ]
            row += [Text(" ".join(f.rule_ids)), Text(_clean(", ".join(plain)) or "—")]
        grid.add_row(*row)
    return grid


def print_columns(console: Console, columns: Sequence[ColumnAssessment]) -> None:
    grid = RichTable(header_style="bold", pad_edge=False)
    for title in ("Column", "Class", "Confidence", "95 % interval", "Validated", "Stored", "Signals"):
        grid.add_column(title, overflow="fold")
    for column in columns:
        name = Text(_clean(column.column.name))
        if not column.classes:
            grid.add_row(name, "—", "", "", "", column.protection.value, "")
        for index, c in enumerate(column.classes):
            grid.add_row(
                name if index == 0 else "",
                c.class_id,
                f"{c.confidence:.2f}",
                f"{c.interval[0]:.2f}–{c.interval[1]:.2f}" if c.matched else "—",
                f"{c.matched}/{c.sampled}" if c.matched else "—",
                column.protection.value if index == 0 else "",
                Text(_clean("; ".join(c.signals))),
            )
        for u in column.unconfirmed:
            grid.add_row(
                "",
                Text(f"{u.class_id} (unconfirmed)", style="dim"),
                "—",
                "—",
                f"{u.matched}/{u.sampled}",
                "",
                Text(_clean(u.reason), style="dim"),
            )
    console.print(grid)


def print_access(console: Console, answer: AccessAnswer) -> None:
    access = answer.access
    people = f", at least {access.reader_count:,} people" if access.reader_count else ""
    console.print(
        f"[bold]{escape(answer.table.fqn)}[/]: readable by {access.breadth.value}{people}", highlight=False
    )
    if access.reason:
        console.print(f"  {access.reason}", highlight=False, markup=False)
    for path in access.paths:
        reach = f" ({path.reach:,})" if path.reach else ""
        console.print(f"  {path.breadth.value}{reach}: {path.describe()}", highlight=False, markup=False)
    if answer.column_readers:
        grid = RichTable(header_style="bold", pad_edge=False)
        grid.add_column("Column", overflow="fold")
        grid.add_column("Readers", overflow="fold")
        for name, paths in answer.column_readers.items():
            grid.add_row(name, ", ".join(sorted({str(p.reader) for p in paths})) or "—")
        console.print(grid)
    for warning in answer.warnings:
        console.print(Text("warning: ", style="yellow") + Text(warning), highlight=False)
    person = answer.user
    if person is None:
        return
    who = [f"user {person.user}"]
    if person.groups:
        who.append(f"groups {', '.join(person.groups)}")
    if person.roles:
        who.append(f"roles {', '.join(person.roles)}")
    if person.unknown:
        console.print(f"{'; '.join(who)}: unknown, {person.unknown}", highlight=False, markup=False)
        return
    verdict = "can read" if person.can_read else "cannot read"
    console.print(f"{'; '.join(who)} {verdict} {answer.table.fqn}", highlight=False, markup=False)
    if person.row_filter is not None:
        console.print(f"  {person.row_filter.describe()}", highlight=False, markup=False)
    elif person.can_read:
        console.print("  no row filter: every row", highlight=False, markup=False)
    for column in person.columns:
        if column.readable:
            seen = f"masked {column.mask.describe()}" if column.mask else "raw values"
            text = f"  {column.column}: {seen}; via {column.paths[0]}"
            if len(column.paths) > 1:
                text += f" (and {len(column.paths) - 1} more)"
        else:
            text = f"  {column.column}: denied: {column.denied_by}"
        console.print(text, highlight=False, markup=False)


@contextlib.contextmanager
def scan_progress(enabled: bool) -> Iterator[Callable[[int, int, str], None]]:
    """A rich progress bar on a terminal; a no-op hook otherwise."""
    if not enabled:
        yield lambda index, total, table: None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("scanning", total=None)

        def advance(index: int, total: int, table: str) -> None:
            bar.update(task, completed=index, total=total, description=escape(table))

        yield advance
