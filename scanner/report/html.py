"""report.html: one self-contained incident report (inline CSS and script, no network). It leads with
the incident summary and the worst tables; totals follow the filters."""

from __future__ import annotations

from typing import Any

from scanner.report import Reporter, register
from scanner.report.templating import environment


def view_of(doc: dict[str, Any]) -> dict[str, Any]:
    """Aggregates the template would otherwise recompute per finding (quadratic at 45,000 tables)."""
    classes_of: dict[str, list[str]] = {}
    databases: set[str] = set()
    classes: set[str] = set()
    principals: set[str] = set()
    id_of: dict[str, str] = {}
    for f in doc["findings"]:
        found = sorted({c for col in f["columns"] for c in col["classes"]})
        classes_of[f["id"]] = found
        classes.update(found)
        databases.add(f["object"]["database"])
        principals.update(
            f["readers"]["principals"] if f["readers"]["breadth"] in ("everyone", "broad") else ()
        )
        id_of.setdefault(f["table"], f["id"])
    incident = doc.get("incident") or {}
    people = (incident.get("readers") or {}).get("people_at_least")
    return {
        "classes_of": classes_of,
        "databases": sorted(databases),
        "classes": sorted(classes),
        "principals": sorted(principals),
        "people": people,
        "id_of": id_of,
    }


@register
class HtmlReporter(Reporter):
    name = "html"
    filename = "report.html"
    description = "one self-contained HTML incident report"

    def render(self, doc: dict[str, Any]) -> str:
        env = environment(autoescape=True)
        css = env.loader.get_source(env, "report.css")[0] if env.loader else ""
        return env.get_template("report.html.j2").render(doc=doc, css=css, view=view_of(doc))
