"""Files the user names: read safely, written atomically.

Reading: only a regular file, and only up to a stated size. A device (``/dev/zero``, ``/dev/urandom``) or
a FIFO would otherwise hang newsline or fill its memory; nothing is ever written to the file read. A text
(a report to draft, a text to tag) is UTF-8, or UTF-16/UTF-32 with a byte-order mark (:func:`read_text_file`).

Writing (a saved review, an export, a screenshot): the text goes to a temporary file in the same folder,
is flushed to disk, and only then replaces the target in one step (``os.replace``). A process killed at any
moment leaves either the old file whole or the new one whole. Only a regular file is ever replaced (never a
device, a FIFO or the input), and a new file gets the permissions the user's umask allows.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

# Byte-order marks, the longest first: UTF-32 LE's begins with UTF-16 LE's.
_MARKS = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
]

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


def read_text_file(path: Path, limit: int, what: str) -> str:
    """The text of the regular file at ``path`` (at most ``limit`` bytes; see :func:`decode_text`), line
    breaks as they are; UnreadableFile saying why in a few words, ``what`` naming what was expected."""
    raw = read_regular_file(path, limit)
    try:
        text = decode_text(raw)
    except UnicodeError as error:
        raise UnreadableFile(str(error)) from None
    if not text.strip():
        raise UnreadableFile(f"it is empty, expected {what}")
    return text


def decode_text(raw: bytes) -> str:
    """``raw`` as text: by its byte-order mark, else as UTF-8; UnicodeError saying why it cannot be read."""
    for mark, codec, name in _MARKS:
        if raw.startswith(mark) and codec != "utf-8":
            try:
                text = raw[len(mark) :].decode(codec)
            except UnicodeDecodeError as error:
                at = error.start + len(mark)
                raise UnicodeError(
                    f"not {name} text, though it begins with {name}'s byte-order mark: at byte {at}, {error.reason}"
                ) from None
            nul = text.find("\0")
            if nul >= 0:
                raise UnicodeError(f"not plain text: a NUL character at character {nul}")
            return text
    looks = _wide_encoding(raw)
    if looks:
        raise UnicodeError(
            f"it looks like {looks} without a byte-order mark (a NUL byte beside most letters); save it as "
            "UTF-8, or as UTF-16 with a byte-order mark"
        )
    try:
        text = raw.decode("utf-8")  # a byte-order mark stays, as U+FEFF: every offset is the file's
    except UnicodeDecodeError as error:
        raise UnicodeError(f"not UTF-8 text: {_where(raw, error)}") from None
    if "\0" in text:
        raise UnicodeError(f"not plain text: a NUL byte at byte {raw.index(0)}")
    return text.removeprefix("\ufeff")


def _wide_encoding(raw: bytes) -> str | None:
    """The encoding ``raw`` looks written in ("UTF-16 (little-endian)"…) when a NUL byte is beside most of its
    letters, as Latin letters are in UTF-16 or UTF-32 without a byte-order mark; else None."""
    sample = raw[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    quads = len(sample) // 4 * 4
    for offsets, name in (((1, 2, 3), "UTF-32 (little-endian)"), ((0, 1, 2), "UTF-32 (big-endian)")):
        if all(sample[o:quads:4].count(0) > quads // 4 * 0.9 for o in offsets):
            return name
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > len(sample) // 2 * 0.6 and odd > 4 * even:
        return "UTF-16 (little-endian)"
    if even > len(sample) // 2 * 0.6 and even > 4 * odd:
        return "UTF-16 (big-endian)"
    return None


def _where(raw: bytes, error: UnicodeDecodeError) -> str:
    """Where UTF-8 decoding stopped and what was expected there, in words."""
    at = error.start
    first = raw[at]
    if error.reason == "unexpected end of data":
        return f"at byte {at}, the file ends inside a character (0x{first:02X} begins one)"
    if error.reason == "invalid continuation byte":
        follows = raw[error.end] if error.end < len(raw) else None
        found = f"0x{follows:02X}" if follows is not None else "the end of the file"
        return (
            f"at byte {at}, 0x{first:02X} begins a character but {found} follows, where a continuation byte "
            "(0x80–0xBF) was expected; the file may be in Latin-1 or Windows-1252: save it as UTF-8"
        )
    return (
        f"at byte {at}, 0x{first:02X} cannot begin a character (expected an ASCII byte or 0xC2–0xF4); "
        "the file may be in Latin-1 or Windows-1252: save it as UTF-8"
    )


# -- the language -------------------------------------------------------------------------------------------


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


class UnwritableTarget(OSError):
    """newsline will not write there (a device, a FIFO, a directory, the file it reads); ``strerror`` says
    why in a few words, as for any OSError, so every caller reports it the same way."""

    def __init__(self, why: str) -> None:
        super().__init__(errno.EINVAL, why)


class TargetExists(UnwritableTarget):
    """The file exists, and the write was asked not to replace one."""

    def __init__(self) -> None:
        OSError.__init__(self, errno.EEXIST, "the file exists already")


def write_atomically(
    path: Path,
    content: str | Callable[[TextIO], None],
    *,
    replace: bool = True,
    protect: Iterable[Path] = (),
) -> Path:
    """Write ``content`` to ``path`` as UTF-8 so that a reader sees the old file or the whole new one, never
    a part; the file written, which is ``path`` or, for a symbolic link to a regular file, the file it points to.

    ``content`` is the text, or a function that writes it to the file it is given (an export of 100k events
    is written as it is made, never held whole). The target must be a regular file or not exist yet: a
    device (``/dev/null``), a FIFO, a socket or a directory is refused with :class:`UnwritableTarget` before
    anything is written, as the atomic rename would put a regular file in its place; so is a link to one,
    or a link to nothing. A link to a regular file is written through: the file it points to is replaced
    and the link stays. So is any of the files in ``protect`` (the input being exported). With
    ``replace=False`` an existing file is never replaced (:class:`TargetExists`), atomically: the new file
    is linked into place, which fails if a file has appeared there meanwhile.

    An existing file keeps its permissions; a new one gets those the user's umask leaves of ``rw-rw-rw-``,
    as any file a program creates. The temporary file (``.nl-XXXXXXXX.tmp`` beside the target) has a short
    name, so a target of any name the file system allows can be written.
    """
    target = check_target(Path(path), protect)
    folder = target.parent
    handle, temporary = tempfile.mkstemp(prefix=".nl-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            if isinstance(content, str):
                file.write(content)
            else:
                content(file)
            file.flush()
            existing = _existing_mode(target)
            os.fchmod(file.fileno(), existing if existing is not None else 0o666 & ~_umask())
            os.fsync(file.fileno())
        if replace:
            os.replace(temporary, target)
        else:
            try:
                os.link(temporary, target)  # fails if the target exists: never a replacement
            except FileExistsError:
                raise TargetExists() from None
            os.unlink(temporary)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(folder)
    return target


def check_target(path: Path, protect: Iterable[Path] = ()) -> Path:
    """The regular file :func:`write_atomically` would write for ``path``, or UnwritableTarget: to refuse a
    target before the work of making its content."""
    target = path
    try:
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):  # a link to nothing, or a loop of links
                raise UnwritableTarget("it is a symbolic link to nothing newsline can write") from None
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except UnwritableTarget:
        raise
    except OSError as error:
        raise UnwritableTarget(error.strerror or str(error)) from None
    if mode is not None:
        if stat.S_ISDIR(mode):
            raise UnwritableTarget("it is a directory, expected a file")
        if not stat.S_ISREG(mode):
            raise UnwritableTarget(f"it is {_kind(mode)}; newsline writes only regular files")
        if any(_same_file(target, kept) for kept in protect):
            raise UnwritableTarget("it is the file being read, which newsline never writes over")
    return target


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _existing_mode(path: Path) -> int | None:
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        return None


def _umask() -> int:
    """The process's umask, read without changing it (Linux reports it in /proc), else set and set back."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk with the folder."""
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
