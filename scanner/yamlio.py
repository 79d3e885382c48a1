"""One safe loader for every input file, YAML with line numbers, and schema validation that
points at them.

Every input (config, rule packs, grants, Ranger exports, suppressions, directory, stored reports,
DDL) is read through `read_text`: regular files only (no FIFOs, devices or /dev/zero symlinks), a
size limit, strict UTF-8. YAML is built from the parser's event stream without recursion: nesting is
bounded, anchors and aliases are refused (no anchor bombs), duplicate keys are errors, and scalars
resolve by the YAML 1.2 core schema so `yes`, `010` and `2027-02-30` stay strings; mapping keys are
always strings. JSON gets the same limits. Every problem is an `ExposureError` with file:line and a
hint, never a traceback.
"""

from __future__ import annotations

import codecs
import difflib
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import jsonschema
import yaml

from scanner.errors import ExposureError

PathKey = tuple[str | int, ...]

MAX_INPUT_BYTES = 64 * 1024 * 1024  # SQL, JSON and DDL inputs
MAX_YAML_BYTES = 8 * 1024 * 1024  # hand-written YAML; the pure-Python parser is slow beyond this
MAX_DEPTH = 64  # nesting of mappings and lists; real inputs need fewer than ten levels
MAX_NUMBER_DIGITS = 64  # Python refuses to parse ints past 4,300 digits; no real id needs 64
_READ_CHUNK = 1024 * 1024


def _fail(
    error: type[ExposureError], message: str, path: str | Path, line: int | None, hint: str
) -> NoReturn:
    raise error(message, file=path, line=line, hint=hint)


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(
    path: Path, error: type[ExposureError], what: str = "file", limit: int = MAX_INPUT_BYTES
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Opened non-blocking, so a FIFO swapped
    in for the file cannot hang the scan, and checked on the open descriptor, so a symlink to
    /dev/zero is refused rather than read forever."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        _fail(error, f"{what} not found", path, None, "check the path")
    except ValueError:
        _fail(error, f"{what} name holds a NUL byte", repr(str(path)), None, "check how the path was written")
    except OSError as exc:
        _fail(error, f"cannot read {what}: {exc.strerror}", path, None, "check the path and its permissions")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            _fail(error, f"{what} is {_kind_of(info.st_mode)}", path, None, "give a regular file")
        if info.st_size > limit:
            _fail(
                error,
                f"{what} is larger than {limit // (1024 * 1024)} MiB",
                path,
                None,
                "split it, or check that this is the file you meant",
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            try:
                chunk = os.read(fd, _READ_CHUNK)
            except BlockingIOError:
                _fail(error, f"{what} cannot be read without waiting", path, None, "give a regular file")
            except OSError as exc:
                _fail(error, f"cannot read {what}: {exc.strerror}", path, None, "check the file")
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        _fail(
            error,
            f"{what} is larger than {limit // (1024 * 1024)} MiB",
            path,
            None,
            "split it, or check that this is the file you meant",
        )
    return b"".join(chunks)


def decode_utf8(data: bytes, path: Path, error: type[ExposureError], what: str = "file") -> str:
    """Strict UTF-8 (a leading byte-order mark is dropped); the error names the line of the bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        _fail(
            error,
            f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02x})",
            path,
            line,
            "save the file as UTF-8",
        )


def read_text(
    path: Path, error: type[ExposureError], what: str = "file", limit: int = MAX_INPUT_BYTES
) -> str:
    return decode_utf8(read_bytes(path, error, what, limit), path, error, what)


def first_bad_utf8_line(path: Path) -> int:
    """The line of the first byte that is not UTF-8, read in chunks (for streamed inputs)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    newlines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_READ_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return newlines + chunk.count(b"\n", 0, max(exc.start, 0)) + 1
            newlines += chunk.count(b"\n")
    return newlines + 1


def ensure_regular_file(path: Path, error: type[ExposureError], what: str = "file") -> None:
    """For inputs read as a stream (CSV): the same refusal of FIFOs and devices, without reading."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        _fail(error, f"{what} not found", path, None, "check the path")
    except ValueError:
        _fail(error, f"{what} name holds a NUL byte", repr(str(path)), None, "check how the path was written")
    except OSError as exc:
        _fail(error, f"cannot read {what}: {exc.strerror}", path, None, "check the path and its permissions")
    if not stat.S_ISREG(info.st_mode):
        _fail(error, f"{what} is {_kind_of(info.st_mode)}", path, None, "give a regular file")


# --- YAML ---------------------------------------------------------------------------------------


class LineMap:
    """Maps a path inside a document (keys and list indexes) to the line it starts on."""

    def __init__(self, lines: dict[PathKey, int] | None = None) -> None:
        self._lines: dict[PathKey, int] = dict(lines or {})

    def line(self, path: PathKey) -> int | None:
        """The line of the deepest known prefix of `path`."""
        for end in range(len(path), -1, -1):
            found = self._lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


# The YAML 1.2 core schema (yaml.org/spec/1.2.2, 10.3.2), not PyYAML's YAML 1.1 resolver: `yes`,
# `on`, `010`-as-octal, `1:20` and dates are not special, so names and dates stay strings.
_NULL = re.compile(r"null|Null|NULL|~|")
_TRUE = re.compile(r"true|True|TRUE")
_FALSE = re.compile(r"false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
_STR_TAG = "tag:yaml.org,2002:str"


def _plain_scalar(text: str) -> Any:
    if _NULL.fullmatch(text):
        return None
    if _TRUE.fullmatch(text):
        return True
    if _FALSE.fullmatch(text):
        return False
    for pattern, base in ((_INT, 10), (_OCT, 8), (_HEX, 16)):
        if pattern.fullmatch(text):
            if len(text) > MAX_NUMBER_DIGITS:
                raise ValueError(f"a number of {len(text)} digits is too long")
            return int(text[2:] if base != 10 else text, base)
    if _FLOAT.fullmatch(text):
        if len(text) > MAX_NUMBER_DIGITS:
            raise ValueError(f"a number of {len(text)} digits is too long")
        return float(text)
    if _INF.fullmatch(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.fullmatch(text):
        return float("nan")
    return text


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Frame:
    __slots__ = ("container", "key", "key_line", "path")

    def __init__(self, container: dict[str, Any] | list[Any], path: PathKey) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_line = 0


def parse_yaml(text: str, path: Path, error: type[ExposureError]) -> tuple[Any, LineMap]:
    """One YAML document as plain data, and where each part of it starts."""
    lines: dict[PathKey, int] = {}
    stack: list[_Frame] = []
    root: Any = None
    documents = 0

    def fail(message: str, mark: Any, hint: str) -> NoReturn:
        _fail(error, message, path, mark.line + 1 if mark is not None else 1, hint)

    def place(value: Any, event: Any) -> PathKey | None:
        """Attach a finished value or a new container to its parent; its path, or None for a key."""
        nonlocal root
        line = event.start_mark.line + 1
        if not stack:
            root = value
            lines[()] = line
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            where: PathKey = (*frame.path, len(frame.container))
            frame.container.append(value)
            lines[where] = line
            return where
        if frame.key is None:
            if not isinstance(value, str):
                fail("a mapping key must be a plain string", event.start_mark, "write the key as text")
            if value in frame.container:
                first = lines.get((*frame.path, value))
                fail(
                    f"duplicate key '{value}'" + (f" (first on line {first})" if first else ""),
                    event.start_mark,
                    "each key may appear once in a mapping; remove or merge one",
                )
            frame.key, frame.key_line = value, line
            return None
        where = (*frame.path, frame.key)
        frame.container[frame.key] = value
        lines[where] = frame.key_line
        frame.key = None
        return where

    def check_node(event: Any, allowed_tags: tuple[str | None, ...]) -> None:
        if event.anchor is not None:
            fail(
                "YAML anchors (&name) are not accepted",
                event.start_mark,
                "write the value out in full; anchors and aliases are refused so no file can expand",
            )
        if event.tag not in allowed_tags:
            fail(f"YAML tag {event.tag} is not accepted", event.start_mark, "remove the tag; plain values do")

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    fail("more than one YAML document", event.start_mark, "keep one document per file")
            elif isinstance(event, yaml.AliasEvent):
                fail(
                    "YAML aliases (*name) are not accepted",
                    event.start_mark,
                    "write the value out in full; aliases could expand a small file into millions of nodes",
                )
            elif isinstance(event, yaml.ScalarEvent):
                check_node(event, (None, "!", _STR_TAG))
                key_position = bool(stack) and isinstance(stack[-1].container, dict) and stack[-1].key is None
                plain = not event.style and event.implicit[0] and event.tag is None
                if key_position or not plain:
                    value: Any = event.value
                else:
                    try:
                        value = _plain_scalar(event.value)
                    except ValueError as exc:
                        fail(str(exc), event.start_mark, "quote it if it is a name or an id")
                place(value, event)
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                check_node(event, (None, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))
                if stack and isinstance(stack[-1].container, dict) and stack[-1].key is None:
                    fail("a mapping key must be a plain string", event.start_mark, "write the key as text")
                if len(stack) >= MAX_DEPTH:
                    fail(
                        f"nested more than {MAX_DEPTH} levels deep",
                        event.start_mark,
                        "flatten the document; no input needs this depth",
                    )
                container: dict[str, Any] | list[Any] = (
                    {} if isinstance(event, yaml.MappingStartEvent) else []
                )
                where = place(container, event)
                assert where is not None
                stack.append(_Frame(container, where))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        fail(f"invalid YAML: {problem}", mark, "check indentation and quoting on that line")
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else 1
        reason = getattr(exc, "reason", None) or "unreadable YAML"
        _fail(error, f"invalid YAML: {reason}", path, line, "remove control characters; save as UTF-8")
    return root, LineMap(lines)


def load_yaml(path: Path, error: type[ExposureError], what: str = "file") -> tuple[Any, LineMap]:
    return parse_yaml(read_text(path, error, what, MAX_YAML_BYTES), path, error)


# --- JSON ---------------------------------------------------------------------------------------


class _JSONProblem(ValueError):
    def __init__(self, message: str, needle: str | None = None, occurrence: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.needle = needle
        self.occurrence = occurrence


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JSONProblem(f"duplicate key '{key}'", json.dumps(key), 2)
        out[key] = value
    return out


def _bounded_int(text: str) -> int:
    if len(text) > MAX_NUMBER_DIGITS:
        raise _JSONProblem(f"a number of {len(text)} digits is too long", text[:MAX_NUMBER_DIGITS])
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise _JSONProblem(f"a number of {len(text)} characters is too long", text[:MAX_NUMBER_DIGITS])
    return float(text)


def _no_constant(text: str) -> Any:
    raise _JSONProblem(f"{text} is not JSON", text)


def _line_of(text: str, needle: str | None, occurrence: int = 1) -> int | None:
    if not needle:
        return None
    index = -1
    for _ in range(occurrence):
        index = text.find(needle, index + 1)
        if index < 0:
            return None
    return text.count("\n", 0, index) + 1


def json_brackets(text: str) -> Iterator[tuple[str, int, int, str]]:
    """Each bracket of a JSON text outside its strings, as (bracket, line, depth before it, the last
    string seen): the line a malformed or hostile document goes wrong on, found without parsing it.
    A character scan: only run on the error path."""
    depth, line, in_string, escaped = 0, 1, False, False
    string_start, last_string = 0, ""
    for index, char in enumerate(text):
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
                last_string = text[string_start:index]
        elif char == '"':
            in_string, string_start = True, index + 1
        elif char in "[{]}":
            yield char, line, depth, last_string
            depth += 1 if char in "[{" else -1


def _too_deep_line(text: str) -> int | None:
    """The line where nesting first passes MAX_DEPTH."""
    for char, line, depth, _ in json_brackets(text):
        if char in "[{" and depth + 1 > MAX_DEPTH:
            return line
    return None


def _depth_exceeds(data: Any) -> bool:
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def parse_json(text: str, path: Path | str, error: type[ExposureError], what: str = "JSON") -> Any:
    """JSON with duplicate keys, NaN, overlong numbers and deep nesting refused, each with its line."""
    hint = "is the file complete and valid JSON?"
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_int=_bounded_int,
            parse_float=_bounded_float,
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as exc:
        _fail(error, f"malformed {what}: {exc.msg}", path, exc.lineno, hint)
    except _JSONProblem as exc:
        _fail(
            error,
            f"malformed {what}: {exc.message}",
            path,
            _line_of(text, exc.needle, exc.occurrence),
            "fix that value",
        )
    except RecursionError:
        _fail(error, f"{what} is nested too deeply", path, _too_deep_line(text) or 1, "flatten the document")
    if _depth_exceeds(data):
        _fail(
            error,
            f"{what} is nested more than {MAX_DEPTH} levels deep",
            path,
            _too_deep_line(text) or 1,
            "flatten the document; no input needs this depth",
        )
    return data


def load_json(path: Path, error: type[ExposureError], what: str = "JSON file") -> tuple[Any, str]:
    text = read_text(path, error, what)
    return parse_json(text, path, error, what), text


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
    if hint:
        return str(hint)
    if err.validator == "type":
        return f"write a {err.validator_value} here; quote text that looks like a number"
    return "see the file's format in docs/"


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
        raise error(_message(first), file=path, line=lines.line(where) or 1, hint=_hint(first))
    if extra_checks is not None:
        extra_checks(data)


def load_validated(
    path: Path, schema_name: str, error: type[ExposureError], what: str = "file"
) -> tuple[Any, LineMap]:
    data, lines = load_yaml(path, error, what)
    if data is None:
        data = {}
    validate(data, load_schema(schema_name), lines, path, error)
    return data, lines
