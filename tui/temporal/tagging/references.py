"""Present, past and future references: "actuellement", "désormais", "pour l'instant", "auparavant",
"autrefois", "récemment", "bientôt", "à l'avenir", "prochainement", "actuel"; "now", "currently",
"previously", "soon", "in the future".

Values are ISO-TimeML's ``PRESENT_REF``, ``PAST_REF`` and ``FUTURE_REF``; the interval is the
publication for the present, everything before it for the past, everything after for the future.
A lone "prochain(e)(s)" before a time noun ("les prochaines échéances", "la prochaine fois") refers to the
future too, when no longer expression ("juin prochain", "la semaine prochaine") takes it; before any other
noun ("le prochain conseil", "la prochaine réunion") it qualifies an event, and is no time expression.
"""

from __future__ import annotations

import re

from tui.temporal.tagging.context import Context
from tui.temporal.tagging.lexicon import UNITS, alternatives
from tui.temporal.tagging.rules import Reading, rule
from tui.temporal.tagging.tables import words

_PRESENT = (
    "actuellement",
    "a l'heure actuelle",
    "a present",
    "en ce moment",
    "pour l'instant",
    "pour le moment",
    "desormais",
    "dorenavant",
    "maintenant",
    "de nos jours",
    "a l'heure qu'il est",
    "aujourd'hui encore",
    "actuel",
    "actuelle",
    "actuels",
    "actuelles",
)
_PRESENT_EN = ("now", "currently", "at present", "nowadays", "these days", "for now", "at the moment", "right now",
               "for the time being")  # fmt: skip
_PAST = (
    "auparavant",
    "autrefois",
    "jadis",
    "naguere",
    "recemment",
    "precedemment",
    "dans le passe",
    "par le passe",
    "jusqu'ici",
    "jusqu'a present",
    "jusqu'alors",
    "anciennement",
    "cette epoque",
    "l'epoque",
)
_PAST_EN = ("previously", "formerly", "recently", "in the past", "once upon a time", "until now", "so far")  # fmt: skip
_FUTURE = (
    "bientot",
    "prochainement",
    "a l'avenir",
    "dans l'avenir",
    "a terme",
    "d'ici peu",
    "sous peu",
    "dans un proche avenir",
    "dans les temps a venir",
)
_FUTURE_EN = ("soon", "in the future", "shortly")  # fmt: skip


def _reference(value: str):
    def read(match: re.Match[str], ctx: Context) -> Reading | None:
        return Reading("TIME", value)  # as French TimeBank types them

    return read


def _next_nouns() -> str:
    """The time nouns a lone "prochain(e)(s)" may qualify: resources/fr/next_nouns.txt and the time units."""
    return alternatives({*words("next_nouns", ("fr",)), *(w for w in UNITS if " " not in w)})


RULES = (
    rule("present", alternatives(_PRESENT), _reference("PRESENT_REF"), language="fr"),
    rule("past", alternatives(_PAST), _reference("PAST_REF"), language="fr"),
    rule("future", alternatives(_FUTURE), _reference("FUTURE_REF"), language="fr"),
    rule(
        "next", rf"prochaine?s?(?=\s+(?:{_next_nouns()})(?![\w]))", _reference("FUTURE_REF"), priority=-1, language="fr"
    ),
    rule("present-en", alternatives(_PRESENT_EN), _reference("PRESENT_REF"), language="en"),
    rule("past-en", alternatives(_PAST_EN), _reference("PAST_REF"), language="en"),
    rule("future-en", alternatives(_FUTURE_EN), _reference("FUTURE_REF"), language="en"),
)
