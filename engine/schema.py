"""Declared, validated lab states: one generic (de)serialiser for every lab's frozen dataclass.

A field declared with :func:`spec` carries its own rules (bounds, choices, lengths, expression variables), so a scene
file from another machine is checked field by field and refused with a message naming the offending field.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from typing import Any

from engine.expr import ExpressionError, parse

__all__ = [
    "FieldError",
    "SchemaError",
    "FieldSpec",
    "spec",
    "field_spec",
    "field_specs",
    "to_dict",
    "from_dict",
    "check",
]

MAX_DEPTH = 12
DEFAULT_MAX_CHARS = 200
DEFAULT_MAX_LEN = 10_000


class FieldError(ValueError):
    """Untrusted input refused; ``field`` is the path of the offending field (empty when the whole input is wrong)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


class SchemaError(FieldError):
    """A value does not fit its declared field; ``field`` is a path such as ``vectors[1][0]``."""


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """Everything known about one user-settable field, written once beside its state.

    Sliders, spin boxes, the scene/lesson validator and lesson goals all read it, so a parameter has exactly one
    range. ``lo``/``hi`` bound every number inside the field; ``step`` is the normal arrow-key/spin step (Shift
    divides it by 10, Ctrl multiplies it by 10); ``soft_lo``/``soft_hi`` narrow a slider to a teaching range inside
    the domain; ``unit`` and ``label`` are shown next to the control.
    """

    name: str
    default: Any
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    unit: str = ""
    label: str = ""
    soft_lo: float | None = None
    soft_hi: float | None = None
    log: bool = False
    decimals: int | None = None
    choices: tuple[Any, ...] | None = None
    max_len: int | None = None
    max_chars: int | None = None
    expr: tuple[str, ...] | None = None
    integer: bool = False

    @property
    def slider_range(self) -> tuple[float, float]:
        """The range a slider spans: the teaching range where one is given, else the domain."""
        lo = self.soft_lo if self.soft_lo is not None else self.lo
        hi = self.soft_hi if self.soft_hi is not None else self.hi
        if lo is None or hi is None:
            raise ValueError(f"field {self.name!r} has no finite range for a slider")
        return float(lo), float(hi)

    def clamp(self, value: float) -> float:
        """``value`` moved inside [lo, hi] (and to a whole number for integer fields)."""
        if self.lo is not None:
            value = max(value, self.lo)
        if self.hi is not None:
            value = min(value, self.hi)
        return int(round(value)) if self.integer else value


def spec(
    default: Any,
    *,
    lo: float | None = None,
    hi: float | None = None,
    step: float | None = None,
    unit: str = "",
    label: str = "",
    soft_lo: float | None = None,
    soft_hi: float | None = None,
    log: bool = False,
    decimals: int | None = None,
    choices: tuple[Any, ...] | None = None,
    max_len: int | None = None,
    max_chars: int | None = None,
    expr: tuple[str, ...] | None = None,
    integer: bool = False,
) -> Any:
    """Declare a state field with its default, validation rules and control hints (see docs/ARCHITECTURE.md)."""
    meta = {
        "lo": lo,
        "hi": hi,
        "step": step,
        "unit": unit,
        "label": label,
        "soft_lo": soft_lo,
        "soft_hi": soft_hi,
        "log": log,
        "decimals": decimals,
        "choices": choices,
        "max_len": max_len,
        "max_chars": max_chars,
        "expr": expr,
        "integer": integer,
    }
    if isinstance(default, (list, dict, set)):
        raise TypeError("state defaults must be immutable (use tuples)")
    return dataclasses.field(default=default, metadata={"spec": meta})


def field_spec(cls: type, name: str) -> FieldSpec:
    """The declared :class:`FieldSpec` of field ``name`` of state class ``cls`` (KeyError naming the known fields)."""
    for f in dataclasses.fields(cls):
        if f.name == name:
            meta = f.metadata.get("spec", {})
            default = f.default if f.default is not dataclasses.MISSING else None
            return FieldSpec(name=name, default=default, **meta)
    known = ", ".join(f.name for f in dataclasses.fields(cls))
    raise KeyError(f"{cls.__name__} has no field {name!r}; fields: {known}")


def field_specs(cls: type) -> dict[str, FieldSpec]:
    """Every field's :class:`FieldSpec`, by name, in declaration order."""
    return {f.name: field_spec(cls, f.name) for f in dataclasses.fields(cls)}


def to_dict(state: Any) -> dict[str, Any]:
    """Turn a state dataclass into plain JSON-ready data (tuples become lists)."""
    if not dataclasses.is_dataclass(state):
        raise TypeError(f"{type(state).__name__} is not a dataclass")
    return {f.name: _plain(getattr(state, f.name)) for f in dataclasses.fields(state)}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return to_dict(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def from_dict(cls: type, data: Any, path: str = "") -> Any:
    """Build and validate ``cls`` from untrusted data; missing keys take their defaults, unknown keys are refused."""
    return _build_dataclass(cls, data, path, 0)


def check(state: Any) -> None:
    """Validate an in-memory state against its declared rules (raises SchemaError)."""
    from_dict(type(state), to_dict(state))


def _build_dataclass(cls: type, data: Any, path: str, depth: int) -> Any:
    if not isinstance(data, dict):
        raise SchemaError(path, f"must be an object, got {_kind(data)}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(k for k in data if k not in fields)
    if unknown:
        raise SchemaError(_join(path, str(unknown[0])), "unknown field")
    values = {}
    for name, f in fields.items():
        if name not in data:
            continue
        meta = f.metadata.get("spec", {})
        values[name] = _convert(hints[name], data[name], _join(path, name), meta, depth + 1)
    try:
        obj = cls(**values)
    except (TypeError, ValueError) as exc:
        raise SchemaError(path, str(exc)) from None
    validate = getattr(obj, "validate", None)
    if callable(validate):
        try:
            validate()
        except SchemaError as exc:
            raise SchemaError(_join(path, exc.field), exc.message) from None
    return obj


def _convert(tp: Any, value: Any, path: str, meta: dict, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise SchemaError(path, "nested too deeply")
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value, path, meta, depth)
    if dataclasses.is_dataclass(tp):
        return _build_dataclass(tp, value, path, depth)
    if origin is tuple:
        return _convert_tuple(tp, value, path, meta, depth)
    if tp is bool:
        if not isinstance(value, bool):
            raise SchemaError(path, f"must be true or false, got {_kind(value)}")
        return value
    if tp is int or tp is float:
        return _convert_number(tp, value, path, meta)
    if tp is str:
        return _convert_str(value, path, meta)
    raise SchemaError(path, f"unsupported field type {tp!r}")


def _convert_tuple(tp: Any, value: Any, path: str, meta: dict, depth: int) -> tuple:
    if not isinstance(value, (list, tuple)):
        raise SchemaError(path, f"must be a list, got {_kind(value)}")
    args = typing.get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis:
        limit = meta.get("max_len") or DEFAULT_MAX_LEN
        if len(value) > limit:
            raise SchemaError(path, f"has {len(value)} items, at most {limit} allowed")
        item_meta = {**meta, "max_len": None}
        return tuple(_convert(args[0], v, f"{path}[{i}]", item_meta, depth + 1) for i, v in enumerate(value))
    if len(value) != len(args):
        raise SchemaError(path, f"must have exactly {len(args)} items, got {len(value)}")
    pairs = enumerate(zip(args, value, strict=True))
    return tuple(_convert(a, v, f"{path}[{i}]", meta, depth + 1) for i, (a, v) in pairs)


def _convert_number(tp: type, value: Any, path: str, meta: dict) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SchemaError(path, f"must be a finite number, got {_kind(value)}")
    if not math.isfinite(value):
        raise SchemaError(path, f"must be a finite number, got {value}")
    if tp is int or meta.get("integer"):
        if float(value) != int(value):
            raise SchemaError(path, f"must be a whole number, got {value}")
        value = int(value)
    else:
        value = float(value)
    lo, hi = meta.get("lo"), meta.get("hi")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise SchemaError(path, f"must be between {lo} and {hi}, got {value}")
    choices = meta.get("choices")
    if choices is not None and value not in choices:
        raise SchemaError(path, f"must be one of {list(choices)}, got {value}")
    return value


def _convert_str(value: Any, path: str, meta: dict) -> str:
    if not isinstance(value, str):
        raise SchemaError(path, f"must be text, got {_kind(value)}")
    limit = meta.get("max_chars") or DEFAULT_MAX_CHARS
    if len(value) > limit:
        raise SchemaError(path, f"is {len(value)} characters long, at most {limit} allowed")
    choices = meta.get("choices")
    if choices is not None and value not in choices:
        raise SchemaError(path, f"must be one of {', '.join(map(repr, choices))}, got {value!r}")
    variables = meta.get("expr")
    if variables:
        try:
            parse(value, tuple(variables))
        except ExpressionError as exc:
            raise SchemaError(path, f"invalid expression: {exc}") from None
    return value


def _join(path: str, name: str) -> str:
    if not path:
        return name
    if name.startswith("["):
        return path + name
    return f"{path}.{name}" if name else path


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return repr(value[:40] + ("…" if len(value) > 40 else ""))
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
