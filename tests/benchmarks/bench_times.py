"""Benchmark: the tagger on French TimeBank (../shared/french-timebank-dev), TempEval-3 style, and its speed.

Run on demand:  python -m tests.benchmarks.bench_times [--errors]
Each document becomes plain text and gold spans; the tagger reads it with the document's DCT as the
publication day. Printed: strict and relaxed extraction P/R/F1, type accuracy, value F1 on relaxed
matches; then the time to tag a 2 000-character report after import, as a ratio to reading the file.
Targets: relaxed F1 ≥ 0.92, value F1 ≥ 0.80, tagging 2 000 characters < 20 ms.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.benchmarks.timebank import DEV, Score, documents
from tests.benchmarks.timing import best_of
from tui.temporal.tagging import publication_on, tag

RELAXED_F1, VALUE_F1, TAG_MS = 0.92, 0.80, 20.0


def score(show_errors: bool = False) -> Score:
    total = Score()
    for doc in documents():
        found = tag(doc.text, publication_on(doc.dct), "fr")
        errors = total.add(doc.gold, found)
        if show_errors:
            for kind, gold, got in errors:
                g = f"{doc.text[gold.start : gold.end]!r} {gold.type} {gold.value}" if gold else ""
                f = f"{got.text!r} {got.type} {got.value} [{got.rule}]" if got else ""
                print(f"{doc.name} {kind:8} {g:50} | {f}")
    return total


def speed() -> tuple[float, float]:
    """Seconds to tag, and to read, a 2 000-character report (the first documents, concatenated)."""
    text = ""
    for doc in documents():
        text += doc.text
        if len(text) >= 2000:
            break
    text = text[:2000]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_text(text, encoding="utf-8")
        dct = documents()[0].dct
        tag(text, publication_on(dct))  # import and compile the rules first
        read = best_of(50, lambda: path.read_text(encoding="utf-8"))
        took = best_of(50, lambda: tag(path.read_text(encoding="utf-8"), publication_on(dct)))
    return took, read


def main() -> int:
    if not DEV.is_dir():
        print(f"{DEV} is absent: nothing to measure")
        return 2
    s = score("--errors" in sys.argv)
    print(f"French TimeBank dev: {len(documents())} documents, {s.gold} gold TIMEX3, {s.found} found")
    for name, (p, r, f) in (("strict", s.strict_prf), ("relaxed", s.relaxed_prf), ("value", s.value_prf)):
        print(f"{name:>8}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"    type  accuracy {s.type_accuracy:.3f} (of {s.relaxed} relaxed matches)")
    took, read = speed()
    print(f"tag 2 000 characters: {took * 1000:.2f} ms; read the file: {read * 1000:.3f} ms; ratio {took / read:.0f}×")
    ok = s.relaxed_prf[2] >= RELAXED_F1 and s.value_prf[2] >= VALUE_F1 and took * 1000 < TAG_MS
    print(f"targets (relaxed F1 ≥ {RELAXED_F1}, value F1 ≥ {VALUE_F1}, < {TAG_MS:.0f} ms): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
