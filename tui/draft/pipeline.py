"""spaCy's pipeline for a report's language: loaded once, on first use, never before the app's first screen.

Only languages with an official pipeline that pip installs from the package index are offered; for any
other, :func:`load_pipeline` refuses with a clear message rather than drafting badly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

PIPELINES = {"fr": "fr_core_news_sm"}

# The small French model mis-tags around typographic quotes and apostrophes; each is mapped to an ASCII
# character of the same length before parsing, so every offset stays valid in the original text.
ASCII = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " "})


class PipelineUnavailable(Exception):
    """No pipeline can draft this language; ``str(error)`` is the message for the user."""


# A sentence that opens on the preposition "à" often writes it unaccented in capitals ("A Lorient vendredi
# soir, Monaco…"); the small model then reads "A" as a noun and the sentence's verb as a second root. A lone
# capital "A" opening a sentence or a line is the preposition, and is parsed as "À" (one character for one).
_CAPITAL_A = re.compile(r"(?:^|(?<=[.!?…\"]\s))A(?= [^\W\d_])", re.MULTILINE)


def to_ascii(text: str) -> str:
    """``text`` with typographic quotes, apostrophes and no-break spaces as ASCII, and a sentence-opening
    unaccented "A" as "À", at the same length: what the parser reads."""
    mapped = _CAPITAL_A.sub("À", text.translate(ASCII))
    assert len(mapped) == len(text)
    return mapped


_loaded: dict[str, Any] = {}


def load_pipeline(language: str) -> Any:
    """spaCy's pipeline for ``language`` (loaded once per process); PipelineUnavailable if there is none."""
    if language in _loaded:
        return _loaded[language]
    name = PIPELINES.get(language)
    if name is None:
        known = ", ".join(sorted(PIPELINES))
        raise PipelineUnavailable(
            f"newsline draft: no pipeline drafts the language '{language}': drafting needs one of spaCy's "
            f"official pipelines installed from the package index, and newsline offers {known}."
        )
    try:
        with _compact_letter_classes():
            import spacy  # 1–2 s to import: only when a report is drafted

            nlp = spacy.load(name, exclude=["lemmatizer"])  # 2–3 s of lookup tables: lexicon.verb_lemma
    except (ImportError, OSError) as error:
        raise PipelineUnavailable(
            f"newsline draft: spaCy's pipeline '{name}' is not installed ({error.__class__.__name__}). "
            f"Install newsline with its Quick start command, which installs spaCy and {name}."
        ) from None
    _loaded[language] = nlp
    return nlp


@contextmanager
def _compact_letter_classes() -> Iterator[None]:
    """Load spaCy's French tokenizer in a third of the time, with the same tokens for Latin script.

    Its rule for hyphenated words ("faux-vampire", "saut-de-ski") is one regular expression of 1.4 MB:
    each of its 300 alternatives spells out every letter of every script spaCy knows, and compiling it
    takes 5–10 s on this machine, twice the rest of loading. While the pipeline loads, that expression
    is compiled with its letter classes written as ranges (Latin, Greek, Cyrillic): 11 kB, a few ms.
    Only this expression is touched (tests/draft/test_draft.py checks the tokens are unchanged).
    """
    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

    compile_ = re.compile

    def compact(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and len(pattern) > 100_000 and ALPHA_LOWER in pattern:
            pattern = pattern.replace(ALPHA_LOWER, _LETTERS).replace(ALPHA, _LETTERS)
        return compile_(pattern, flags)

    re.compile = compact  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = compile_  # type: ignore[assignment]


_LETTERS = "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0370-\u03ff\u0400-\u04ff"


def model_version(nlp: Any) -> str:
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"
