"""Read ISO-TimeML documents (French TimeBank) into plain text and gold TIMEX3s, and score a tagger on them
the TempEval-3 way.

- Extraction: strict (same span) and relaxed (overlapping spans) precision, recall and F1; each gold
  expression matches at most one found, and the other way round.
- Type accuracy: the share of relaxed matches with the gold type.
- Value F1: precision and recall counting only relaxed matches whose value string equals the gold's.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

SHARED = Path(os.environ.get("NEWSLINE_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))
DEV = SHARED / "french-timebank-dev"


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    dct: date
    text: str
    gold: tuple[Gold, ...]


def read_document(path: Path) -> Document:
    root = ET.parse(path).getroot()
    dct_timex = root.find("DCT/TIMEX3")
    assert dct_timex is not None, f"{path}: no DCT"
    dct = date.fromisoformat(dct_timex.get("value", "")[:10])
    body = root.find("TEXT")
    assert body is not None, f"{path}: no TEXT"
    parts: list[str] = []
    gold: list[Gold] = []

    def walk(element: ET.Element) -> None:
        start = sum(map(len, parts))
        parts.append(element.text or "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")
        if element.tag == "TIMEX3":
            gold.append(Gold(start, sum(map(len, parts)), element.get("type", ""), element.get("value", "")))

    walk(body)
    return Document(path.stem, dct, "".join(parts), tuple(gold))


def documents(folder: Path = DEV) -> list[Document]:
    return [read_document(path) for path in sorted(folder.glob("*.tml"))]


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    typed: int = 0
    valued: int = 0

    def add(self, gold: tuple[Gold, ...], found) -> list[tuple[str, object, object]]:
        """Count one document; return its errors as (kind, gold, found) for inspection."""
        self.gold += len(gold)
        self.found += len(found)
        errors: list[tuple[str, object, object]] = []
        used: set[int] = set()
        for g in gold:
            match = next(
                (i for i, f in enumerate(found) if i not in used and (f.start, f.end) == (g.start, g.end)), None
            )
            if match is None:
                match = next(
                    (i for i, f in enumerate(found) if i not in used and f.start < g.end and g.start < f.end), None
                )
            if match is None:
                errors.append(("missed", g, None))
                continue
            used.add(match)
            f = found[match]
            self.relaxed += 1
            self.strict += (f.start, f.end) == (g.start, g.end)
            self.typed += f.type == g.type
            self.valued += f.value == g.value
            if f.value != g.value or f.type != g.type:
                errors.append(("value", g, f))
        errors.extend(("spurious", None, f) for i, f in enumerate(found) if i not in used)
        return errors

    @staticmethod
    def _prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
        p = hits / found if found else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return self._prf(self.strict, self.found, self.gold)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed, self.found, self.gold)

    @property
    def value_prf(self) -> tuple[float, float, float]:
        return self._prf(self.valued, self.found, self.gold)

    @property
    def type_accuracy(self) -> float:
        return self.typed / self.relaxed if self.relaxed else 0.0
