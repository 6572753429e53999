"""Draft an events file from a report's plain text (``newsline draft``). No Textual import here, and
spaCy loads only when a report is drafted."""

from tui.draft.drafter import draft_report
from tui.draft.pipeline import PipelineUnavailable, load_pipeline
from tui.draft.times import find_time_expressions, published_from

__all__ = ["PipelineUnavailable", "draft_report", "find_time_expressions", "load_pipeline", "published_from"]
