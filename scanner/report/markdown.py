"""One Markdown SEV report per finding in sev/, ready to paste into an incident."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scanner.files import write_private
from scanner.report import Reporter, register
from scanner.report.templating import environment


@register
class MarkdownReporter(Reporter):
    name = "markdown"
    folder = "sev"

    def write(self, doc: dict[str, Any], out_dir: Path) -> list[Path]:
        env = environment(autoescape=False)
        template = env.get_template("sev.md.j2")
        folder = out_dir / self.folder
        if folder.is_dir():
            # A finding fixed since the last run must not leave its old report behind.
            for old in folder.glob("*.md"):
                old.unlink()
        written = []
        for finding in doc["findings"]:
            text = template.render(f=finding, run=doc["run"], tool=doc["tool"])
            written.append(write_private(folder / f"{finding['id']}.md", text))
        index = env.get_template("sev-index.md.j2").render(doc=doc)
        written.append(write_private(folder / "README.md", index))
        return written
