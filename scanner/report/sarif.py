"""findings.sarif: SARIF 2.1.0 for code-scanning dashboards. Warehouse tables are not files, so each
result carries a logical location (db.table) and a hive:// artifact URI; identity is the versioned
fingerprint in partialFingerprints, never a position."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scanner.files import write_private
from scanner.report import Reporter, register

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"SEV0": "error", "SEV1": "error", "SEV2": "error", "SEV3": "warning", "SEV4": "note"}
SECURITY_SEVERITY = {"SEV0": "10.0", "SEV1": "9.0", "SEV2": "7.5", "SEV3": "5.0", "SEV4": "2.0"}


def _rule(rule: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": rule["id"],
        "name": rule["name"],
        "shortDescription": {"text": rule["name"].replace("-", " ")},
        "fullDescription": {"text": rule["description"] or rule["name"]},
        "help": {
            "text": rule["description"] or rule["name"],
            "markdown": f"**{rule['id']} {rule['name']}** ({rule['kind']})\n\n{rule['description']}",
        },
        "helpUri": f"https://github.com/exposure-scanner/exposure/blob/main/docs/rules.md#{rule['id'].lower()}",
        "defaultConfiguration": {"level": "error" if rule["kind"] == "exposure" else "warning"},
        "properties": {"tags": ["security", "privacy", rule["kind"]]},
    }


def _location(doc: dict[str, Any], table: str) -> dict[str, Any]:
    database, _, name = table.partition(".")
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": f"hive://{doc['run']['warehouse']}/{database}/{name}"}
        },
        "logicalLocations": [{"fullyQualifiedName": table, "name": name, "kind": "resource"}],
    }


def sarif_document(doc: dict[str, Any]) -> dict[str, Any]:
    rules = doc.get("rules") or []
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for f in doc["findings"]:
        result: dict[str, Any] = {
            "ruleId": f["rule"],
            "level": LEVELS.get(f["severity"], "warning"),
            "kind": "fail",
            "message": {"text": f"{f['severity']}: {f['title']}. {f['summary']}"},
            "locations": [_location(doc, f["table"])],
            "partialFingerprints": {f"exposureFinding/{k}": v for k, v in f["fingerprint"].items()},
            "properties": {
                "id": f["id"],
                "severity": f["severity"],
                "security-severity": SECURITY_SEVERITY.get(f["severity"], "5.0"),
                "classes": sorted({cls for c in f["columns"] for cls in c["classes"]}),
                "breadth": f["readers"]["breadth"],
                "remediation": f["remediation"],
            },
        }
        if f["rule"] in index:
            result["ruleIndex"] = index[f["rule"]]
        if f.get("baseline_state"):
            result["baselineState"] = f["baseline_state"]
        if f.get("first_seen"):
            result["provenance"] = {
                "firstDetectionTimeUtc": f["first_seen"],
                "lastDetectionTimeUtc": f["last_seen"],
            }
        if f.get("suppressed"):
            s = f["suppressed"]
            result["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": f"{s['reason']} (owner {s['owner']}, expires {s['expires']})",
                    "location": {
                        "physicalLocation": {"artifactLocation": {"uri": s["origin"].rsplit(":", 1)[0]}}
                    },
                }
            ]
        results.append(result)
    for x in doc.get("fixed", []):
        results.append(
            {
                "ruleId": x["rule"],
                **({"ruleIndex": index[x["rule"]]} if x["rule"] in index else {}),
                "level": "none",
                "kind": "pass",
                "message": {"text": f"Fixed: {x['title']}"},
                "locations": [_location(doc, x["table"])],
                "partialFingerprints": {f"exposureFinding/{k}": v for k, v in x["fingerprint"].items()},
                "baselineState": "absent",
                "provenance": {
                    "firstDetectionTimeUtc": x["first_seen"],
                    "lastDetectionTimeUtc": x["last_seen"],
                },
            }
        )
    complete = bool(doc["coverage"]["complete"])
    exit_code = doc["run"].get("exit_code")
    notifications = [{"level": "warning", "message": {"text": w}} for w in doc.get("warnings", [])]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": doc["tool"]["name"],
                        "version": doc["tool"]["version"],
                        "informationUri": doc["tool"]["information_uri"],
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "automationDetails": {"id": f"exposure/{doc['run']['warehouse']}/{doc['run']['id']}"},
                "invocations": [
                    {
                        "executionSuccessful": complete,
                        "startTimeUtc": doc["run"]["started_at"],
                        "endTimeUtc": doc["run"]["finished_at"],
                        **({"exitCode": exit_code} if exit_code is not None else {}),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
                "properties": {"coverage": doc["coverage"], "summary": doc["summary"]},
            }
        ],
    }


@register
class SarifReporter(Reporter):
    name = "sarif"
    filename = "findings.sarif"

    def write(self, doc: dict[str, Any], out_dir: Path) -> list[Path]:
        return [write_private(out_dir / self.filename, json.dumps(sarif_document(doc), indent=2) + "\n")]
