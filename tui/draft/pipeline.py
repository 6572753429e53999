"""spaCy's pipeline for a report's language: loaded once, on first use, never before the app's first screen.

Only languages with an official pipeline that pip installs from the package index are offered; for any
other, :func:`load_pipeline` refuses with a clear message rather than drafting badly.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
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
        _one_blas_thread()
        with _compact_letter_classes():
            import spacy  # 1–2 s to import: only when a report is drafted

            nlp = spacy.load(name, exclude=["lemmatizer"])  # 2–3 s of lookup tables: lexicon.verb_lemma
        _numpy_matrix_products(nlp)
        _without_fine_tags(nlp)
    except (ImportError, OSError) as error:
        raise PipelineUnavailable(
            f"newsline draft: spaCy's pipeline '{name}' is not installed ({error.__class__.__name__}). "
            f"Install newsline with its Quick start command, which installs spaCy and {name}."
        ) from None
    _loaded[language] = nlp
    return nlp


def parse(nlp: Any, texts: Iterable[str]) -> list[Any]:
    """spaCy's parse of each text, in order (``nlp.pipe``, in its batches of 256), each Doc without the
    vectors the network computed on the way (``doc.tensor``, 384 bytes a token, 150 MB for a report of 1 MB):
    the drafter reads the parse, never them, and a long report's Docs are all kept until it is drafted."""
    import numpy

    no_vectors = numpy.zeros((0,), dtype="float32")
    docs = []
    for doc in nlp.pipe(texts):
        if getattr(doc, "tensor", None) is not None:
            doc.tensor = no_vectors
        docs.append(doc)
    return docs


def _numpy_matrix_products(nlp: Any) -> None:
    """The pipeline's matrix products by numpy's BLAS rather than thinc's bundled BLIS: the parse in half the time.

    Most of spaCy's parse is the matrix products of its networks (the shared tok2vec, the named-entity
    recogniser's own, the parser's hidden layer). The BLIS that thinc bundles has kernels for a few
    processors only and falls back to its slow generic one on others ("libblis: selecting sub-configuration
    'generic'" with BLIS_ARCH_DEBUG=1 on this machine's AMD EPYC): 15–20 GFLOP/s where numpy's OpenBLAS
    does 60–90. Every layer of every component is given thinc's NumpyOps without BLIS, whose products are
    numpy's. They differ from BLIS's in the last bits of a float only: every annotation the drafter reads is
    the same on the test reports, the article and the devset (tests/draft/test_draft_scaling.py).
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops


def _without_fine_tags(nlp: Any) -> None:
    """The French pipeline has no tagger: its attribute ruler copies each token's part of speech into its fine
    tag (``token.tag_``), one rule a part of speech, matched on every token after the parse. newsline never
    reads the fine tag, so those 20 rules go (4 % of the parse's time); the ruler's three rules for
    whitespace tokens, which may set their part of speech, morphology and dependency, stay as they are."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    kept = [rule for rule in ruler.patterns if set(rule["attrs"]) != {"TAG"}]
    ruler.clear()
    ruler.add_patterns(kept)


def _one_blas_thread() -> None:
    """numpy's OpenBLAS on one thread, as BLIS was: a second thread on a shared machine's busy cores made the
    parse twice as slow, not faster. Before numpy is first imported, OpenBLAS reads it from the environment
    (the setting is not left there); after, it is asked through its own call. A user's OPENBLAS_NUM_THREADS
    is kept."""
    if "OPENBLAS_NUM_THREADS" in os.environ:
        return
    if "numpy" not in sys.modules:
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
        try:
            import numpy
        finally:
            del os.environ["OPENBLAS_NUM_THREADS"]
        return
    import ctypes
    from pathlib import Path

    import numpy

    for library in sorted(Path(numpy.__file__).parent.parent.glob("numpy.libs/*openblas*")):
        try:
            openblas = ctypes.CDLL(str(library))
        except OSError:
            continue
        for name in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads"):
            if hasattr(openblas, name):
                getattr(openblas, name)(1)
                return


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
