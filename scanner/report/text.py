"""Plain text for people reading CI logs (`exposure gate`'s default) and GitHub Actions workflow
commands, which GitHub shows as annotations on a pull request's diff. One item per finding (one
table or view); its facets are listed under it with their lines."""

from __future__ import annotations

import re
from typing import Any

from scanner.models import level_rank, severity_rank
from scanner.report import Reporter, register

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(value: Any) -> str:
    """No terminal escape sequences from names: a table called '\x1b[2J' must not clear a log."""
    return _CONTROL.sub("?", str(value))


def _where(location: dict[str, Any] | None) -> str:
    if not location:
        return ""
    return f"{location['file']}:{location['line']}:{location['column']}"


def _lead(f: dict[str, Any]) -> dict[str, Any]:
    return min(f["facets"], key=lambda x: (level_rank(x["level"]), severity_rank(x["severity"])))


def text_document(doc: dict[str, Any]) -> str:
    lines = []
    for f in doc["findings"]:
        status = f" [suppressed: {f['suppressed']['reason']}]" if f.get("suppressed") else ""
        where = _where(f.get("location") or _lead(f).get("location"))
        head = f"{where}: " if where else ""
        lines.append(plain(f"{head}{f['level']} {f['id']} {f['severity']} {f['title']}{status}"))
        for x in f["facets"]:
            at = f"line {x['location']['line']}:{x['location']['column']} " if x.get("location") else ""
            accepted = (
                f" [suppressed: {x['suppressed']['reason']}]" if x.get("suppressed") and not status else ""
            )
            lines.append(plain(f"    {at}{x['level']} {x['rule']} {x['message']}{accepted}"))
            if x.get("hint"):
                lines.append(plain(f"        fix: {x['hint']}"))
        for step in f["remediation"]["containment"]:
            lines.append(plain(f"    contain: {step['statement']}"))
    for item in doc.get("not_checked", []):
        lines.append(plain(f"{_where(item)}: could not check: {item['message']}"))
    lines.extend(plain(w) for w in doc.get("warnings", []))
    open_findings = [f for f in doc["findings"] if not f.get("suppressed")]
    errors = sum(_open_level(f) == "error" for f in open_findings)
    warnings = sum(_open_level(f) == "warning" for f in open_findings)
    suppressed = len(doc["findings"]) - len(open_findings)
    if doc["run"]["kind"] == "gate":
        scope = f"{len(doc['run'].get('files', []))} file(s), {doc['run'].get('statements', 0)} statement(s)"
    else:
        scope = f"{doc['coverage']['tables_scanned']}/{doc['coverage']['tables_total']} table(s)"
    lines.append(
        f"{scope}: {errors} error(s), {warnings} warning(s), {suppressed} suppressed, "
        f"{len(doc.get('not_checked', []))} not checked"
    )
    return "\n".join(lines) + "\n"


def _open_level(f: dict[str, Any]) -> str:
    levels = [x["level"] for x in f["facets"] if not x.get("suppressed")]
    return min(levels, key=level_rank, default="note")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_document(doc: dict[str, Any]) -> str:
    lines = []
    for f in doc["findings"]:
        if f.get("suppressed"):
            continue
        lead = _lead(f)
        location = lead.get("location") or f.get("location")
        props = []
        if location:
            props.append(
                f"file={_escape_property(location['file'])},line={location['line']},col={location['column']}"
            )
        title = f"{f['severity']} {f['table']}: " + ", ".join(sorted({x["rule"] for x in f["facets"]}))
        props.append(f"title={_escape_property(plain(title))}")
        body = [f["title"]]
        for x in f["facets"]:
            if x.get("suppressed"):
                continue
            at = f"line {x['location']['line']}: " if x.get("location") else ""
            body.append(f"{at}{x['rule']} {x['message']}" + (f" Fix: {x['hint']}" if x.get("hint") else ""))
        level = _open_level(f)
        command = "error" if level == "error" else "warning" if level == "warning" else "notice"
        lines.append(f"::{command} {','.join(props)}::{_escape_data(plain(chr(10).join(body)))}")
    for item in doc.get("not_checked", []):
        where = ""
        if item.get("file"):
            where = f"file={_escape_property(item['file'])},line={item['line']},col={item['column']},"
        lines.append(f"::warning {where}title=not checked::{_escape_data(plain(item['message']))}")
    return "\n".join(lines) + ("\n" if lines else "")


@register
class TextReporter(Reporter):
    name = "text"
    filename = "findings.txt"
    description = "plain text, one item per finding with its facets"

    def render(self, doc: dict[str, Any]) -> str:
        return text_document(doc)


@register
class GithubReporter(Reporter):
    name = "github"
    filename = "annotations.txt"
    description = "GitHub Actions workflow commands (annotations on a pull request)"

    def render(self, doc: dict[str, Any]) -> str:
        return github_document(doc)
