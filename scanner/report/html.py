"""report.html: one self-contained incident report (inline CSS and script, no network)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scanner.files import write_private
from scanner.report import Reporter, register
from scanner.report.templating import environment

SEVERITY_COLOURS = {
    "SEV0": "#7f1d1d",
    "SEV1": "#b91c1c",
    "SEV2": "#c2410c",
    "SEV3": "#a16207",
    "SEV4": "#4b5563",
}


@register
class HtmlReporter(Reporter):
    name = "html"
    filename = "report.html"

    def write(self, doc: dict[str, Any], out_dir: Path) -> list[Path]:
        env = environment(autoescape=True)
        css = env.loader.get_source(env, "report.css")[0] if env.loader else ""
        text = env.get_template("report.html.j2").render(doc=doc, css=css, colours=SEVERITY_COLOURS)
        return [write_private(out_dir / self.filename, text)]
