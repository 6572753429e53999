"""The words time expressions are made of, in French and English, as regular-expression fragments.

Every pattern matches the *folded* text (see :func:`fold`): lower case, accents removed, typographic
apostrophes and spaces made plain, with each character kept at its place so that a match's offsets are
offsets into the original text.
"""

from __future__ import annotations

import re
import unicodedata

_PLAIN = {"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "–": "-", "‑": "-", "\u2010": "-"}


def _folded(char: str) -> str:
    plain = _PLAIN.get(char)
    if plain is None:
        lower = char.lower()
        plain = unicodedata.normalize("NFD", lower)[0] if len(lower) == 1 else char
    return plain


# The Latin letters, folded once; other characters (no time word is made of them) are left as they are.
_TABLE = {code: folded for code in range(0x250) if (folded := _folded(chr(code))) != chr(code)}
_TABLE.update({ord(k): v for k, v in _PLAIN.items()})


def fold(text: str) -> str:
    """Lower case without accents, one character for one: offsets into the result are offsets into ``text``."""
    return text.translate(_TABLE)


MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "janv.": 1, "fevr.": 2, "fev.": 2, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "aug.": 8,
}  # fmt: skip
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# TIMEX3 codes of the parts of the day, and their hours from the day's midnight (night runs into the next day).
PARTS = {
    "matin": "MO", "matinee": "MO", "morning": "MO",
    "apres-midi": "AF", "apres midi": "AF", "afternoon": "AF",
    "soir": "EV", "soiree": "EV", "evening": "EV",
    "nuit": "NI", "night": "NI",
    "journee": "DT",
    "aube": "MO",
    "aurore": "MO",
    "petit matin": "MO",
    "mi-journee": "MI",
    "crepuscule": "EV", "daytime": "DT",
}  # fmt: skip
PART_HOURS = {"MO": (6, 12), "MI": (12, 14), "AF": (12, 18), "EV": (18, 24), "NI": (22, 30), "DT": (6, 18)}
SEASONS = {
    "printemps": "SP", "ete": "SU", "automne": "FA", "hiver": "WI",
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

_UNITS = {
    "seconde": "S", "secondes": "S", "second": "S", "seconds": "S", "sec": "S",
    "minute": "TM", "minutes": "TM", "min": "TM", "mn": "TM",
    "heure": "H", "heures": "H", "hour": "H", "hours": "H",
    "jour": "D", "jours": "D", "journee": "D", "journees": "D", "day": "D", "days": "D",
    "semaine": "W", "semaines": "W", "week": "W", "weeks": "W",
    "mois": "M", "month": "M", "months": "M",
    "trimestre": "Q", "trimestres": "Q", "quarter": "Q", "quarters": "Q",
    "semestre": "HY", "semestres": "HY",
    "an": "Y", "ans": "Y", "annee": "Y", "annees": "Y", "year": "Y", "years": "Y",
    "decennie": "DE", "decennies": "DE", "decade": "DE", "decades": "DE",
    "siecle": "CE", "siecles": "CE", "century": "CE", "centuries": "CE",
}  # fmt: skip
UNITS = _UNITS
# A unit's length in ISO 8601 duration terms: (designator, multiplier, time part?)
UNIT_ISO = {
    "S": ("S", 1, True), "TM": ("M", 1, True), "H": ("H", 1, True), "D": ("D", 1, False),
    "W": ("W", 1, False), "M": ("M", 1, False), "Q": ("M", 3, False), "HY": ("M", 6, False),
    "Y": ("Y", 1, False), "DE": ("Y", 10, False), "CE": ("Y", 100, False),
}  # fmt: skip

_NUMBER_WORDS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "cent": 100, "cents": 100, "mille": 1000,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
_WORD = "|".join(sorted((w.strip() for w in _NUMBER_WORDS), key=len, reverse=True))
# "dix-huit", "vingt et un", "quatre-vingt-dix", "deux cents"; or digits, with a decimal comma or point.
# At most 8 words ("mille neuf cent quatre-vingt-dix-neuf" has 7): unbounded, "un un un …" took quadratic time.
NUMBER = rf"(?:\d+(?:[.,]\d+)?|(?:{_WORD})(?:(?:-et-|-| et | )(?:{_WORD})){{0,7}})"
# "18 h", "20 h 30", "15h40", "0 h 40", "20 heures 30", "20:30"
DAY_NUMBER = r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])"
ORDINALS = {
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "first": 1, "deuxieme": 2, "second": 2, "seconde": 2,
    "2e": 2, "troisieme": 3, "third": 3, "3e": 3, "quatrieme": 4, "fourth": 4, "4e": 4, "cinquieme": 5,
    "dernier": -1, "derniere": -1, "last": -1,
}  # fmt: skip


def number(text: str) -> float | None:
    """The value of a number written in digits or words ("dix-huit", "quatre-vingt-dix", "30,4"), or None."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    total, current = 0, 0
    for token in re.split(r"-et-|-| et | ", text):
        value = _NUMBER_WORDS.get(token)
        if value is None:
            return None
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 20 and current % 100 == 4:  # quatre-vingt(s)
            current = current - 4 + 80
        else:
            current += value
    return float(total + current)


def alternatives(words) -> str:
    """A regular-expression alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTH = alternatives(MONTHS)
WEEKDAY = alternatives(WEEKDAYS)
PART = alternatives(PARTS)
SEASON = alternatives(SEASONS)
UNIT = alternatives(_UNITS)
