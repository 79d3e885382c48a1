"""Suppressions: findings someone accepted, with an owner, a reason and an expiry date.

An entry names a finding by fingerprint (or its id), or by rule + a db.table glob (+ principal).
Suppressed findings stay in every output, marked. Expired entries suppress nothing; they and entries
that match no finding are reported, and fail the run under --strict-suppressions.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scanner.errors import ConfigError
from scanner.models import Finding, Suppression
from scanner.yamlio import load_validated


def _expiry(value: object, path: Path, line: int | None) -> str:
    """A calendar date, YYYY-MM-DD: a time of day, a week date or 2027-02-30 is a usage error."""
    text = str(value)
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        hint = "write the day alone, YYYY-MM-DD: an acceptance expires at the start of that day"
        raise ConfigError(f"expires {text[:40]!r} is not a date", file=path, line=line, hint=hint)
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ConfigError(
            f"expires {text!r} is not a date on the calendar", file=path, line=line, hint="write YYYY-MM-DD"
        ) from None


def load_suppressions(path: Path) -> list[tuple[Suppression, str | None]]:
    """Entries with their optional principal."""
    data, lines = load_validated(path, "suppressions.schema.json", ConfigError, "suppressions file")
    entries = []
    for index, raw in enumerate(data["suppressions"]):
        line = lines.line(("suppressions", index))
        expires = _expiry(raw["expires"], path, lines.line(("suppressions", index, "expires")))
        entries.append(
            (
                Suppression(
                    owner=raw["owner"],
                    reason=raw["reason"],
                    expires=expires,
                    origin=f"{path}:{line}",
                    fingerprint=raw.get("fingerprint"),
                    rule=raw.get("rule"),
                    object=raw.get("object"),
                ),
                raw.get("principal"),
            )
        )
    return entries


def entry_matches(
    entry: Suppression,
    principal: str | None,
    *,
    finding_id: str,
    fingerprint: str,
    rule_id: str,
    table: str,
    finding_principal: str | None,
) -> bool:
    """Whether an entry names this finding (a scan's or the gate's), by id or by rule + glob."""
    if entry.fingerprint:
        key = entry.fingerprint.lower()
        return key == finding_id.lower() or fingerprint.startswith(key)
    if entry.rule != rule_id or entry.object is None:
        return False
    if not fnmatch.fnmatchcase(table.lower(), entry.object.lower()):
        return False
    return principal is None or (finding_principal or "").lower() == principal.lower()


def expired(entry: Suppression, today: date) -> bool:
    return date.fromisoformat(entry.expires) < today


def _matches(entry: Suppression, principal: str | None, finding: Finding) -> bool:
    return entry_matches(
        entry,
        principal,
        finding_id=finding.id,
        fingerprint=finding.fingerprint,
        rule_id=finding.rule_id,
        table=finding.table.fqn,
        finding_principal=str(finding.principal) if finding.principal else None,
    )


@dataclass(frozen=True)
class SuppressionOutcome:
    suppressed: dict[str, Suppression]  # fingerprint → entry
    problems: list[str]  # expired entries and entries that match nothing


def apply_suppressions(
    entries: Sequence[tuple[Suppression, str | None]], findings: Sequence[Finding], today: date | None = None
) -> SuppressionOutcome:
    today = today or date.today()
    suppressed: dict[str, Suppression] = {}
    problems: list[str] = []
    for entry, principal in entries:
        matched = [f for f in findings if _matches(entry, principal, f)]
        what = entry.fingerprint or f"{entry.rule} on {entry.object}"
        if expired(entry, today):
            problems.append(
                f"{entry.origin}: suppression of {what} (owner {entry.owner}) expired on {entry.expires}"
                + (f"; {len(matched)} finding(s) are reported again" if matched else "")
            )
            continue
        if not matched:
            problems.append(f"{entry.origin}: suppression of {what} (owner {entry.owner}) matches no finding")
            continue
        for finding in matched:
            suppressed.setdefault(finding.fingerprint, entry)
    return SuppressionOutcome(suppressed, problems)
