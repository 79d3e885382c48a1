"""The people behind groups: an optional directory file that maps groups to member counts, so a
report can say how many people can read a table, and breadth can follow group size.

    version: 1
    company_size: 52000          # everyone
    groups:
      all_employees: 51800
      data-eng: 340
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scanner.errors import ConfigError
from scanner.yamlio import load_validated


@dataclass(frozen=True)
class Directory:
    company_size: int | None = None
    groups: dict[str, int] = field(default_factory=dict)
    origin: str | None = None

    def group_size(self, name: str) -> int | None:
        return self.groups.get(name.lower())


def load_directory(path: Path) -> Directory:
    data, lines = load_validated(path, "directory.schema.json", ConfigError, "directory file")
    raw_groups = data.get("groups") or {}
    company = data.get("company_size")
    for name, size in raw_groups.items():
        if company is not None and size > company:
            raise ConfigError(
                f"group {name} has {size} members but company_size is {company}",
                file=path,
                line=lines.line(("groups", name)),
                hint="company_size counts everyone; raise it or fix the group's count",
            )
    groups = {str(k).lower(): int(v) for k, v in raw_groups.items()}
    return Directory(company, groups, str(path))
