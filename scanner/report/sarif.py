"""findings.sarif: SARIF 2.1.0 for code-scanning dashboards, for the scan and the gate alike.

One result per finding (one table). Its ruleId is the facet that decides the severity, the other
facets are listed in its properties and, where the gate knows their lines, as related locations.
Identity is the versioned fingerprint in partialFingerprints, never a position. A table has a
logical location (db.table) and a URI; a DDL finding also has the file, line and column."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from scanner.models import level_rank, severity_rank
from scanner.report import Reporter, register

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SECURITY_SEVERITY = {"SEV0": "10.0", "SEV1": "9.0", "SEV2": "7.5", "SEV3": "5.0", "SEV4": "2.0"}


def _rule(rule: dict[str, Any]) -> dict[str, Any]:
    description = rule["description"] or rule["name"]
    return {
        "id": rule["id"],
        "name": rule["name"],
        "shortDescription": {"text": rule["name"].replace("-", " ")},
        "fullDescription": {"text": description},
        "help": {
            "text": description,
            "markdown": f"**{rule['id']} {rule['name']}** ({rule['kind']})\n\n{description}",
        },
        "helpUri": f"https://github.com/exposure-scanner/exposure/blob/main/docs/rules.md#{rule['id'].lower()}",
        "defaultConfiguration": {"level": "warning" if rule["kind"] in ("hygiene", "coverage") else "error"},
        "properties": {"tags": ["security", "privacy", rule["kind"]]},
    }


def _uri(doc: dict[str, Any], obj: dict[str, Any]) -> str:
    """The connector's name for the table; for documents without one, warehouse://warehouse/db/table."""
    if obj.get("uri"):
        return str(obj["uri"])
    parts = (doc["run"]["warehouse"], obj["database"], obj["table"])
    return "warehouse://" + "/".join(quote(p, safe="") for p in parts)


def _physical(location: dict[str, Any]) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": location["file"], "uriBaseId": "SRCROOT"},
        "region": {"startLine": location["line"], "startColumn": location["column"]},
    }


def _locations(doc: dict[str, Any], f: dict[str, Any]) -> list[dict[str, Any]]:
    obj = f["object"]
    logical = [{"fullyQualifiedName": obj["name"], "name": obj["table"], "kind": "resource"}]
    if f.get("location"):
        return [{"physicalLocation": _physical(f["location"]), "logicalLocations": logical}]
    return [{"physicalLocation": {"artifactLocation": {"uri": _uri(doc, obj)}}, "logicalLocations": logical}]


def _lead(f: dict[str, Any]) -> dict[str, Any]:
    facets = f["facets"]
    return min(facets, key=lambda x: (severity_rank(x["severity"]), level_rank(x["level"])))


def _suppressions(f: dict[str, Any]) -> list[dict[str, Any]]:
    s = f.get("suppressed")
    if not s:
        return []
    inline = s["owner"] == "inline"
    entry: dict[str, Any] = {
        "kind": "inSource" if inline else "external",
        "status": "accepted",
        "justification": s["reason"]
        if inline
        else f"{s['reason']} (owner {s['owner']}, expires {s['expires']})",
    }
    if not inline:
        entry["location"] = {"physicalLocation": {"artifactLocation": {"uri": s["origin"].rsplit(":", 1)[0]}}}
    return [entry]


def sarif_document(doc: dict[str, Any]) -> dict[str, Any]:
    rules = doc.get("rules") or []
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for f in doc["findings"]:
        lead = _lead(f)
        related = [
            {
                "id": number,
                "physicalLocation": _physical(x["location"]),
                "message": {
                    "text": f"{x['rule']}: {x['message']}" + (f" Fix: {x['hint']}" if x.get("hint") else "")
                },
            }
            for number, x in enumerate(f["facets"], 1)
            if x.get("location")
        ]
        result: dict[str, Any] = {
            "ruleId": lead["rule"],
            "level": f["level"] if f["level"] in ("error", "warning", "note") else "warning",
            "kind": "fail",
            "message": {"text": f"{f['severity']}: {f['title']}. {f['summary']}"},
            "locations": _locations(doc, f),
            "partialFingerprints": {f"exposureFinding/{k}": v for k, v in f["fingerprint"].items()},
            "properties": {
                "id": f["id"],
                "severity": f["severity"],
                "security-severity": SECURITY_SEVERITY.get(f["severity"], "5.0"),
                "facets": [x["rule"] for x in f["facets"]],
                "classes": sorted({cls for c in f["columns"] for cls in c["classes"]}),
                "breadth": f["readers"]["breadth"],
                "containment": [s["statement"] for s in f["remediation"]["containment"]],
            },
        }
        if lead["rule"] in index:
            result["ruleIndex"] = index[lead["rule"]]
        if related:
            result["relatedLocations"] = related
        if f.get("baseline_state"):
            result["baselineState"] = f["baseline_state"]
        if f.get("first_seen"):
            result["provenance"] = {
                "firstDetectionTimeUtc": f["first_seen"],
                "lastDetectionTimeUtc": f["last_seen"],
            }
        suppressions = _suppressions(f)
        if suppressions:
            result["suppressions"] = suppressions
        results.append(result)
    for x in doc.get("fixed", []):
        rule = x["rules"][0] if x["rules"] else "EXP001"
        results.append(
            {
                "ruleId": rule,
                **({"ruleIndex": index[rule]} if rule in index else {}),
                "level": "none",
                "kind": "pass",
                "message": {"text": f"Fixed: {x['title']}"},
                "locations": _locations(
                    doc, {"object": {"name": x["table"], "database": x["database"], "table": x["name"]}}
                ),
                "partialFingerprints": {f"exposureFinding/{k}": v for k, v in x["fingerprint"].items()},
                "baselineState": "absent",
                "provenance": {
                    "firstDetectionTimeUtc": x["first_seen"],
                    "lastDetectionTimeUtc": x["last_seen"],
                },
            }
        )
    notifications: list[dict[str, Any]] = [
        {"level": "warning", "message": {"text": w}} for w in doc.get("warnings", [])
    ]
    for item in doc.get("not_checked", []):
        entry: dict[str, Any] = {"level": "warning", "message": {"text": f"not checked: {item['message']}"}}
        if item.get("file"):
            entry["locations"] = [{"physicalLocation": _physical(item)}]
        notifications.append(entry)
    exit_code = doc["run"].get("exit_code")
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": doc["tool"]["name"],
                "version": doc["tool"]["version"],
                "informationUri": doc["tool"]["information_uri"],
                "rules": [_rule(r) for r in rules],
            }
        },
        "automationDetails": {
            "id": f"exposure/{doc['run']['kind']}/{doc['run']['warehouse']}/{doc['run']['id']}"
        },
        "invocations": [
            {
                "executionSuccessful": bool(doc["coverage"]["complete"]),
                "startTimeUtc": doc["run"]["started_at"],
                "endTimeUtc": doc["run"]["finished_at"],
                **({"exitCode": exit_code} if exit_code is not None else {}),
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": results,
        "properties": {"coverage": doc["coverage"], "summary": doc["summary"]},
    }
    if any(f.get("location") for f in doc["findings"]) or doc.get("not_checked"):
        run["originalUriBaseIds"] = {"SRCROOT": {"uri": doc["run"].get("root_uri") or "file:///"}}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


@register
class SarifReporter(Reporter):
    name = "sarif"
    filename = "findings.sarif"
    description = "SARIF 2.1.0 for code-scanning dashboards"

    def render(self, doc: dict[str, Any]) -> str:
        return json.dumps(sarif_document(doc), indent=2) + "\n"
