"""Suppressions: findings someone accepted, with an owner, a reason and an expiry date.

An entry names a finding (one table) by its id or fingerprint, or by a db.table glob; with `rule` it
accepts only that facet of the finding (EXP002: stored as plaintext), and with `principal` only broad
reading through that principal. Suppressed findings and facets stay in every output, marked. Expired
entries suppress nothing; they and entries that match no finding are reported, and fail the run under
--strict-suppressions.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
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


def load_suppressions(path: Path) -> list[Suppression]:
    data, lines = load_validated(path, "suppressions.schema.json", ConfigError, "suppressions file")
    entries = []
    for index, raw in enumerate(data["suppressions"]):
        line = lines.line(("suppressions", index))
        expires = _expiry(raw["expires"], path, lines.line(("suppressions", index, "expires")))
        entries.append(
            Suppression(
                owner=raw["owner"],
                reason=raw["reason"],
                expires=expires,
                origin=f"{path}:{line}",
                fingerprint=raw.get("fingerprint"),
                rule=raw.get("rule"),
                object=raw.get("object"),
                principal=raw.get("principal"),
            )
        )
    return entries


# Ids of the first finding format named one rule, one table and one principal: EXP001-2c7340ec79d0.
LEGACY_ID = re.compile(r"[A-Z]{3,4}\d{3}-[0-9a-f]{12}", re.IGNORECASE)


def names_finding(entry: Suppression, finding: Finding, legacy: Mapping[str, tuple[str, str]]) -> bool:
    """Whether an entry addresses this finding: by id or fingerprint, by an id of the earlier
    format (translated through the state store), or by a db.table glob."""
    if entry.fingerprint:
        key = entry.fingerprint.lower()
        if key == finding.id.lower() or finding.fingerprint.startswith(key):
            return True
        return legacy.get(key, ("", ""))[0] == finding.fingerprint
    if entry.object is None:
        return False
    return fnmatch.fnmatchcase(finding.table.fqn.lower(), entry.object.lower()) or fnmatch.fnmatchcase(
        f"{finding.table.database}.{finding.table.name}".lower(), entry.object.lower()
    )


def facets_named(entry: Suppression, finding: Finding, legacy: Mapping[str, tuple[str, str]]) -> list[int]:
    """Indexes of the facets an entry accepts. No rule: the whole table. A principal narrows a
    broad-read facet: it is accepted only when that principal is its only broad reader."""
    rule = entry.rule
    if rule is None and entry.fingerprint:
        rule = legacy.get(entry.fingerprint.lower(), ("", ""))[1] or None
    out = []
    for index, facet in enumerate(finding.facets):
        if rule is not None and facet.rule_id != rule:
            continue
        if entry.principal is not None and facet.principals:
            wanted = entry.principal.lower()
            if any(str(p).lower() != wanted for p in facet.principals):
                continue
        out.append(index)
    return out


def expired(entry: Suppression, today: date) -> bool:
    return date.fromisoformat(entry.expires) < today


@dataclass(frozen=True)
class SuppressionOutcome:
    findings: tuple[Finding, ...]  # with accepted facets marked
    problems: list[str]  # expired entries and entries that match nothing


def apply_suppressions(
    entries: Sequence[Suppression],
    findings: Sequence[Finding],
    today: date | None = None,
    legacy: Mapping[str, tuple[str, str]] | None = None,
) -> SuppressionOutcome:
    """Marks the facets each live entry accepts. A finding whose every facet is accepted is
    suppressed; one with some facets accepted stays open at the severity of the rest."""
    today = today or date.today()
    legacy = legacy or {}
    marks: dict[int, dict[int, Suppression]] = {}
    problems: list[str] = []
    for entry in entries:
        what = entry.fingerprint or f"{entry.rule or 'every rule'} on {entry.object}"
        hits: list[tuple[int, list[int]]] = [
            (position, facets_named(entry, finding, legacy))
            for position, finding in enumerate(findings)
            if names_finding(entry, finding, legacy)
        ]
        hits = [(position, facets) for position, facets in hits if facets]
        if expired(entry, today):
            problems.append(
                f"{entry.origin}: suppression of {what} (owner {entry.owner}) expired on {entry.expires}"
                + (f"; {len(hits)} finding(s) are reported again" if hits else "")
            )
            continue
        if not hits:
            hint = ""
            if entry.fingerprint and LEGACY_ID.fullmatch(entry.fingerprint) and not legacy:
                hint = "; it names a finding id of the earlier format: name the table with object: and rule:"
            problems.append(
                f"{entry.origin}: suppression of {what} (owner {entry.owner}) matches no finding{hint}"
            )
            continue
        for position, indexes in hits:
            for index in indexes:
                marks.setdefault(position, {}).setdefault(index, entry)
    out = []
    for position, finding in enumerate(findings):
        chosen = marks.get(position)
        if chosen:
            marked = tuple(
                replace(facet, suppressed=chosen[i]) if i in chosen else facet
                for i, facet in enumerate(finding.facets)
            )
            finding = replace(finding, facets=marked)
        out.append(finding)
    return SuppressionOutcome(tuple(out), problems)
