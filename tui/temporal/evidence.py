"""Why a constraint of the time network holds: the report's words, an assumption, or a named default."""

from __future__ import annotations

from typing import Literal, NamedTuple

from tui.model import Span

EvidenceKind = Literal["publication", "time", "relation", "order", "duration", "reported", "default"]


class Evidence(NamedTuple):
    """Why a constraint holds: the report's words where there are some, else the assumption's or the
    default's name (``text`` is then that name, ``span`` the words the default reads, if any)."""

    kind: EvidenceKind
    text: str
    event: str | None = None
    span: Span | None = None
    target: str | None = None

    def describe(self) -> str:
        if self.kind in ("time", "relation"):
            return f"‘{self.text}’"
        if self.kind == "default":
            return f"default {self.text}" + (f" (‘{self.span.text}’)" if self.span is not None else "")
        return self.text
