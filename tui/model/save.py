"""Write an events file: checked first, then written atomically.

The text goes to a temporary file in the same folder, is flushed to disk, and only then replaces the
target in one step (``os.replace``). A process killed at any moment leaves either the old file whole or
the new one whole — and, if killed before the replace, the temporary file holds everything being saved.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tui.model.loader import parse_report


def events_text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_events(path: Path | str, data: dict[str, Any]) -> Path:
    """Check ``data`` loads as an events file (ReportError if not), then write it atomically to ``path``."""
    path = Path(path)
    text = events_text(data)
    parse_report(text, path)
    write_atomically(path, text)
    return path


def write_atomically(path: Path, text: str) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".saving", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    try:
        directory = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)
