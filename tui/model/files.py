"""Read a file the user names — an events file, a keymap — safely: only a regular file, and only up to a
stated size. A device (``/dev/zero``, ``/dev/urandom``) or a FIFO would otherwise hang newsline or fill its
memory; nothing is ever written to the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

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
