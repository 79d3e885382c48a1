"""junit.xml for CI systems that read JUnit: one test case per finding (one table) — failed, or
skipped when suppressed — and one per table that could not be read. Well-formed whatever the names
hold: characters XML 1.0 cannot carry are replaced."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

from scanner.report import Reporter, register

# Characters XML 1.0 forbids even as references (C0 controls but tab/newline/CR, surrogates, FFFE/FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: Any) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def junit_document(doc: dict[str, Any]) -> str:
    suites = ET.Element("testsuites", name="exposure")
    suite = ET.SubElement(suites, "testsuite", name=f"exposure {doc['run']['kind']}")
    failures = skipped = errors = 0
    for f in doc["findings"]:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=xml_text(f"{doc['run']['warehouse']}.{f['table']}"),
            name=xml_text(f["id"]),
        )
        if f.get("suppressed"):
            skipped += 1
            ET.SubElement(case, "skipped", message=xml_text(f"suppressed: {f['suppressed']['reason']}"))
            continue
        failures += 1
        failure = ET.SubElement(
            case, "failure", message=xml_text(f"{f['severity']}: {f['title']}"), type=f["severity"]
        )
        lines = [f["summary"], "", "Facets: " + ", ".join(x["rule"] for x in f["facets"]), "", "Containment:"]
        lines += [s["statement"] for s in f["remediation"]["containment"]] or ["(none: see long-term fixes)"]
        failure.text = xml_text("\n".join(lines))
    unreadable = [t for t in doc.get("tables", []) if t["status"] != "scanned"]
    for t in unreadable:
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="coverage", name=xml_text(t["table"]))
        ET.SubElement(case, "error", message=xml_text(t["error"] or "could not be read"))
    for item in doc.get("not_checked", []):
        errors += 1
        where = f"{item.get('file')}:{item.get('line')}"
        case = ET.SubElement(suite, "testcase", classname="not_checked", name=xml_text(where))
        ET.SubElement(case, "error", message=xml_text(item["message"]))
    tests = len(doc["findings"]) + errors
    for element in (suite, suites):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("skipped", str(skipped))
        element.set("errors", str(errors))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


@register
class JUnitReporter(Reporter):
    name = "junit"
    filename = "junit.xml"
    description = "JUnit XML: one test case per finding"

    def render(self, doc: dict[str, Any]) -> str:
        return junit_document(doc)
