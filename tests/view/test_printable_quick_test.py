"""The sanitiser's quick test (tui.printable._SUSPECT) stands for its exact class: the same verdict on every
character below U+10000, and at least as strict beyond, where the exact class then decides."""

from tui.printable import _SUSPECT, _UNSAFE, escaped_json, printable

BELOW = "".join(map(chr, range(0x10000)))
BEYOND = "".join(map(chr, range(0x10000, 0x110000)))


def test_the_quick_test_agrees_below_u10000():
    assert _SUSPECT.findall(BELOW) == _UNSAFE.findall(BELOW)


def test_the_quick_test_lets_nothing_through_beyond():
    assert len(_SUSPECT.findall(BEYOND)) == len(BEYOND)


def test_beyond_u10000_the_exact_class_decides():
    assert printable("fire 🔥 at 🇺🇦") == "fire 🔥 at UA"  # an emoji is kept, a regional indicator is a letter
    assert escaped_json('"🔥\U000e0041"') == '"🔥\\udb40\\udc41"'
    assert printable("Kharkiv ← ‘samedi’ é") == "Kharkiv ← ‘samedi’ é"


def test_json_text_keeps_a_character_exactly_when_the_exact_class_lets_it_through():
    """escaped_json's quicker tests (ASCII text that prints, then the quick class) decide as the exact class
    does, for every character below U+10000 and those of the class beyond, alone and in ASCII text."""
    unsafe = set(_UNSAFE.findall(BELOW)) | set(_UNSAFE.findall(BEYOND)[::97])
    for char in [*BELOW, *unsafe]:
        kept = char not in unsafe
        assert (escaped_json(char) == char) == kept, hex(ord(char))
        assert (escaped_json(f"ab{char}") == f"ab{char}") == kept, hex(ord(char))
