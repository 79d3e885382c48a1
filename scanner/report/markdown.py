"""Markdown for the incident: INCIDENT.md (the whole incident, paste it first), one SEV-ready report
per exposed table in sev/, and an index. Names from the warehouse are escaped; ids are checked
before they become file names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scanner.files import write_private
from scanner.report import Reporter, register, safe_id
from scanner.report.templating import environment


def _siblings(doc: dict[str, Any], finding: dict[str, Any]) -> list[dict[str, Any]]:
    """The containment steps this table shares with other exposed tables, and those tables."""
    statements = {s["statement"] for s in finding["remediation"]["containment"]}
    incident = doc.get("incident") or {}
    out = []
    for step in incident.get("containment", []):
        others = [t for t in step["tables"] if t != finding["table"]]
        if step["statement"] in statements and others:
            out.append({"statement": step["statement"], "tables": others})
    return out


@register
class MarkdownReporter(Reporter):
    name = "markdown"
    filename = "INCIDENT.md"
    folder = "sev"
    description = "INCIDENT.md and one SEV report per table in sev/"

    def render(self, doc: dict[str, Any]) -> str:
        env = environment(autoescape=False)
        return env.get_template("incident.md.j2").render(doc=doc)

    def write(self, doc: dict[str, Any], out_dir: Path) -> list[Path]:
        env = environment(autoescape=False)
        template = env.get_template("sev.md.j2")
        folder = out_dir / self.folder
        written = [write_private(out_dir / self.filename, self.render(doc))]
        for finding in doc["findings"]:
            name = safe_id(finding)
            text = template.render(
                f=finding, run=doc["run"], tool=doc["tool"], siblings=_siblings(doc, finding)
            )
            written.append(write_private(folder / f"{name}.md", text))
        index = env.get_template("sev-index.md.j2").render(doc=doc)
        written.append(write_private(folder / "README.md", index))
        return written
