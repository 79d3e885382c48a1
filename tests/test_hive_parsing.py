"""DESCRIBE FORMATTED and SHOW GRANT answers, as HiveServer2 returns them, parsed into the catalog.

The Hive layout follows Hive 3's DDLTask output (labels padded to 20 characters, parameters as
('', key, value) rows); the Spark layout is what the Spark Thrift Server in the test rig returns.
"""

from __future__ import annotations

from scanner.catalog import column_encryption
from scanner.connectors.hive_describe import parse_describe_formatted, parse_show_grant
from scanner.models import PrincipalType, Table, frozen_mapping

HIVE_ROWS = [
    ("# col_name            ", "data_type           ", "comment             "),
    ("id", "bigint", ""),
    ("ssn", "string", "social security number"),
    ("notes", "string", "free text; may hold"),
    ("", None, "identifiers"),  # a multi-line comment spills into a row without a name
    ("dt", "string", ""),
    ("", None, None),
    ("# Partition Information", None, None),
    ("# col_name            ", "data_type           ", "comment             "),
    ("dt", "string", ""),
    ("", None, None),
    ("# Detailed Table Information", None, None),
    ("Database:           ", "hr                  ", None),
    ("OwnerType:          ", "USER                ", None),
    ("Owner:              ", "alice               ", None),
    ("CreateTime:         ", "Mon Mar 04 10:11:12 UTC 2024", None),
    ("LastAccessTime:     ", "UNKNOWN             ", None),
    ("Retention:          ", "0                   ", None),
    ("Location:           ", "hdfs://nn:8020/warehouse/hr.db/people", None),
    ("Table Type:         ", "MANAGED_TABLE       ", None),
    ("Table Parameters:", None, None),
    ("", "COLUMN_STATS_ACCURATE", '{"BASIC_STATS":"true"}'),
    ("", "comment             ", "people of the company"),
    ("", "numRows             ", "1200                "),
    ("", "orc.encrypt         ", "pii:ssn             "),
    ("", "transient_lastDdlTime", "1709547072          "),
    ("", None, None),
    ("# Storage Information", None, None),
    ("SerDe Library:      ", "org.apache.hadoop.hive.ql.io.orc.OrcSerde", None),
    ("InputFormat:        ", "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat", None),
    ("Compressed:         ", "No                  ", None),
    ("Num Buckets:        ", "-1                  ", None),
    ("Storage Desc Params:", None, None),
    ("", "parquet.encryption.column.keys", "k2:notes"),
    ("", "serialization.format", "1                   "),
]

SPARK_ROWS = [
    ("id", "int", None),
    ("card", "string", None),
    ("dt", "string", None),
    ("# Partition Information", "", ""),
    ("# col_name", "data_type", "comment"),
    ("dt", "string", None),
    ("", "", ""),
    ("# Detailed Table Information", "", ""),
    ("Catalog", "spark_catalog", ""),
    ("Database", "rigdb", ""),
    ("Table", "orders", ""),
    ("Owner", "carol", ""),
    ("Created Time", "Tue Dec 01 02:38:38 UTC 2026", ""),
    ("Last Access", "UNKNOWN", ""),
    ("Created By", "Spark 4.3.0", ""),
    ("Type", "MANAGED", ""),
    ("Provider", "hive", ""),
    ("Table Properties", "[orc.encrypt=pii:card, owner_team=data, note=a, b]", ""),
    ("Location", "file:/tmp/rig/warehouse/rigdb.db/orders", ""),
    ("Serde Library", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", ""),
    ("Storage Properties", "[serialization.format=1]", ""),
    ("Partition Provider", "Catalog", ""),
]


def test_hive_layout() -> None:
    parsed = parse_describe_formatted(HIVE_ROWS)
    assert [(c.name, c.data_type, c.is_partition_key) for c in parsed.columns] == [
        ("id", "bigint", False),
        ("ssn", "string", False),
        ("notes", "string", False),
        ("dt", "string", True),
    ]
    assert parsed.columns[1].comment == "social security number"
    assert parsed.partition_keys == ["dt"]
    assert parsed.owner == "alice"
    assert parsed.location == "hdfs://nn:8020/warehouse/hr.db/people"
    assert parsed.table_type == "MANAGED_TABLE"
    assert parsed.properties["orc.encrypt"] == "pii:ssn"
    assert parsed.properties["numRows"] == "1200"
    assert parsed.comment == "people of the company"
    assert parsed.serde_properties == {
        "parquet.encryption.column.keys": "k2:notes",
        "serialization.format": "1",
    }


def test_spark_layout() -> None:
    parsed = parse_describe_formatted(SPARK_ROWS)
    assert [(c.name, c.is_partition_key) for c in parsed.columns] == [
        ("id", False),
        ("card", False),
        ("dt", True),
    ]
    assert parsed.owner == "carol"
    assert parsed.table_type == "MANAGED_TABLE"
    assert parsed.location == "file:/tmp/rig/warehouse/rigdb.db/orders"
    # a value holding ", " stays whole when no `key=` follows the comma
    assert parsed.properties == {"orc.encrypt": "pii:card", "owner_team": "data", "note": "a, b"}
    assert parsed.serde_properties == {"serialization.format": "1"}


def test_encryption_properties_from_both_layouts_reach_the_catalog() -> None:
    parsed = parse_describe_formatted(HIVE_ROWS)
    table = Table(
        "hr",
        "people",
        tuple(parsed.columns),
        properties=frozen_mapping(parsed.properties),
        serde_properties=frozen_mapping(parsed.serde_properties),
    )
    assert column_encryption(table) == {
        "ssn": "TBLPROPERTIES orc.encrypt",
        "notes": "SERDEPROPERTIES parquet.encryption.column.keys",
    }


def test_show_grant_rows() -> None:
    rows = [
        ("hr", "people", "", "", "public", "ROLE", "SELECT", False, 1709547072000, "admin"),
        ("hr", "people", "", "ssn", "auditors", "GROUP", "SELECT", True, 0, "admin"),
        ("hr", "", "", "", "bob", "USER", "ALL", False, None, None),
        ("hr", "people", "", "", "x", "ROLE", "SELECT (ACCESS_CONDITIONAL)", False, None, "ranger"),
        ("", "", "", "", "", "", "", None, None, None),  # blank rows are skipped
    ]
    grants = parse_show_grant(rows, "SHOW GRANT")
    assert [(g.principal.type, g.principal.name, g.privilege, g.table, g.columns) for g in grants] == [
        (PrincipalType.ROLE, "public", "SELECT", "people", ()),
        (PrincipalType.GROUP, "auditors", "SELECT", "people", ("ssn",)),
        (PrincipalType.USER, "bob", "ALL", None, ()),
        (PrincipalType.ROLE, "x", "SELECT", "people", ()),
    ]
    assert grants[0].granted_at == "2024-03-04T10:11:12Z"
    assert grants[1].grant_option is True
