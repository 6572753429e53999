"""Files the user names: read safely, written atomically.

Reading: only a regular file, and only up to a stated size. A device (``/dev/zero``, ``/dev/urandom``) or
a FIFO would otherwise hang newsline or fill its memory; nothing is ever written to the file read.

Writing (a saved review, an export, a screenshot): the text goes to a temporary file in the same folder,
is flushed to disk, and only then replaces the target in one step (``os.replace``). A process killed at any
moment leaves either the old file whole or the new one whole.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

EVENTS_LIMIT = 256 * 1024 * 1024  # bytes: a report of 100 000 events takes about 60 MB
KEYMAP_LIMIT = 1024 * 1024


class UnreadableFile(Exception):
    """The file cannot be read; ``str(error)`` says why, in a few words ("no such file")."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, if it holds at most ``limit`` bytes.

    The file is opened without blocking (opening a FIFO would otherwise wait for a writer) and checked to
    be a regular file before anything is read; reading stops one byte past the limit.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except IsADirectoryError:
        raise UnreadableFile("it is a directory, expected a file") from None
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise UnreadableFile("it is a directory, expected a file")
        if not stat.S_ISREG(mode):
            raise UnreadableFile(f"it is {_kind(mode)}, expected a regular file")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(descriptor, min(limit + 1 - size, 16 * 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableFile(f"it is larger than newsline reads ({_megabytes(limit)})")
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None
    finally:
        os.close(descriptor)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _megabytes(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB"


def write_atomically(path: Path, content: str | Callable[[TextIO], None]) -> None:
    """Write ``content`` to ``path`` as UTF-8 so that a reader sees the old file or the whole new one, never
    a part. ``content`` is the text, or a function that writes it to the file it is given (an export of
    100k events is written as it is made, never held whole). An existing file keeps its permissions."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            if isinstance(content, str):
                file.write(content)
            else:
                content(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    try:  # the rename itself reaches the disk with the folder
        directory = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)
