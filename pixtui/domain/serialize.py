"""Dataclass <-> JSON-ready dict, for the store. Dates ISO, instants UTC ISO-8601 with offset."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from pixtui.domain.text import CONTROL_CLASS, safe_text

T = TypeVar("T")


def to_record(obj: Any) -> Any:
    """A JSON-ready copy of a dataclass (recursively)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_record(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime):
        if obj.tzinfo is None:
            raise ValueError("naive datetime cannot be stored")
        return obj.astimezone(UTC).isoformat()
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, time):
        return obj.strftime("%H:%M")
    if isinstance(obj, (list, tuple)):
        return [to_record(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): to_record(value) for key, value in obj.items()}
    return obj


Converter = Callable[[Any], Any]

# What makes a stored text need :func:`safe_text`'s work (its controls, tabs and carriage
# returns); a text without any is returned as it is, tested here without two calls per text.
_NEEDS_CLEANING = re.compile(f"[{CONTROL_CLASS}\t\r]").search


def _identity(value: Any) -> Any:
    return value


def _safe_str(value: Any) -> Any:
    """Every text read back from the store, without terminal controls (see domain/text.py):
    a record written before imports refused them, or edited by hand in the JSON file, never
    reaches a terminal, a CSV or a PDF raw."""
    return safe_text(value, multiline=True) if isinstance(value, str) else value


def _to_float(value: Any) -> Any:
    return float(value) if isinstance(value, int) else value


def _enum(hint: type[Enum]) -> Converter:
    """``hint(value)`` through a dict of the members by value (Enum's call is slow Python, and
    a store converts ~60,000 enum values at start-up); anything else goes to ``hint(value)``,
    which returns the same member or raises the same error."""
    members = {member.value: member for member in hint}

    def convert(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            return hint(value)

    return convert


@cache
def _converter(hint: Any) -> Converter:
    """A function turning a stored value into ``hint``; built once per type (hot path)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _converter(options[0]) if len(options) == 1 else _identity
    if origin in (list, tuple):
        (item_hint, *_) = typing.get_args(hint) or (Any,)
        item = _converter(item_hint)
        if item is _identity:
            return list
        return lambda value: [item(x) if x is not None else None for x in value]
    if origin is dict:
        _, value_hint = typing.get_args(hint) or (Any, Any)
        item = _converter(value_hint)
        return lambda value: {k: item(v) if v is not None else None for k, v in value.items()}
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return lambda value: from_record(hint, value)
        if issubclass(hint, Enum):
            return _enum(hint)
        if hint is datetime:
            return datetime.fromisoformat
        if hint is date:
            return date.fromisoformat
        if hint is time:
            return time.fromisoformat
        if hint is float:
            return _to_float
        if hint is str:
            return _safe_str
    return _identity


@cache
def _fields(cls: type) -> tuple[tuple[str, Converter], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((field.name, _converter(hints[field.name])) for field in dataclasses.fields(cls))


@cache
def _builder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """``from_record`` for one class, compiled once: one test per field and no call for a
    text that needs no cleaning (a lycée's store converts ~500,000 texts at start-up).

    What it does is the loop of :func:`from_record`'s docstring, field by field: a missing key
    takes the default, a stored None stays None, any other value goes through the converter.
    """
    names: dict[str, Any] = {"cls": cls, "clean": _NEEDS_CLEANING, "str": str}
    lines = ["def build(data):", "    kwargs = {}"]
    for index, (name, convert) in enumerate(_fields(cls)):
        names[f"convert{index}"] = convert
        lines += [f"    if {name!r} in data:", f"        value = data[{name!r}]"]
        if convert is _safe_str:  # the common case, without the two calls of _safe_str
            lines.append(
                f"        kwargs[{name!r}] = value if value is None or "
                f"(value.__class__ is str and clean(value) is None) else convert{index}(value)"
            )
        elif convert is _identity:
            lines.append(f"        kwargs[{name!r}] = value")
        else:
            lines.append(
                f"        kwargs[{name!r}] = None if value is None else convert{index}(value)"
            )
    lines.append("    return cls(**kwargs)")
    exec("\n".join(lines), names)  # noqa: S102 - built from the dataclass's own field names
    return typing.cast(Callable[[dict[str, Any]], Any], names["build"])


def from_record(cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from a stored dict; unknown keys are ignored, missing ones take defaults."""
    build: Callable[[dict[str, Any]], T] = _builder(cls)  # type: ignore[arg-type]
    return build(data)
