"""Column profiles as plain JSON, for engines that classify where the values are.

A profile computed inside an engine (Spark executors) crosses the network as text and is rebuilt
on the client as the same `ColumnProfile`. The codec walks dataclass fields and their type hints
rather than naming them, so a field added to `ColumnProfile` or `ClassEvidence` travels without a
change here. It carries what a profile holds (counts, class ids, masked examples) and nothing else.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from enum import Enum
from functools import cache
from typing import Any

from scanner.classify import ColumnProfile

CODEC_VERSION = 1


def to_data(value: Any) -> Any:
    """A JSON-ready form of a dataclass tree: mappings become [key, value] pairs (keys need not be
    strings), enums their values, sets sorted lists. Fields at their default are left out (most
    of a profile's counts are zero); the dataclass supplies them again when it is rebuilt."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_data(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not _at_default(f, getattr(value, f.name))
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return [[to_data(k), to_data(v)] for k, v in value.items()]
    if isinstance(value, set | frozenset):
        return sorted((to_data(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot encode a {type(value).__name__} in a profile")


def _at_default(field: dataclasses.Field[Any], value: Any) -> bool:
    if field.default is not dataclasses.MISSING:
        return bool(value == field.default)
    if field.default_factory is not dataclasses.MISSING:
        return bool(value == field.default_factory())
    return False


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(hint: Any, data: Any) -> Any:
    """Rebuild a value of type `hint` from `to_data` output; raises ValueError on a mismatch."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return data
    if origin is typing.Union or origin is types.UnionType:
        if data is None and type(None) in args:
            return None
        errors = []
        for arg in (a for a in args if a is not type(None)):
            try:
                return from_data(arg, data)
            except (TypeError, ValueError) as exc:
                errors.append(str(exc))
        raise ValueError(f"no member of {hint} fits: {'; '.join(errors)}")
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise ValueError(f"{hint.__name__} needs an object")
        fields = {f.name: f for f in dataclasses.fields(hint)}
        unknown = set(data) - set(fields)
        if unknown:
            raise ValueError(f"{hint.__name__} has no field(s) {sorted(unknown)}")
        hints = _hints(hint)
        return hint(**{name: from_data(hints[name], item) for name, item in data.items()})
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(data)
    container = origin or hint
    if container in (Mapping, dict, typing.Mapping) or (
        isinstance(container, type) and issubclass(container, Mapping)
    ):
        key_hint, value_hint = args or (Any, Any)
        return {from_data(key_hint, k): from_data(value_hint, v) for k, v in _pairs(data)}
    if container in (tuple, list, set, frozenset):
        if not isinstance(data, list):
            raise ValueError(f"{hint} needs a list")
        if container is tuple and len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], v) for v in data)
        if container is tuple and args:
            return tuple(from_data(a, v) for a, v in zip(args, data, strict=True))
        item = args[0] if args else Any
        return container(from_data(item, v) for v in data)
    if hint is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if hint in (int, str, bool) and type(data) is hint:
        return data
    if hint is type(None) and data is None:
        return None
    raise ValueError(f"expected {hint}, got {type(data).__name__}")


def _pairs(data: Any) -> list[tuple[Any, Any]]:
    if not isinstance(data, list) or not all(isinstance(p, list) and len(p) == 2 for p in data):
        raise ValueError("a mapping needs [key, value] pairs")
    return [(k, v) for k, v in data]


def encode_profile(profile: ColumnProfile) -> str:
    return json.dumps({"v": CODEC_VERSION, "profile": to_data(profile)}, separators=(",", ":"))


def decode_profile(text: str) -> ColumnProfile:
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("v") != CODEC_VERSION:
        raise ValueError("not a column profile of this codec version")
    profile: ColumnProfile = from_data(ColumnProfile, document["profile"])
    return profile
