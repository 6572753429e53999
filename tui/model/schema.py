"""The JSON Schema of events files, generated from the one declaration of the format (:mod:`tui.model.report`).

msgspec builds the schema from the records the loader decodes into, so it cannot drift from what a file is
read as (as harlequin builds its config schema from its config model); this module only names it, gives its
definitions the names a reader of the file knows them by, keeps to each record's first paragraph for its
description, and states the one rule that depends on another field (a file that declares no sides takes the
default ones). ``tui/model/events.schema.json`` is this module's output, checked equal by
``tests/model/test_events_data.py``. To regenerate it after changing the declaration::

    python -m tui.model.schema          # writes tui/model/events.schema.json
    python -m tui.model.schema --check  # exit status 1 if the shipped file differs
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from tui.model import report
from tui.model.report import FORMAT, SIDES, Moment, Report

SHIPPED = Path(__file__).with_name("events.schema.json")
DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "newsline/events.schema.json"
TITLE = "newsline events file"
WIDTH = 120  # the written file keeps an object or array on one line when it fits


def events_schema() -> dict[str, Any]:
    """The JSON Schema of a ``newsline/1`` events file."""
    import msgspec

    generated = msgspec.json.schema(Report, schema_hook=_custom)
    names = {name: _snake(name) for name in generated["$defs"]}
    defs = {names[name]: _tidy(definition, names) for name, definition in generated["$defs"].items()}
    for name, definition in defs.items():
        record = getattr(report, next(key for key, value in names.items() if value == name))
        definition["description"] = _first_paragraph(record.__doc__)
    root = defs.pop(names[Report.__name__])
    defs["default_side"] = {
        "enum": list(SIDES),
        "description": f"The sides of a file that declares none ({FORMAT} as first published).",
    }
    side = {"$ref": "#/$defs/default_side"}
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": TITLE,
        **root,
        "$defs": defs,
        "if": {"not": {"required": ["sides"]}},
        "then": {"properties": {"actors": {"items": {"properties": {"side": side}}}}},
    }


def schema_text() -> str:
    """The schema as the shipped file writes it."""
    return _dumps(events_schema()) + "\n"


def _custom(kind: type) -> dict[str, Any]:
    if kind is Moment:
        return {"type": "string", "pattern": Moment.PATTERN, "description": Moment.DESCRIPTION}
    raise NotImplementedError(kind)


def _tidy(value: Any, names: dict[str, str]) -> Any:
    """``value`` with its references renamed, without titles (the names say it) nor defaults (a field left out
    is absent in the model, never its default written in the file)."""
    if isinstance(value, dict):
        return {
            key: (f"#/$defs/{names[item.rsplit('/', 1)[1]]}" if key == "$ref" else _tidy(item, names))
            for key, item in value.items()
            if key not in ("title", "default")
        }
    if isinstance(value, list):
        return [_tidy(item, names) for item in value]
    return value


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _first_paragraph(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def _dumps(value: Any, indent: int = 0, before: int = 0) -> str:
    """JSON with each object or array on one line where it fits in :data:`WIDTH` (after ``before`` characters
    of its line), else one item a line."""
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or indent + before + len(flat) <= WIDTH or not value:
        return flat
    inner = " " * (indent + 2)
    if isinstance(value, list):
        items = [inner + _dumps(item, indent + 2) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    items = [
        f"{inner}{json.dumps(key, ensure_ascii=False)}: {_dumps(item, indent + 2, len(key) + 4)}"
        for key, item in value.items()
    ]
    return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = schema_text()
    if args == ["--check"]:
        same = SHIPPED.read_text(encoding="utf-8") == text
        print(f"{SHIPPED}: {'up to date' if same else 'differs from the declaration: run python -m tui.model.schema'}")
        return 0 if same else 1
    if args:
        print("usage: python -m tui.model.schema [--check]", file=sys.stderr)
        return 2
    SHIPPED.write_text(text, encoding="utf-8")
    print(f"wrote {SHIPPED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
