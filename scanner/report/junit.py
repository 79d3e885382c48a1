"""junit.xml for CI systems that read JUnit: one test suite per rule, one test case per finding
(failed, or skipped when suppressed), and a case per unreadable table."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from scanner.files import write_private
from scanner.report import Reporter, register


def junit_document(doc: dict[str, Any]) -> str:
    suites = ET.Element("testsuites", name="exposure", tests="0", failures="0", skipped="0")
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for finding in doc["findings"]:
        by_rule.setdefault(finding["rule"], []).append(finding)
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for rule, findings in sorted(by_rule.items()):
        suite = ET.SubElement(suites, "testsuite", name=rule, tests=str(len(findings)))
        failures = skipped = 0
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=f"{rule}.{f['table']}", name=f["id"])
            if f.get("suppressed"):
                skipped += 1
                ET.SubElement(case, "skipped", message=f"suppressed: {f['suppressed']['reason']}")
            else:
                failures += 1
                failure = ET.SubElement(
                    case, "failure", message=f"{f['severity']}: {f['title']}", type=f["severity"]
                )
                failure.text = "\n".join([f["summary"], "", *f["remediation"]])
        suite.set("failures", str(failures))
        suite.set("skipped", str(skipped))
        totals["tests"] += len(findings)
        totals["failures"] += failures
        totals["skipped"] += skipped
    unreadable = [t for t in doc["tables"] if t["status"] != "scanned"]
    if unreadable:
        suite = ET.SubElement(suites, "testsuite", name="coverage", tests=str(len(unreadable)))
        suite.set("errors", str(len(unreadable)))
        for t in unreadable:
            case = ET.SubElement(suite, "testcase", classname="coverage", name=t["table"])
            ET.SubElement(case, "error", message=t["error"] or "could not be read")
        totals["tests"] += len(unreadable)
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


@register
class JUnitReporter(Reporter):
    name = "junit"
    filename = "junit.xml"

    def write(self, doc: dict[str, Any], out_dir: Path) -> list[Path]:
        return [write_private(out_dir / self.filename, junit_document(doc))]
