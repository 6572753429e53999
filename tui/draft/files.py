"""A report's file, drafted: the id its draft gets from the file's name, and the draft of the file (for
``newsline draft``, the review app and the benchmarks)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.draft.reading import language_warning, read_report_text


def document_id(path: Path) -> str:
    """The id of the draft of the report at ``path``: its name's stem, as a slug."""
    from tui.draft.drafter import _slug

    return _slug(path.stem) or "report"


def draft_file(
    path: Path,
    *,
    published: str | None = None,
    language: str = "fr",
    nlp: Any = None,
    warn: bool | Callable[[str], None] = False,
    text: str | None = None,
    pipeline_ready: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Draft the report at ``path``; ValueError or PipelineUnavailable with the message for the user.

    ``text`` is the report's text when the caller has read it already (else it is read from ``path``).
    With ``warn``, a report that does not look written in ``language`` gets a warning first: on stderr for
    True, else to the function given (the review app shows it on screen). ``pipeline_ready`` is called once
    the language pipeline is loaded, before drafting starts (the review's progress bar moves on)."""
    from tui.draft import draft_report, load_pipeline, published_from
    from tui.draft.pipeline import PIPELINES

    if text is None:
        text = read_report_text(path)
    publication = published_from(published, language) if published else None
    if warn and language in PIPELINES:
        warning = language_warning(path, text, language)
        if warning:
            if callable(warn):
                warn(warning)
            else:
                print(f"newsline: warning: {warning}", file=sys.stderr)
    if nlp is None:
        nlp = load_pipeline(language)
    if pipeline_ready is not None:
        pipeline_ready()
    return draft_report(text, nlp, published=publication, language=language, document_id=document_id(path))
