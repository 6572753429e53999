"""A report's text, read as safely as an events file, and a cheap guess at its language.

Only a regular file of at most :data:`REPORT_LIMIT` bytes is read (:func:`tui.model.files.read_regular_file`:
a device, a FIFO or a larger file is refused before anything is drafted). The text is UTF-8, with or
without a byte-order mark; with a mark, UTF-16 and UTF-32 too. Anything else gets one line saying where
the bytes stop making sense and what was expected there.

The language is guessed from the share of each language's function words (spaCy's own stop-word lists)
and the script of the letters: enough to warn that a report in English or Russian is about to be drafted
as French, at a cost of a millisecond.
"""

from __future__ import annotations

import codecs
import importlib
import re
import unicodedata
from pathlib import Path

from tui.model.files import UnreadableFile, read_regular_file
from tui.printable import printable

REPORT_LIMIT = 1024 * 1024  # bytes: about 150 000 words; drafting that many takes minutes and 450 MB

# Byte-order marks, the longest first: UTF-32 LE's begins with UTF-16 LE's.
_MARKS = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
]

NAMES = {
    "fr": "French",
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "ru": "Russian",
    "uk": "Ukrainian",
}
_STOP_WORD_LANGUAGES = ("fr", "en", "de", "es", "it", "pt")  # Latin script: told apart by function words
_SAMPLE = 20_000  # characters: the start of the report is enough to tell its language


def read_report_text(path: Path) -> str:
    """The report's text, line breaks as ``\\n``; ValueError with a one-line message naming the file."""
    try:
        raw = read_regular_file(path, REPORT_LIMIT)
        text = decode_report(raw)
    except (UnreadableFile, UnicodeError) as error:
        raise ValueError(printable(f"newsline: cannot open {path}: {error}.")) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError(printable(f"newsline: cannot open {path}: it is empty, expected a news report's text."))
    return text


def decode_report(raw: bytes) -> str:
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


def guess_language(text: str) -> str:
    """A cheap guess at the language of ``text``: a code of :data:`NAMES` ("fr", "en", "ru"…), the name of a
    script ("Greek", "Arabic", "CJK"…) when its letters are not Latin or Cyrillic, or "fr" when there is too
    little to tell. Only the first :data:`_SAMPLE` characters are looked at."""
    sample = text[:_SAMPLE]
    scripts: dict[str, int] = {}
    for character in sample:
        if character.isalpha():
            script = _script(character)
            scripts[script] = scripts.get(script, 0) + 1
    letters = sum(scripts.values())
    if not letters:
        return "fr"
    script, count = max(scripts.items(), key=lambda item: item[1])
    if script != "LATIN" and count * 2 > letters:
        if script == "CYRILLIC":
            ukrainian = sum(sample.count(c) for c in "іїєґІЇЄҐ")
            russian = sum(sample.count(c) for c in "ыэъёЫЭЪЁ")
            return "uk" if ukrainian > russian else "ru"
        return script.title() if script != "CJK" else "CJK"
    words = [word.lower() for word in re.findall(r"[^\W\d_]+", sample)]
    if len(words) < 8:
        return "fr"
    shares = {code: sum(word in stops for word in words) for code, stops in _stop_words().items()}
    best = max(shares, key=lambda code: shares[code])
    return "fr" if shares["fr"] >= shares[best] else best


def language_name(code: str) -> str:
    """The language's name ("English" for "en"); for a script's name ("Greek"), a language in that script."""
    return NAMES.get(code, f"a language in {code} script")


def language_warning(path: Path, text: str, language: str = "fr") -> str | None:
    """The warning, in one line, when ``text`` does not look written in ``language`` (French), or None."""
    guessed = guess_language(text)
    if guessed == language:
        return None
    return printable(
        f"{path} looks like {language_name(guessed)}, not {language_name(language)}: "
        f"newsline drafts {language_name(language)} reports, so expect a poor draft."
    )


def _script(character: str) -> str:
    try:
        return unicodedata.name(character).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


_stop_word_lists: dict[str, frozenset[str]] = {}


def _stop_words() -> dict[str, frozenset[str]]:
    """spaCy's stop words of each Latin-script language told apart. French's are imported as the pipeline
    imports them (tui.draft.pipeline), so that guessing first does not slow loading the pipeline after."""
    if not _stop_word_lists:
        from tui.draft.pipeline import _compact_letter_classes

        with _compact_letter_classes():
            for code in _STOP_WORD_LANGUAGES:
                module = importlib.import_module(f"spacy.lang.{code}.stop_words")
                _stop_word_lists[code] = frozenset(module.STOP_WORDS)
    return _stop_word_lists
