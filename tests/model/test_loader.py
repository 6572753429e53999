"""The loader: valid files load, and every kind of bad input gets one clear message, all problems at once."""

from __future__ import annotations

import json
import os
import re
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.model import ReportError, load_report, parse_report

from ..conftest import SMALL_TEXT, small_report_data, span


def problems_of(data, write_json) -> tuple[str, ReportError]:
    path = write_json(data)
    with pytest.raises(ReportError) as caught:
        load_report(path)
    return str(path), caught.value


def test_small_report_loads_with_typed_immutable_records(small_data, write_json):
    report = load_report(write_json(small_data))
    assert report.document.text == SMALL_TEXT
    assert report.document.published.estimate.utcoffset() == timedelta(hours=3)
    bob = report.event("bob-says-no")
    assert bob.relations[0].target == "alice-speaks"
    assert bob.quotes[0].span.text == "« [bold]non »"
    assert report.actor("bob").identification.value == "Robert"
    with pytest.raises(AttributeError):
        bob.summary = "changed"  # type: ignore[misc]


def test_broken_json_names_file_line_and_column(write_json):
    path, error = problems_of('{\n  "format": "newsline/1",\n  "document": {\n}', write_json)
    message = str(error)
    assert message.startswith(f"newsline: cannot open {path}: not valid JSON: line 4, column 2")
    assert "\n" not in message


def test_missing_field_wrong_type_and_bad_vocabulary_are_all_reported(small_data, write_json):
    del small_data["events"][0]["summary"]
    small_data["events"][1]["actors"] = "bob"
    small_data["actors"][0]["side"] = "neutral"
    _, error = problems_of(small_data, write_json)
    message = str(error)
    assert "3 problems found" in message
    assert "$.events[0].summary: expected a value (required field is missing)" in message
    assert '$.events[1].actors: expected an array, found "bob"' in message
    assert (
        '$.actors[0].side: expected one of ukraine, russia, russian-installed, media, civilians, found "neutral"'
        in message
    )


def test_dangling_and_duplicate_ids(small_data, write_json):
    small_data["events"][1]["relations"][0]["target"] = "nobody-speaks"
    small_data["events"][0]["actors"] = ["carol"]
    small_data["actors"][1]["id"] = "alice"
    _, error = problems_of(small_data, write_json)
    message = str(error)
    assert '$.events[1].relations[0].target: expected the id of an item in $.events, found "nobody-speaks"' in message
    assert '$.events[0].actors[0]: expected the id of an item in $.actors, found "carol"' in message
    assert "$.actors[1].id: expected a unique actor id, 'alice' is used twice" in message


def test_span_off_the_text(small_data, write_json):
    small_data["events"][0]["time"]["start"] += 1
    small_data["events"][1]["quotes"][0]["span"]["end"] = 10_000
    _, error = problems_of(small_data, write_json)
    message = str(error)
    assert '$.events[0].time: expected text equal to document.text[15:19], which is "eudi", found "jeudi"' in message
    assert (
        f"$.events[1].quotes[0].span.end: expected an offset within document.text (length {len(SMALL_TEXT)}), found 10000"
        in message
    )


def test_unknown_field_and_naive_datetime(small_data, write_json):
    small_data["events"][0]["when"] = "yesterday"
    small_data["document"]["published"]["estimate"] = "2022-09-11T12:00:00"
    _, error = problems_of(small_data, write_json)
    message = str(error)
    assert "$.events[0].when: expected no such field (allowed:" in message
    assert "$.document.published.estimate: expected an ISO 8601 date-time with a UTC offset" in message
    assert "(the offset is missing)" in message


def test_wrong_format_version_and_root_type(write_json):
    _, error = problems_of([1, 2], write_json)
    assert "$: expected an object, found an array" in str(error)
    data = small_report_data()
    data["format"] = "newsline/2"
    _, error = problems_of(data, write_json)
    assert '$.format: expected "newsline/1", found "newsline/2"' in str(error)


def test_unreadable_files_get_a_message_not_a_traceback(tmp_path):
    with pytest.raises(ReportError, match=r"cannot open .*missing\.json: no such file"):
        load_report(tmp_path / "missing.json")
    with pytest.raises(ReportError, match="it is a directory"):
        load_report(tmp_path)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"a": "é"}'.encode("latin-1"))
    with pytest.raises(ReportError, match=r"not UTF-8 text \(byte 7\)"):
        load_report(latin)


def test_loading_never_writes_to_the_input(small_data, write_json):
    good = write_json(small_data, "good.json")
    small_data["events"][0]["actors"] = ["nobody"]
    bad = write_json(small_data, "bad.json")
    before = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in (good, bad)}
    load_report(good)
    with pytest.raises(ReportError):
        load_report(bad)
    assert {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in (good, bad)} == before


def test_parse_report_accepts_text():
    report = parse_report(json.dumps(small_report_data()))
    assert [e.id for e in report.events] == ["alice-speaks", "bob-says-no"]


# -- the loader is total: a report or its own error, whatever the file holds -------------------------------


def only_problem(data, write_json, raw: str | None = None) -> str:
    path = write_json(raw if raw is not None else data)
    with pytest.raises(ReportError) as caught:
        load_report(path)
    message = str(caught.value)
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
        ('{"a": ' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
        ('{"n": ' + "9" * 5_000 + "}", "not valid JSON for newsline: exceeds the limit (4300 digits)"),
    ],
    ids=["deep-arrays", "deep-objects", "long-integer"],
)
def test_json_the_parser_cannot_hold_gets_a_message(write_json, raw, expected):
    assert expected in only_problem(None, write_json, raw)


def test_an_event_missing_its_lists_or_with_a_wrong_id_is_reported_not_a_type_error(small_data, write_json):
    small_data["events"].append({"id": 42})
    del small_data["events"][0]["claims"]
    message = only_problem(small_data, write_json)
    assert "$.events[0].claims: expected a value (required field is missing)" in message
    assert "$.events[2].id: expected a non-empty string, found 42" in message
    assert "$.events[2].sentences: expected a value (required field is missing)" in message


def test_a_lone_surrogate_is_refused_with_its_place(small_data, write_json):
    raw = json.dumps(small_data).replace('"Alice speaks"', '"Alice \\ud800 speaks"')
    raw = raw.replace('"role": "speaker"', '"role": "speak\\uDC00er"', 1)
    message = only_problem(None, write_json, raw)
    assert "$.events[0].summary: expected Unicode text, found a lone surrogate (\\ud800) at character 6" in message
    assert "$.actors[0].role: expected Unicode text, found a lone surrogate (\\udc00) at character 5" in message
    # a surrogate pair, escaped as JSON allows, is one character and loads
    raw = json.dumps(small_data).replace('"Alice speaks"', '"Alice \\ud83d\\ude00 speaks"')
    assert load_report(write_json(raw)).event("alice-speaks").summary == "Alice 😀 speaks"


def test_a_byte_order_mark_is_accepted(small_data, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(small_data, ensure_ascii=False).encode())
    assert load_report(path).document.id == "small"
    assert parse_report("\ufeff" + json.dumps(small_data)).document.id == "small"


@pytest.mark.parametrize(
    ("number", "found"),
    [("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"), ("1e400", "Infinity"),
     ("1" + "0" * 4000, "a whole number of about 4000 digits")],
)  # fmt: skip
def test_quantities_must_be_finite(small_data, write_json, number, found):
    small_data["events"][0]["claims"] = [
        {"id": "c1", "span": small_data["events"][0]["time"], "quantity": 1, "unit": "km", "about": "distance"}
    ]
    raw = json.dumps(small_data).replace('"quantity": 1,', f'"quantity": {number},')
    message = only_problem(None, write_json, raw)
    assert "$.events[0].claims[0].quantity: expected a finite number" in message
    assert message.rstrip().endswith(f"found {found}")


@pytest.mark.parametrize("schema", [5, None, [], {"$ref": "x"}, True])
def test_schema_must_be_a_string(small_data, write_json, schema):
    small_data["$schema"] = schema
    assert "$.$schema: expected the URL or path of the JSON Schema, as a string" in only_problem(small_data, write_json)
    small_data["$schema"] = "tui/model/events.schema.json"
    load_report(write_json(small_data))


def test_every_zone_less_timestamp_is_reported(small_data, write_json):
    published = small_data["document"]["published"]
    for key in ("earliest", "estimate", "latest"):
        published[key] = published[key].removesuffix("+03:00")
    message = only_problem(small_data, write_json)
    for key in ("earliest", "estimate", "latest"):
        assert f"$.document.published.{key}: expected an ISO 8601 date-time with a UTC offset" in message
    assert "3 problems found" in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom", "fifo"])
def test_only_regular_files_are_read(tmp_path, special):
    """A device or a FIFO would hang newsline, or fill its memory: it is refused before anything is read."""
    if special == "fifo":
        special = str(tmp_path / "fifo")
        os.mkfifo(special)
    kind = "a FIFO (named pipe)" if special.endswith("fifo") else "a character device"
    with pytest.raises(ReportError, match=rf"cannot open {special}: it is {re.escape(kind)}, expected a regular file"):
        load_report(special)


def test_a_file_over_the_stated_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (2 * 1024 * 1024))
    monkeypatch.setattr("tui.model.loader.EVENTS_LIMIT", 1024 * 1024)
    with pytest.raises(ReportError, match=r"big\.json: it is larger than newsline reads \(1 MiB\)"):
        load_report(path)


def test_messages_show_hostile_keys_and_values_as_symbols(small_data, write_json):
    small_data["events"][0]["\x1b]0;pwned\x07"] = 1
    small_data["actors"][0]["side"] = "\x9b2J\u202e"
    message = only_problem(small_data, write_json)
    assert "$.events[0].␛]0;pwned␇: expected no such field" in message
    assert "$.actors[0].side: expected one of" in message
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", message)


# Every place of a valid file, and every JSON value a hostile or careless file could hold there.
_JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**300, max_value=10**4000)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["", " ", "\x1b[2J", "2022-09-11T12:00:00", "2022-09-11T12:00:00+03:00", "alice", "e1",
                      "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "newsline/1"])
)  # fmt: skip
_JSON_VALUES = st.recursive(
    _JSON_LEAVES,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def _places(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


_SMALL_PLACES = list(_places(small_report_data()))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(_SMALL_PLACES), value=_JSON_VALUES, remove=st.booleans())
def test_any_value_anywhere_loads_or_gets_the_loaders_error(place, value, remove):
    data = small_report_data()
    data = _put(data, place, value, remove)
    text = json.dumps(data, ensure_ascii=False)
    try:
        report = parse_report(text)
    except ReportError as error:
        message = str(error)
        assert message.startswith("newsline: cannot open <string>:")
        message.encode("utf-8")  # printable: no lone surrogate
    else:
        assert report.document.text


def _put(data, place, value, remove):
    """``data`` with ``value`` at ``place`` (a path of keys and indices; empty: the whole file), or with the
    field there removed when ``remove`` and its parent is an object."""
    if not place:
        return value
    parent = data
    for step in place[:-1]:
        parent = parent[step]
    if remove and isinstance(parent, dict):
        del parent[place[-1]]
    else:
        parent[place[-1]] = value
    return data


def _every_field():
    """The small report with every optional field filled in: claims, a time anchor, a tense."""
    data = small_report_data()
    data["events"][1]["claims"] = [
        {"id": "c1", "span": data["events"][1]["relations"][0]["cue"], "quantity": 2.5, "unit": "h", "about": "x"}
    ]
    data["events"][0]["time_anchor"] = "bob-says-no"
    data["events"][1]["tense"] = {"form": "pluperfect", "cue": span(SMALL_TEXT, "avait dit")}
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(list(_places(_every_field()))), value=_JSON_VALUES, remove=st.booleans())
@example(place=("events", 1, "tense", "form"), value="future-perfect", remove=False)
@example(place=("events", 1, "tense", "cue"), value=None, remove=False)
@example(place=("events", 1, "relations", 0, "type"), value="sometimes", remove=False)
@example(place=("events", 1, "quotes", 0, "mode"), value="indirect", remove=False)
@example(place=("events", 1, "sources", 0, "cue"), value=None, remove=False)
@example(place=("events", 0, "sources"), value=[], remove=False)
@example(place=("events", 0, "actors", 0), value=" ", remove=False)
@example(place=("events", 0, "id"), value="-x", remove=False)
@example(place=("events", 0, "id"), value="x\n", remove=False)
@example(place=("document", "language"), value="fr\n", remove=False)
@example(place=("events", 0, "summary"), value=" ", remove=False)
@example(place=("events", 0, "time_anchor"), value=None, remove=False)
@example(place=("events", 1, "claims", 0, "quantity"), value=10**300, remove=False)
@example(place=("events", 1, "claims", 0, "quantity"), value=float("nan"), remove=False)
@example(place=("document", "published", "estimate"), value="2022-09-11T12:00+03:00", remove=False)
def test_the_reading_accepts_and_refuses_exactly_what_the_wording_does(place, value, remove):
    """The loader decodes a file in one pass (msgspec, into the declared records), and reads it again to word
    every problem only if that pass refuses it: the two must agree on every file, valid or not."""
    from tui.model import loader

    data = _every_field()
    if place:  # an empty place leaves the file as it is here
        data = _put(data, place, value, remove)
    text = json.dumps(data, ensure_ascii=False)
    read = loader.decode(text)
    worded = _outcome(lambda text: loader._word(*loader._parse_json(text, "<string>"), "<string>"), text)
    if read is None:
        assert isinstance(worded, str) and "problem" in worded
    else:
        assert read == worded


def _outcome(read, text):
    try:
        return read(text)
    except ReportError as error:
        return str(error)


_TOP_LEVEL = list(small_report_data())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    place=st.sampled_from(_SMALL_PLACES),
    value=_JSON_VALUES,
    order=st.permutations(_TOP_LEVEL),
    cut=st.none() | st.integers(min_value=0, max_value=3000),
    extra=st.sampled_from(["", " ", "\n", "x", "{}", ', "events": []', ', "unknown": 1']),
    remove=st.booleans(),
)
def test_reading_in_one_pass_gives_what_the_wording_gives(place, value, order, cut, extra, remove):
    """Any file, in any key order (its lists before its document too), broken or not, loads (or is refused,
    with the same message) exactly as the wording reading of its parsed JSON would have it."""
    from tui.model import loader

    data = small_report_data()
    if place:  # an empty place leaves the file as it is here
        data = _put(data, place, value, remove)
    text = json.dumps({key: data[key] for key in order if key in data}, ensure_ascii=False)
    if cut is not None:
        text = text[:cut]
    elif extra.startswith(","):
        text = text[:-1] + extra + "}"
    else:
        text += extra
    streamed = _outcome(parse_report, text)
    whole = _outcome(lambda text: loader._word(*loader._parse_json(text, "<string>"), "<string>"), text)
    assert streamed == whole


@pytest.mark.parametrize("layout", ["as-written", "reordered"])
def test_a_file_of_countless_problems_gets_a_message_of_bounded_size(small_data, layout):
    """Each problem counts; the first 50 are shown and at most 1 000 kept, so a list of a million wrong
    items neither floods the terminal nor fills the memory with messages."""
    from tui.model import loader

    small_data["actors"] = [5] * 200_000
    if layout == "reordered":  # read whole rather than as parsed: the same message
        small_data = {"events": small_data.pop("events"), **small_data}
    with pytest.raises(ReportError) as caught:
        parse_report(json.dumps(small_data))
    message = str(caught.value).splitlines()
    assert message[0].startswith("newsline: cannot open <string>: 200") and message[0].endswith("problems found.")
    assert message[1] == "  $.actors[0]: expected an object, found 5"
    assert len(message) == 1 + loader.SHOWN_PROBLEMS + 1
    assert message[-1].startswith("  … and ") and message[-1].endswith(" more problems, not shown.")
    assert len(caught.value.problems) == loader.KEPT_PROBLEMS


def test_files_are_decoded_in_one_pass_whatever_their_key_order():
    """The bundled report, the synthetic ones and a file whose lists come before its document are decoded in
    one pass, straight into the records, never read again as parsed JSON (which holds 320 MB of dicts at
    100 000 events): the memory and the speed of loading depend on it."""
    from tui.model import loader

    from ..conftest import EVENTS_JSON
    from ..synthetic import synthetic_report

    synthetic = synthetic_report(50)
    reordered = {key: synthetic[key] for key in reversed(list(synthetic))}
    for text in (
        EVENTS_JSON.read_text(encoding="utf-8"),
        json.dumps(synthetic, ensure_ascii=False),
        json.dumps(reordered, ensure_ascii=False),
    ):
        report = loader.decode(text)  # None if it would read the file again to word a problem
        assert report is not None
        assert report == parse_report(text) == loader._word(json.loads(text), False, "<string>")
