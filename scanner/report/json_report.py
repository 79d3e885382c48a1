"""findings.json: the machine-readable result, versioned by schema_version."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scanner.files import write_private
from scanner.report import Reporter, register

_ENCODER = json.JSONEncoder(indent=2, sort_keys=False, ensure_ascii=False)


@register
class JsonReporter(Reporter):
    name = "json"
    filename = "findings.json"
    description = "the findings document (schema scanner/schemas/findings.schema.json)"

    def render(self, doc: dict[str, Any]) -> str:
        return "".join(self._chunks(doc))

    def write(self, doc: dict[str, Any], out_dir: Path) -> list[Path]:
        # streamed: a 45,000-table document is never held as one string
        return [write_private(out_dir / self.filename, self._chunks(doc))]

    @staticmethod
    def _chunks(doc: dict[str, Any]) -> Iterator[str]:
        return itertools.chain(_ENCODER.iterencode(doc), ("\n",))
