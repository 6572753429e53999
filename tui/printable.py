"""The one sanitiser: every string from the data, or from the user, passes through :func:`printable` before it
is shown — in a pane, a screen, the status line, the palette, a message on stderr or the table that
``newsline timeline`` prints.

Text from the data is data. A character that would act on the terminal instead of being drawn — C0 and C1
controls (ESC, and so every CSI and OSC sequence; C1's own CSI), a line break in a one-line place, bidi
overrides — is shown as a symbol. So is every character whose width terminals disagree on, as those shift
the borders of the panes after it: zero-width and format characters, the joiner of emoji sequences, variation
selectors, skin-tone modifiers, enclosing marks, Hangul fillers and conjoining vowels, private-use characters.
Each character becomes exactly one character (regional indicators, the halves of a flag, become their
letter: 🇺🇦 reads "UA"), so offsets into the text stay valid for highlighting spans.

No import beyond the standard library: the model's error messages use it too.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "["
    "\x00-\x1f\x7f-\x9f"  # C0 (tab and line feed included: handled below) and C1 controls, DEL
    "\xad"  # soft hyphen
    "\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"  # format characters (Arabic, Syriac, Mongolian)
    "\u115f\u1160-\u11ff\ud7b0-\ud7ff\u3164\uffa0"  # Hangul fillers and conjoining vowels and finals
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f"  # zero-width, joiners, direction marks, line/paragraph separators
    "\u20d0-\u20ff"  # combining marks for symbols (enclosing keycaps, circles)
    "\ud800-\udfff"  # lone surrogates
    "\ue000-\uf8ff\U000f0000-\U0010ffff"  # private use
    "\ufe00-\ufe0f\U000e0000-\U000e0fff"  # variation selectors, tags
    "\ufeff\ufff9-\ufffb\ufffe\uffff"  # byte-order mark, interlinear annotation, non-characters
    "\U0001f1e6-\U0001f1ff"  # regional indicators
    "\U0001f3fb-\U0001f3ff"  # skin-tone modifiers
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"  # more format chars
    "]"
)

# The same test, quicker, for the common case: every character of the class above below U+10000 and the
# whole of the planes beyond it. Python's regular expressions test a class holding only characters below
# U+10000 against a table, one look-up a character; with the ranges beyond, against each range in turn,
# five times slower (2 against 10 ns a character) — and all the output of ``newsline timeline --json`` at
# 100 000 events is scanned. Text where this finds nothing is safe; where it finds something, the exact
# class decides.
_SUSPECT = re.compile(
    "["
    + "".join(
        f"{first}-{last}" if first != last else first
        for first, last in re.findall(r"(.)(?:-(.))?", _UNSAFE.pattern[1:-1], re.DOTALL)
        for last in [last or first]
        if ord(last) <= 0xFFFF
    )
    + "\U00010000-\U0010ffff]"
)

NEWLINE = "␤"
REPLACEMENT = "�"


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with every character that is not safe to draw replaced by one that is, one for one.

    Control characters become their Unicode symbol (ESC is ``␛``), a line break becomes ``␤`` unless
    ``lines`` keeps line breaks (for the article's own paragraphs), a tab a space, invisible and
    width-ambiguous characters a space, regional indicators their letter, the rest ``�``.
    """
    if _SUSPECT.search(text) is None:
        return text
    replace = _replace_keeping_lines if lines else _replace
    return _UNSAFE.sub(replace, text)


def is_printable(text: str, *, lines: bool = False) -> bool:
    """Whether :func:`printable` would leave ``text`` as it is."""
    return printable(text, lines=lines) == text


def _replace(match: re.Match[str]) -> str:
    return _symbol(match.group())


def _replace_keeping_lines(match: re.Match[str]) -> str:
    char = match.group()
    return char if char == "\n" else _symbol(char)


def _symbol(char: str) -> str:
    code = ord(char)
    if char == "\t":
        return " "
    if char in "\n\u2028\u2029":
        return NEWLINE
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    if code == 0x7F:
        return "␡"
    if 0x1F1E6 <= code <= 0x1F1FF:
        return chr(ord("A") + code - 0x1F1E6)
    if code <= 0x9F or 0xD800 <= code <= 0xF8FF or code >= 0xF0000 or code in (0xFFFE, 0xFFFF):
        return REPLACEMENT  # C1 controls, lone surrogates, private use, non-characters
    return " "  # invisible, or drawn at widths terminals disagree on


def escaped_json(text: str) -> str:
    """JSON text with every character :func:`printable` would replace written as a ``\\u`` escape instead:
    the same JSON to a parser, and nothing that acts on a terminal it is printed to (``json.dumps`` leaves
    C1 controls, bidi overrides and line separators as they are when it keeps non-ASCII text)."""
    if (text.isascii() and text.isprintable()) or _SUSPECT.search(text) is None:  # the first, a quicker test
        return text
    return _UNSAFE.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # as a surrogate pair, as JSON writes characters beyond the BMP
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"
