"""findings.json: the machine-readable result, versioned by schema_version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scanner.files import write_private
from scanner.report import Reporter, register


@register
class JsonReporter(Reporter):
    name = "json"
    filename = "findings.json"

    def write(self, doc: dict[str, Any], out_dir: Path) -> list[Path]:
        text = json.dumps(doc, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
        return [write_private(out_dir / self.filename, text)]
