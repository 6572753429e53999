"""newsline's data model: the curated report and its loader. No Textual import here."""

from tui.model.loader import ReportError, bundled_path, load_report, parse_report
from tui.model.report import (
    SIDE_LABELS,
    SIDES,
    Actor,
    Annotation,
    Attribution,
    Caveat,
    Claim,
    Document,
    Event,
    NotEvent,
    Place,
    Publication,
    Quote,
    Relation,
    Report,
    Source,
    Span,
)
from tui.model.sentences import split_sentences

__all__ = [
    "SIDES",
    "SIDE_LABELS",
    "Actor",
    "Annotation",
    "Attribution",
    "Caveat",
    "Claim",
    "Document",
    "Event",
    "NotEvent",
    "Place",
    "Publication",
    "Quote",
    "Relation",
    "Report",
    "ReportError",
    "Source",
    "Span",
    "bundled_path",
    "load_report",
    "parse_report",
    "split_sentences",
]
