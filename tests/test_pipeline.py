"""process()/clean() as a whole: the non-negotiables, checked as properties."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newsnorm
from newsnorm import Config, Document, clean, process
from newsnorm.edits import apply_edits, check_edits

from .prose import clean_prose


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (b"bytes", "decode"),
        (bytearray(b"x"), "decode"),
        (None, "as a str"),
        (42, r"str\(value\)"),
        (4.2, r"str\(value\)"),
        (["a"], r"str\(value\)"),
    ],
)
@pytest.mark.parametrize(
    "func",
    [
        newsnorm.process,
        newsnorm.clean,
        newsnorm.extract_numbers,
        newsnorm.extract_dates,
        newsnorm.extract_names,
        newsnorm.fix_and_explain,
    ],
)
def test_non_str_input_is_a_type_error_that_says_what_to_do(
    func: object, value: object, hint: str
) -> None:
    with pytest.raises(TypeError, match=hint):
        func(value)  # type: ignore[operator]


def test_reference_date_must_be_a_date() -> None:
    with pytest.raises(TypeError, match=r"datetime\.date"):
        process("text", reference_date="2021-07-06")  # type: ignore[arg-type]


def _check_document(doc: Document) -> None:
    check_edits(doc.original, doc.edits)
    assert apply_edits(doc.original, doc.edits) == doc.text
    n = len(doc.text)
    for f in doc.flags:
        assert 0 <= f.start <= f.end <= n
    for m in [*doc.numbers, *doc.dates, *doc.names]:
        assert 0 <= m.start <= m.end <= n
        assert doc.text[m.start : m.end] == m.text
        o0, o1 = doc.to_original(m.start, m.end)
        assert 0 <= o0 <= o1 <= len(doc.original)


@given(st.text())
def test_any_str_gives_a_consistent_document(text: str) -> None:
    doc = process(text)
    _check_document(doc)
    assert clean(text) == doc.text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_json_round_trip(text: str) -> None:
    doc = process(text)
    assert Document.model_validate_json(doc.model_dump_json()) == doc


@given(st.one_of(st.text(), clean_prose()))
def test_document_built_without_validation_equals_a_validated_one(text: str) -> None:
    # process() builds its Document from the stages' values without validating them again.
    doc = process(text)
    fields = {name: getattr(doc, name) for name in Document.model_fields}
    checked = Document.model_validate(fields)
    assert doc == checked
    assert repr(doc) == repr(checked)
    assert doc.model_fields_set == checked.model_fields_set
    assert doc.__pydantic_private__ == checked.__pydantic_private__
    assert doc.model_dump() == checked.model_dump()
    if doc.text:
        assert doc.to_original(0, len(doc.text)) == checked.to_original(0, len(doc.text))


@given(st.text())
def test_json_never_fails_even_with_lone_surrogates(text: str) -> None:
    doc = process(text)
    data = json.loads(doc.model_dump_json())
    assert len(data["original"]) == len(doc.original)


@given(st.text())
# U+2028 ends the byline's line for the later fixers, so it ends the mojibake window too.
@example(text="World Amran Forobali Tuesday July 6th, 2021 0 Views\u2028\x9b\u00df")
@example(
    text="World \u0639\u0645\u0631\u0627\u0646 Amran Forobali July 6, 2021 0 Views\u2028\x9b\u00df"
)
def test_clean_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@given(clean_prose())
def test_clean_prose_passes_unchanged(text: str) -> None:
    doc = process(text)
    assert doc.text == text
    assert doc.edits == []


@given(clean_prose())
def test_to_original_is_identity_on_untouched_text(text: str) -> None:
    doc = process(text)
    for start in range(0, len(text), 7):
        end = min(len(text), start + 5)
        assert doc.to_original(start, end) == (start, end)


def test_to_original_maps_around_an_edit() -> None:
    original = "The  report came."
    doc = process(original)
    assert doc.text == "The report came."
    start = doc.text.index("report")
    o0, o1 = doc.to_original(start, start + len("report"))
    assert original[o0:o1] == "report"


def test_to_original_rejects_spans_outside_the_text() -> None:
    doc = process("abc")
    with pytest.raises(ValueError):
        doc.to_original(2, 9)


def test_config_switches_fixers_off_by_name() -> None:
    text = "He said the the report was late."
    assert process(text).text == "He said the report was late."
    assert process(text, config=Config.without("doubled_words")).text == text
    with pytest.raises(ValueError, match="unknown fixer"):
        Config(fixers={"no_such_fixer": True})


def test_every_fixer_can_be_switched_off_alone() -> None:
    from newsnorm.cleanup import FIXER_NAMES

    text = "World Tuesday July 6th, 2021 0 Views\n\nThe the  Afghan-Afghan border , They will."
    for name in FIXER_NAMES:
        doc = process(text, config=Config.without(name))
        _check_document(doc)
        assert all(name not in e.kind.split("+") for e in doc.edits), name


def test_process_uses_reference_date_over_byline() -> None:
    text = "World Amran Forobali Tuesday July 6th, 2021 0 Views\n\nIt happened on Friday."
    byline_only = process(text)
    assert byline_only.meta.published == date(2021, 7, 6)
    assert [d.timex for d in byline_only.dates] == ["2021-07-02"]  # the Friday before Tuesday
    given = process(text, reference_date=date(2021, 7, 20))
    _check_document(given)
    assert [d.timex for d in given.dates] == ["2021-07-16"]


def test_a_unicode_line_separator_ends_a_byline_line() -> None:
    # U+2028 becomes a newline first, so the byline is a line of its own and goes.
    doc = process("World Amran Forobali Tuesday July 6th, 2021 0 Views\u2028It happened on Friday.")
    _check_document(doc)
    assert doc.text == "It happened on Friday."
    assert doc.meta.published == date(2021, 7, 6)


def test_a_solar_hijri_byline_dates_the_article() -> None:
    # 15 Tir 1400 is Tuesday 6 July 2021: the byline's day is the reference for "Friday".
    doc = process("Economy Amran Forobali 15 Tir 1400 0 Views\n\nIt happened on Friday.")
    _check_document(doc)
    assert doc.text == "It happened on Friday."
    assert doc.meta.published == date(2021, 7, 6)
    assert [d.timex for d in doc.dates] == ["2021-07-02"]


def test_schema_is_json() -> None:
    schema = Document.model_json_schema()
    assert schema["title"] == "Document"
    assert {"original", "text", "edits", "flags", "numbers", "dates", "names", "meta"} <= set(
        schema["properties"]
    )


@pytest.mark.timeout(300)
def test_ten_megabytes_on_one_line_completes() -> None:
    line = ("As fighting intensifies, 1,037 troops retreat on Tuesday July 6th, 2021 " * 140_000)[
        :10_000_000
    ]
    doc = process(line)
    assert len(doc.original) == 10_000_000
    _check_document(doc)


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    "unit",
    [
        "Afghan-",
        "the ",
        "a\u200c",
        "\u0641\u0631\u0648A",
        "1,",
        "(",
        "'",
        ". ",
        "\x00",
        "\ud800",
        "  ",
        "Imam Ali ",
        "at least ",
        "2/",
    ],
)
def test_pathological_repetitions_complete(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    doc = process(text)
    _check_document(doc)


def test_digits_inside_a_date_are_not_numbers_in_process() -> None:
    text = "On July 6th, 2021 some 300 troops arrived."
    doc = process(text)
    assert [d.timex for d in doc.dates] == ["2021-07-06"]
    assert [n.value for n in doc.numbers] == [300]
    # Alone, the number extractor still reports what it sees.
    assert 300 in [n.value for n in newsnorm.extract_numbers(text)]
    assert len(newsnorm.extract_numbers(text)) > 1
