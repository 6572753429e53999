"""The tagger: find every time expression in a French or English text and normalise it in context.

Rule families, one module each, as HeidelTime's rule resources are organised: ``dates``, ``relative``
(days and periods counted from the publication or the focus), ``clock`` (times of day), ``parts`` (parts
of the day), ``durations``, ``sets``, ``references`` (PRESENT_REF, PAST_REF, FUTURE_REF), ``seasons``,
``eras`` (decades and centuries) and ``holidays``. ``context`` reads what they are anchored to,
``values`` turns an ISO-TimeML value into an interval, ``approximation`` reads "vers", "peu après"… for
every family, and ``tagger`` runs them over a text. The French (and English) word tables are data,
``resources/<language>/<kind>.txt``, read by ``tables`` when the rules are first compiled.

Not imported by ``tui.temporal`` itself: the engine's ``normalise`` reads through it on first use. The
package itself is light: its rules are compiled when ``tag`` (or ``Timex``) is first asked for
(``publication_on`` is the model's, :func:`tui.model.report.publication_on`), so that the one fold and
the word tables (``lexicon``, ``tables``) load without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model.report import publication_on

if TYPE_CHECKING:
    from tui.temporal.tagging.tagger import Timex, tag

__all__ = ["DAY_FREE_RULES", "Timex", "publication_on", "tag"]

# The rules that read a time of day whose words give no day ("vers 13 heures", "midi", "en fin de matinée"):
# the tagger puts it on the day in focus, or the publication's; news tells it on the day the story is at.
DAY_FREE_RULES = frozenset(("clock", "named-time", "part-alone"))


def __getattr__(name: str):
    if name in ("Timex", "tag"):
        from tui.temporal.tagging import tagger  # compiles the rules

        return getattr(tagger, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
