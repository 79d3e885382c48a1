"""YAML loading that remembers line numbers, and schema validation that points at them.

Every YAML input (config, rule packs, grants) goes through `load_validated`, so a mistake anywhere
is reported as `file:line: message (hint)` before a scan starts.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from scanner.errors import ExposureError

PathKey = tuple[str | int, ...]


class LineMap:
    """Maps a path inside a YAML document (keys and list indexes) to the line it starts on."""

    def __init__(self, root: yaml.Node | None) -> None:
        self._lines: dict[PathKey, int] = {}
        if root is not None:
            self._walk(root, ())

    def _walk(self, node: yaml.Node, path: PathKey) -> None:
        self._lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = str(key_node.value)
                self._lines[(*path, key)] = key_node.start_mark.line + 1
                self._walk(value_node, (*path, key))
                self._lines[(*path, key)] = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, (*path, index))

    def line(self, path: PathKey) -> int | None:
        """The line of the deepest known prefix of `path`."""
        for end in range(len(path), -1, -1):
            found = self._lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


def load_yaml(path: Path, error: type[ExposureError]) -> tuple[Any, LineMap]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("file not found", file=path, hint="check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read file: {exc}", file=path) from None
    return parse_yaml(text, path, error)


def parse_yaml(text: str, path: Path, error: type[ExposureError]) -> tuple[Any, LineMap]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise error(
            f"invalid YAML: {problem}",
            file=path,
            line=line,
            hint="check indentation and quoting on that line",
        ) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", file=path) from None
    return data, LineMap(root)


def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("scanner.schemas").joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _hint(err: jsonschema.ValidationError) -> str | None:
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        schema = err.schema if isinstance(err.schema, dict) else {}
        allowed = sorted((schema.get("properties") or {}).keys())
        extra = [k for k in err.instance if k not in allowed]
        for key in extra:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            if close:
                return f"did you mean '{close[0]}'?"
        return f"allowed keys: {', '.join(allowed)}" if allowed else None
    if err.validator == "enum":
        options = [str(o) for o in err.validator_value] if isinstance(err.validator_value, list) else []
        close = difflib.get_close_matches(str(err.instance), options, n=1)
        if close:
            return f"did you mean '{close[0]}'?"
        return f"expected one of: {', '.join(options)}"
    hint = err.schema.get("x-hint") if isinstance(err.schema, dict) else None
    return str(hint) if hint else None


def _message(err: jsonschema.ValidationError) -> str:
    where = ".".join(str(p) for p in err.absolute_path)
    if err.validator == "additionalProperties":
        text = err.message.replace(" were unexpected", "").replace(" was unexpected", "")
        body = f"unknown key {text.split('(')[-1].rstrip(')')}"
    elif err.validator == "required":
        body = err.message.replace("is a required property", "is required")
    elif err.validator == "type":
        body = f"expected {err.validator_value}, got {type(err.instance).__name__}"
    else:
        body = err.message
    return f"{where}: {body}" if where else body


def validate(
    data: Any,
    schema: dict[str, Any],
    lines: LineMap,
    path: Path,
    error: type[ExposureError],
    extra_checks: Callable[[Any], None] | None = None,
) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), str(e.path)))
    if errors:
        # The deepest, earliest error is the one a person fixes first.
        first = min(
            errors,
            key=lambda e: (lines.line(tuple(e.absolute_path)) or 0, -len(e.absolute_path)),
        )
        where = tuple(first.absolute_path)
        if first.validator == "additionalProperties" and isinstance(first.instance, dict):
            allowed = (first.schema.get("properties") or {}) if isinstance(first.schema, dict) else {}
            extra = [k for k in first.instance if k not in allowed]
            if extra:
                where = (*where, str(extra[0]))
        raise error(_message(first), file=path, line=lines.line(where), hint=_hint(first))
    if extra_checks is not None:
        extra_checks(data)


def load_validated(path: Path, schema_name: str, error: type[ExposureError]) -> tuple[Any, LineMap]:
    data, lines = load_yaml(path, error)
    if data is None:
        data = {}
    validate(data, load_schema(schema_name), lines, path, error)
    return data, lines
