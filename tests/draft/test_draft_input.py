"""What `newsline draft` and `newsline REPORT.txt` accept as a report: only a regular file, of at most
1 MiB, in UTF-8 or (with a byte-order mark) UTF-16 or UTF-32; a sentence longer than spaCy reads at once,
drafted in pieces; and a report that does not look French, drafted with a warning.

spaCy's pipeline loads once per session (the ``french_pipeline`` fixture); the commands that must refuse
before loading it run as subprocesses.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tui.draft import draft_report
from tui.draft.reading import read_report_text
from tui.model import parse_report

from ..conftest import ARTICLE, ROOT

REPORTS = Path(__file__).parents[1] / "reports"
LIMIT = 1024 * 1024  # the documented limit of a report's text

FRENCH = "Le président a déclaré jeudi : « La ville est évacuée. »\nÀ Kharkiv, l’armée a reculé.\n"
ENGLISH = (
    "The minister said on Thursday that the army had withdrawn from the city after two days of fighting, "
    "according to the agency. Residents were evacuated overnight and the mayor asked them not to return "
    "until the roads are cleared. Earlier, officials had warned that the bridge could be hit again.\n"
)
RUSSIAN = (
    "Министр заявил в четверг, что армия отошла от города после двух дней боёв, сообщает агентство. "
    "Жителей эвакуировали ночью, а мэр попросил их не возвращаться, пока дороги не расчистят.\n"
)


def newsline(*args: str, cwd: Path = ROOT, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    def at_most_a_gigabyte() -> None:  # a reader that does not stop fails fast instead of filling the memory
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        preexec_fn=at_most_a_gigabyte,
    )


# -- only a regular file, and only so much of it ----------------------------------------------------------


@pytest.mark.slow  # the command in a subprocess
@pytest.mark.parametrize("command", [["draft"], []], ids=["draft", "review"])
def test_a_fifo_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    result = newsline(*command, str(fifo), timeout=30)
    assert result.returncode == 2
    assert result.stderr == f"newsline: cannot open {fifo}: it is a FIFO (named pipe), expected a regular file.\n"


@pytest.mark.slow  # the command in a subprocess
def test_a_device_is_refused_at_once():
    result = newsline("draft", "/dev/zero", timeout=30)
    assert result.returncode == 2
    assert "newsline: cannot open /dev/zero: it is a character device, expected a regular file." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_report_over_the_limit_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Le ministre a dit. " * (LIMIT // 19) + b"x" * (LIMIT % 19 + 1))
    assert big.stat().st_size == LIMIT + 1
    with pytest.raises(ValueError) as refused:
        read_report_text(big)
    assert str(refused.value) == f"newsline: cannot open {big}: it is larger than newsline reads (1 MiB)."
    (tmp_path / "fits.txt").write_bytes(big.read_bytes()[:LIMIT])
    assert len(read_report_text(tmp_path / "fits.txt")) == LIMIT


@pytest.mark.slow  # the command in a subprocess
def test_the_review_refuses_before_the_app_starts(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (LIMIT + 1))
    result = newsline(str(big), timeout=60)
    assert result.returncode == 2
    assert result.stderr == f"newsline: cannot open {big}: it is larger than newsline reads (1 MiB).\n"
    assert result.stdout == ""  # not a character of the app's screen


def test_a_file_name_is_printed_safely(tmp_path):
    named = tmp_path / "a\x1b[31mred.txt"
    named.write_bytes(b"")
    with pytest.raises(ValueError) as refused:
        read_report_text(named)
    assert "\x1b" not in str(refused.value) and "cannot open" in str(refused.value)


# -- encodings --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_a_report_with_a_byte_order_mark_is_read(tmp_path, encoding, bom):
    path = tmp_path / "r.txt"
    path.write_bytes(bom + FRENCH.replace("\n", "\r\n").encode(encoding))
    assert read_report_text(path) == FRENCH


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf_16_without_a_byte_order_mark_is_named(tmp_path, encoding):
    path = tmp_path / "r.txt"
    path.write_bytes(FRENCH.encode(encoding))
    with pytest.raises(ValueError) as refused:
        read_report_text(path)
    message = str(refused.value)
    endian = "little" if encoding.endswith("le") else "big"
    assert message.startswith(f"newsline: cannot open {path}: it looks like UTF-16 ({endian}-endian) without")
    assert "byte-order mark" in message and "UTF-8" in message


def test_invalid_utf_8_says_where_and_what_was_expected(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("Le président a parlé.".encode("latin-1"))
    with pytest.raises(ValueError) as refused:
        read_report_text(path)
    message = str(refused.value)
    assert message.startswith(f"newsline: cannot open {path}: not UTF-8 text: at byte 5, ")
    assert "0xE9" in message and "0x73" in message and "expected" in message
    assert message.count("\n") == 0 and message.endswith(".")


def test_a_file_ending_inside_a_character_says_so(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("Le président".encode() + b"\xc3")
    with pytest.raises(ValueError, match=r"not UTF-8 text: at byte 13, the file ends inside a character"):
        read_report_text(path)


# -- a sentence longer than spaCy parses at once ----------------------------------------------------------


def test_a_text_longer_than_spacy_reads_is_drafted_in_pieces(french_pipeline, monkeypatch):
    monkeypatch.setattr(french_pipeline, "max_length", 300)
    endless = " ".join(["le ministre a dit que la ville était calme"] * 40)  # one sentence, no full stop
    text = f"Le maire a parlé jeudi.\n\n{endless}\n\nLa préfecture a confirmé l’évacuation vendredi.\n"
    assert len(endless) > 1000
    data = draft_report(text, french_pipeline, document_id="long")
    parse_report(json.dumps(data))
    spans = [s for e in data["events"] for s in e["sentences"]] + [e["time"] for e in data["events"] if e["time"]]
    assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert all(len(s["text"]) <= 300 for e in data["events"] for s in e["sentences"])
    assert any(s["text"].startswith("La préfecture a confirmé") for e in data["events"] for s in e["sentences"])


def test_the_draft_command_never_shows_spacys_raw_message(tmp_path, french_pipeline, monkeypatch, capsys):
    from tui.commands.draft import run

    monkeypatch.setattr(french_pipeline, "max_length", 100)
    report = tmp_path / "long.txt"
    report.write_text("Le maire a parlé jeudi " + "et le ministre a dit " * 30 + ".\n", encoding="utf-8")
    assert run([str(report), "-o", str(tmp_path / "out.json")]) == 0
    assert "E088" not in capsys.readouterr().err
    assert parse_report((tmp_path / "out.json").read_text(encoding="utf-8")).events


# -- the report's language ----------------------------------------------------------------------------------


@pytest.mark.slow  # spaCy's language data: 1-2 s to import
def test_languages_are_guessed_from_spacys_stop_words_and_the_script():
    from tui.draft.reading import guess_language

    assert guess_language(ENGLISH) == "en"
    assert guess_language(RUSSIAN) == "ru"
    for path in [*REPORTS.glob("*.txt"), ARTICLE]:
        assert guess_language(path.read_text(encoding="utf-8")) == "fr", path.name


@pytest.mark.parametrize(("text", "language"), [(ENGLISH, "English"), (RUSSIAN, "Russian")], ids=["en", "ru"])
def test_a_report_not_in_french_is_drafted_with_a_warning(tmp_path, french_pipeline, capsys, text, language):
    from tui.commands.draft import run

    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    assert run([str(report), "-o", str(tmp_path / "out.json")]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == (
        f"newsline: warning: {report} looks like {language}, not French: newsline drafts French reports, "
        "so expect a poor draft."
    )
    assert lines[1].startswith("newsline: drafted")
