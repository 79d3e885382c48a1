"""Jinja2 environment over the templates shipped in the package (reports/ in the repository)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import jinja2

TEMPLATE_PACKAGE = "scanner.templates"


def _load(name: str) -> str:
    resource = resources.files(TEMPLATE_PACKAGE).joinpath(name)
    if not resource.is_file():
        raise jinja2.TemplateNotFound(name)
    return resource.read_text(encoding="utf-8")


@cache
def environment(autoescape: bool) -> jinja2.Environment:
    # Markdown output is not HTML: escaping would corrupt it; the HTML environment autoescapes.
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        autoescape=autoescape,  # noqa: S701
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda x: f"{100 * float(x):.1f} %"
    env.filters["split_db"] = lambda fqn: str(fqn).split(".", 1)[0]
    env.filters["status_text"] = status_text
    return env


def status_text(finding: dict[str, Any]) -> str:
    suppressed = finding.get("suppressed")
    if suppressed:
        return f"Suppressed until {suppressed['expires']} by {suppressed['owner']}: {suppressed['reason']}"
    state = finding.get("baseline_state")
    if state == "new":
        return "Open — new in this run"
    if state == "unchanged":
        return f"Open — first seen {finding['first_seen']}, still present"
    return "Open"
