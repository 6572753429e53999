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

import importlib
import re
import unicodedata
from pathlib import Path

from tui.model.files import UnreadableFile, read_text_file
from tui.printable import printable

REPORT_LIMIT = 1024 * 1024  # bytes: about 150 000 words; drafting that many takes minutes and 450 MB

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
        text = read_text_file(path, REPORT_LIMIT, "a news report's text")
    except UnreadableFile as error:
        raise ValueError(printable(f"newsline: cannot open {path}: {error}.")) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
