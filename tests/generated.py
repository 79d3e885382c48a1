"""A generated warehouse of any size, with a known verdict per table: some tables hold SSNs, emails or
chat text, and are readable through a database grant, a role chain, a company-wide group or a team
grant; the rest hold nothing sensitive. Used by tests (hundreds of tables) and benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

SSNS = ["512-37-8841", "287-65-1903", "633-18-4420", "145-92-7316", "401-11-2958"]
EMAILS = ["gen.alpha@example.net", "gen.beta@example.net", "gen.gamma@example.net"]
CHATS = [
    "hey can you cover my shift tomorrow? my kid is sick",
    "i told my manager i'm looking for another job, please keep it between us",
    "thanks for listening yesterday, i really needed it",
]


@dataclass
class Generated:
    tables: int = 0
    sensitive: set[str] = field(default_factory=set)  # every table holding sensitive data
    exposed: set[str] = field(default_factory=set)  # sensitive and readable by everyone
    team_only: set[str] = field(default_factory=set)
    grants: list[str] = field(default_factory=list)


def build(path: Path, tables: int, rows: int = 12, seed: int = 300) -> Generated:
    """`tables` tables over tables // 25 + 1 databases. Every fourth database is granted to a role that
    public holds, every fifth sensitive table is granted to the all-staff group, every seventh to a
    team; the rest of the sensitive tables only their owner reads."""
    rng = random.Random(seed)
    con = duckdb.connect(str(path))
    out = Generated(tables=tables)
    databases = [f"db{n:03d}" for n in range(tables // 25 + 1)]
    for database in databases:
        con.execute(f"CREATE SCHEMA {database}")
    out.grants += ["CREATE ROLE wide_readers;", "GRANT ROLE wide_readers TO ROLE public;"]
    broad_dbs = set(databases[::4])
    for database in sorted(broad_dbs):
        out.grants.append(f"GRANT SELECT ON DATABASE {database} TO ROLE wide_readers;")
    for n in range(tables):
        database = databases[n // 25]
        name = f"t{n:05d}"
        fqn = f"{database}.{name}"
        kind = rng.choice(["ssn", "email", "chat", "plain", "plain", "plain"])
        columns = {"id": "BIGINT", "score": "DOUBLE", "region": "VARCHAR"}
        if kind == "ssn":
            columns["tax_ssn"] = "VARCHAR"
        elif kind == "email":
            columns["contact_email"] = "VARCHAR"
        elif kind == "chat":
            columns["message_text"] = "VARCHAR"
        con.execute(f"CREATE TABLE {fqn} ({', '.join(f'{c} {t}' for c, t in columns.items())})")
        values = []
        for i in range(rows):
            row: list[object] = [i, rng.random(), rng.choice(["emea", "amer", "apac"])]
            if kind == "ssn":
                row.append(SSNS[i % len(SSNS)])
            elif kind == "email":
                row.append(EMAILS[i % len(EMAILS)])
            elif kind == "chat":
                row.append(CHATS[i % len(CHATS)])
            values.append(row)
        con.executemany(f"INSERT INTO {fqn} VALUES ({', '.join('?' for _ in columns)})", values)
        if kind == "plain":
            continue
        out.sensitive.add(fqn)
        if database in broad_dbs:
            out.exposed.add(fqn)
        elif n % 5 == 0:
            out.grants.append(f"GRANT SELECT ON TABLE {fqn} TO GROUP all_staff;")
            out.exposed.add(fqn)
        elif n % 7 == 0:
            out.grants.append(f"GRANT SELECT ON TABLE {fqn} TO GROUP team_{n % 3};")
            out.team_only.add(fqn)
    con.close()
    return out
