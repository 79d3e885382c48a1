"""findings.json: the machine-readable result, versioned by schema_version."""

from __future__ import annotations

import json
from typing import Any

from scanner.report import Reporter, register


@register
class JsonReporter(Reporter):
    name = "json"
    filename = "findings.json"
    description = "the findings document (schema scanner/schemas/findings.schema.json)"

    def render(self, doc: dict[str, Any]) -> str:
        return json.dumps(doc, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
