"""Scene files (``.mlscene``): every lab's state as versioned JSON, read as untrusted input and written atomically.

A scene comes from someone else's machine, so :func:`loads` checks size, nesting, format, version and every field of
every lab state before anything is returned; any problem raises :class:`SceneError` naming the offending field.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine import labs
from engine.schema import FieldError, SchemaError, from_dict, to_dict

__all__ = ["Scene", "SceneError", "FORMAT", "VERSION", "load", "loads", "save", "dumps", "MIGRATIONS"]

FORMAT = "mlscene"
VERSION = 1
MAX_BYTES = 2_000_000
MAX_NESTING = 40
# version -> function turning a document of that version into one of version + 1 (applied in order on load).
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class SceneError(FieldError):
    """A scene file cannot be used; ``field`` names the offending field (empty when the whole file is wrong)."""


@dataclass(frozen=True)
class Scene:
    """The states of some labs (lab name -> state dataclass), the lab on screen and a title."""

    states: Mapping[str, Any] = field(default_factory=dict)
    current_lab: str | None = None
    title: str = ""
    views: Mapping[str, Mapping[str, tuple[float, float, float, float]]] = field(default_factory=dict)
    """Pan/zoom of each plot the user moved: lab name -> plot name -> (x0, x1, y0, y1) (optional in a file)."""


def dumps(scene: Scene) -> str:
    """Serialise a scene to JSON text (current format version)."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "title": scene.title,
        "current_lab": scene.current_lab,
        "labs": {name: to_dict(state) for name, state in scene.states.items()},
    }
    if scene.views:
        doc["views"] = {lab: {k: [float(v) for v in r] for k, r in rs.items()} for lab, rs in scene.views.items()}
    return json.dumps(doc, indent=1, allow_nan=False, ensure_ascii=False)


def save(scene: Scene, path: str | os.PathLike[str]) -> None:
    """Write ``scene`` atomically: a crash or kill mid-save leaves any previous file intact."""
    text = dumps(scene)
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: str | os.PathLike[str]) -> Scene:
    """Read and validate a scene file (SceneError for anything wrong, including unreadable files)."""
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise SceneError("", f"file is {size:,} bytes; a scene is at most {MAX_BYTES:,} bytes")
        raw = target.read_bytes()
    except SceneError:
        raise
    except FileNotFoundError:
        raise SceneError("", f"no such file: {target}") from None
    except OSError as exc:
        raise SceneError("", f"cannot read {target}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SceneError("", f"not a text file (invalid UTF-8 at byte {exc.start})") from None
    return loads(text)


def loads(text: str) -> Scene:
    """Parse and validate scene JSON text."""
    if len(text) > MAX_BYTES:
        raise SceneError("", f"scene is {len(text):,} characters; at most {MAX_BYTES:,} allowed")
    check_nesting(text)
    try:
        doc = json.loads(text, parse_constant=_refuse_constant)
    except SceneError:
        raise
    except (ValueError, RecursionError) as exc:
        raise SceneError("", f"not valid JSON: {exc}") from None
    return _from_document(doc)


def _refuse_constant(name: str) -> float:
    raise SceneError("", f"not valid JSON: {name} is not a number a scene may hold")


def check_nesting(text: str) -> None:
    """Refuse deeply nested JSON before parsing it (cheap scan; strings cannot hide brackets from real JSON)."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise SceneError("", f"nested more than {MAX_NESTING} levels deep")
        elif ch in "]}":
            depth -= 1


def _from_document(doc: Any) -> Scene:
    if not isinstance(doc, dict):
        raise SceneError("", "a scene must be a JSON object")
    if doc.get("format") != FORMAT:
        raise SceneError("format", f"must be {FORMAT!r} (is this a scene file?), got {doc.get('format')!r}")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SceneError("version", f"must be a whole number, got {version!r}")
    if version > VERSION:
        raise SceneError(
            "version",
            f"this file was written by a newer version (format {version}); this app reads formats up to {VERSION}",
        )
    if version < 1:
        raise SceneError("version", f"unknown format version {version}")
    while version < VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
    allowed = {"format", "version", "title", "current_lab", "labs", "views"}
    unknown = sorted(set(doc) - allowed)
    if unknown:
        raise SceneError(unknown[0], "unknown field")
    title = doc.get("title", "")
    if not isinstance(title, str) or len(title) > 200:
        raise SceneError("title", "must be text of at most 200 characters")
    current = doc.get("current_lab")
    if current is not None and current not in labs.LAB_NAMES:
        raise SceneError("current_lab", f"unknown lab {current!r}; known labs: {', '.join(labs.LAB_NAMES)}")
    raw_labs = doc.get("labs", {})
    if not isinstance(raw_labs, dict):
        raise SceneError("labs", "must be an object mapping lab names to states")
    states: dict[str, Any] = {}
    for name, data in raw_labs.items():
        if name not in labs.LAB_NAMES:
            raise SceneError(f"labs.{name}", f"unknown lab; known labs: {', '.join(labs.LAB_NAMES)}")
        states[name] = state_from_dict(name, data, f"labs.{name}")
    return Scene(states=states, current_lab=current, title=title, views=_views(doc.get("views", {})))


MAX_VIEWS = 64
"""The most plot ranges one lab may record (the largest lab has a dozen plots)."""


def _views(raw: Any) -> dict[str, dict[str, tuple[float, float, float, float]]]:
    """The optional ``views`` map checked for shape and type (finite numbers; the app clamps absurd ranges)."""
    if not isinstance(raw, dict):
        raise SceneError("views", "must be an object mapping lab names to plot ranges")
    out: dict[str, dict[str, tuple[float, float, float, float]]] = {}
    for lab, ranges in raw.items():
        if lab not in labs.LAB_NAMES:
            raise SceneError(f"views.{lab}", f"unknown lab; known labs: {', '.join(labs.LAB_NAMES)}")
        if not isinstance(ranges, dict) or len(ranges) > MAX_VIEWS:
            raise SceneError(f"views.{lab}", f"must be an object of at most {MAX_VIEWS} plot ranges")
        out[lab] = {}
        for key, rng in ranges.items():
            where = f"views.{lab}.{key}"
            if not isinstance(key, str) or not 0 < len(key) <= 200:
                raise SceneError(where, "a plot name must be text of 1 to 200 characters")
            if not isinstance(rng, list) or len(rng) != 4:
                raise SceneError(where, "must be [x0, x1, y0, y1]")
            if any(isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) for v in rng):
                raise SceneError(where, "must be four finite numbers")
            out[lab][key] = tuple(float(v) for v in rng)  # type: ignore[assignment]
    return out


def state_from_dict(name: str, data: Any, path: str | None = None) -> Any:
    """Validate one lab's state data (SceneError naming the field on failure)."""
    path = path or name
    try:
        cls = labs.state_type(name)
    except (ImportError, AttributeError) as exc:
        raise SceneError(path, f"this build has no {name} lab ({exc})") from None
    try:
        return from_dict(cls, data, path)
    except SchemaError as exc:
        raise SceneError(exc.field or path, exc.message) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise SceneError(path, str(exc)) from None
