"""Write an events file: checked first, then written atomically (:func:`tui.model.files.write_atomically`).

A process killed at any moment leaves either the old file whole or the new one whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tui.model.files import write_atomically
from tui.model.loader import parse_report

__all__ = ["events_text", "save_events", "write_atomically"]


def events_text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_events(path: Path | str, data: dict[str, Any], *, replace: bool = True, protect: Iterable[Path] = ()) -> Path:
    """Check ``data`` loads as an events file (ReportError if not), then write it atomically to ``path``
    (never over a file of ``protect``, nor over an existing file unless ``replace``); the file written."""
    path = Path(path)
    text = events_text(data)
    parse_report(text, path)
    return write_atomically(path, text, replace=replace, protect=protect)
