"""Word-level cleanup fixers: byline, boilerplate, doubled words, demonym compounds, fragments.

Hand-written cases live in ``tests/cases/cleanup/<fixer>.json``; here are the properties
(hypothesis) and the cases that need more than input → output: byline metadata, flag positions,
evidence notes, bad input types and pathological sizes.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import jdatetime
import pytest
from hijridate import Gregorian
from hypothesis import assume, given
from hypothesis import strategies as st

from newsnorm import clean, process
from newsnorm.cleanup.base import Fix
from newsnorm.cleanup.byline import (
    find_boilerplate,
    find_byline,
    fix_boilerplate,
    fix_byline,
    is_boilerplate_line,
    parse_byline,
    parse_date,
)
from newsnorm.cleanup.demonyms import (
    count_mentions,
    countries,
    find_demonym_compounds,
    fix_demonym_compounds,
)
from newsnorm.cleanup.fragments import find_fragments, fix_fragments
from newsnorm.cleanup.words import (
    cleanup_data,
    doubled_word_lexicon,
    find_doubled_words,
    fix_doubled_words,
)
from newsnorm.dates.calendars import _data as calendar_data
from newsnorm.edits import apply_edits, check_edits

FINDS = {
    "byline": find_byline,
    "boilerplate": find_boilerplate,
    "doubled_words": find_doubled_words,
    "demonym_compounds": find_demonym_compounds,
    "fragments": find_fragments,
}
FIXES = [fix_byline, fix_boilerplate, fix_doubled_words, fix_demonym_compounds, fix_fragments]

# ---------------------------------------------------------------------------------------------
# Generated clean English news prose (our own word lists, no corpus sentences).

SUBJECTS = [
    "The minister", "Officials", "The governor of Balkh", "Local traders", "The Tajik president",
    "Two delegations", "The committee", "Farmers in Herat", "A spokesman", "The Iranian embassy",
    "Doctors", "The United Nations", "Police", "Several families",
]  # fmt: skip
VERBS = [
    "said that", "reported that", "warned that", "announced that", "confirmed that",
    "told reporters that", "believe that", "argued that",
]  # fmt: skip
CLAUSES = [
    "prices had risen for a third week",
    "the road to the border would reopen on Monday",
    "the Tajik-Afghan border was calm",
    "he had had enough of the delays",
    "what it is is a question of trust",
    "talks between the two sides would resume in Doha",
    "more than 1,200 people had left their homes",
    "the bridge at the Uzbek-Afghan border carried 300 trucks a day",
    "the report was read by thousands of people",
    "a new school had opened in the province",
    "the army will not withdraw from the north",
    "they could finish the dam before the winter",
    "the intra-Afghan talks had stalled",
    "the shop was closed for the holiday",
    "share prices fell after the announcement",
    "nobody had followed the rules",
]  # fmt: skip
TAILS = [
    "", " on Tuesday", " last year", " in a statement", " according to the ministry",
    " despite the rain", " after a long meeting",
]  # fmt: skip
TITLES = [
    "Wheat prices climb in northern provinces",
    "Border crossing reopens after three days",
    "New school opens in Kunduz",
    "Talks resume in Doha",
]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    s = f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(VERBS))} "
    s += draw(st.sampled_from(CLAUSES)) + draw(st.sampled_from(TAILS))
    if draw(st.booleans()):
        quoted = draw(st.sampled_from(CLAUSES))
        s += f', "{quoted[0].upper()}{quoted[1:]}," a witness said'
    return s + "."


@st.composite
def prose(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=4), max_size=4))
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    if draw(st.booleans()):
        body = draw(st.sampled_from(TITLES)) + ("\n\n" + body if body else "")
    return body


# Text made of the fixers' own cues, so that hypothesis explores their interactions.
CUES = [
    "the", "The", "a", "A", " ", " ", "\n", "\n\n", "\t", "Afghan", "-", "Tajik", "Tajikistan",
    "border", "talks", "They will.", "He did.", "?", '"', ".", "World", "Amran Forobali",
    "عمران", "July 6, 2021", "2021-07-06", "0 Views", "12 views", "Share", "Read more", "Twitter",
    "Facebook", "President", "of", "and", "It has not.", "By", "|", ",", "\r\n", "Print",
]  # fmt: skip
cue_text = st.lists(st.sampled_from(CUES), max_size=40).map("".join)
# Every code point, lone surrogates and controls included.
raw_text = st.text(st.characters(blacklist_categories=()), max_size=300)
any_text = st.one_of(raw_text, cue_text, st.lists(st.one_of(raw_text, cue_text)).map("".join))


def _check_fix(text: str, fix: Fix) -> str:
    check_edits(text, fix.edits)
    out = apply_edits(text, fix.edits)
    for f in fix.flags:
        assert 0 <= f.start <= f.end <= len(out)
    return out


# ---------------------------------------------------------------------------------------------
# Properties shared by every fixer.


@pytest.mark.parametrize("name", sorted(FINDS))
@given(text=any_text)
def test_no_exception_valid_edits_and_idempotent(name: str, text: str) -> None:
    find = FINDS[name]
    once = _check_fix(text, find(text))
    again = find(once)
    assert again.edits == (), f"{name} is not idempotent on {text!r}"


@given(text=prose())
def test_clean_prose_passes_unchanged(text: str) -> None:
    # One generated text for every fixer and the whole cleanup: generation is the costly part.
    for name, find in FINDS.items():
        fix = find(text)
        assert fix.edits == (), name
        assert fix.flags == (), name
    assert clean(text) == text


@pytest.mark.parametrize("fix", FIXES)
@pytest.mark.parametrize("bad", [b"the the", None, 42, ["the"]])
def test_non_str_is_a_type_error_naming_the_function(fix: Any, bad: object) -> None:
    with pytest.raises(TypeError, match=fix.__name__):
        fix(bad)


# ---------------------------------------------------------------------------------------------
# doubled_words


@given(data=st.data(), text=prose())
def test_doubled_word_round_trip(data: st.DataObject, text: str) -> None:
    lexicon = doubled_word_lexicon()
    words = [m for m in re.finditer(r"[A-Za-z]+", text) if m.group().lower() in lexicon]
    assume(words)
    m = data.draw(st.sampled_from(words))
    word = m.group()
    # An artifact repeats the word as written; a sentence-initial one repeats in lower case
    # ("The the", "A a") as often as not.
    copy = data.draw(st.sampled_from([word, word.lower()])) if word[0].isupper() else word
    assume(not (word == "A" and copy == "A"))  # "A A" is left alone on purpose (grade A A)
    sentence_initial = m.start() == 0 or text[m.start() - 2 : m.start()] in (". ", "\n\n")
    assume(word.lower() != "a" or (copy == "a" and (word == "a" or sentence_initial)))
    doubled = text[: m.end()] + " " + copy + text[m.end() :]
    assert fix_doubled_words(doubled) == text


def test_doubled_word_edit_deletes_the_second_copy_and_its_space() -> None:
    fix = find_doubled_words("of the the war")
    assert [(e.start, e.end, e.replacement, e.kind) for e in fix.edits] == [
        (6, 10, "", "doubled_words")
    ]
    assert "'the' written 2×" in fix.edits[0].note


def test_doubled_words_lexicon_leaves_out_words_that_double_grammatically() -> None:
    lexicon = doubled_word_lexicon()
    for word in ("had", "that", "is", "do", "in", "on", "to", "for", "at", "with"):
        assert word not in lexicon
    for word in ("the", "a", "an", "of", "and", "president"):
        assert word in lexicon


# ---------------------------------------------------------------------------------------------
# byline

SEED_LINE = "World عمران فروبلیAmran Forobali Tuesday July 6th, 2021 0 Views"
SEED_META = {
    "section": "World",
    "author": "Amran Forobali",
    "author_native": "عمران فروبلی",
    "published": date(2021, 7, 6),
    "views": 0,
}


@pytest.mark.parametrize("glue", ["", " "])
def test_seed_byline_parsed_glued_or_split(glue: str) -> None:
    line = SEED_LINE.replace("فروبلیAmran", "فروبلی" + glue + "Amran")
    text = f"Sending of troops\n\n{line}\n\n\n\nAs fighting intensifies, troops move."
    fix = find_byline(text)
    assert dict(fix.meta) == SEED_META
    assert (
        apply_edits(text, fix.edits) == "Sending of troops\n\nAs fighting intensifies, troops move."
    )
    assert [e.kind for e in fix.edits] == ["byline"]
    assert "author=Amran Forobali" in fix.edits[0].note


def test_process_puts_the_byline_in_meta() -> None:
    doc = process(f"Title\n\n{SEED_LINE}\n\nBody text here.")
    assert doc.meta.model_dump() == SEED_META
    assert SEED_LINE not in doc.text


MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _date_styles(d: date) -> list[str]:
    month = MONTHS[d.month - 1]
    weekday = d.strftime("%A")
    return [
        f"{weekday} {month} {_ordinal(d.day)}, {d.year}",
        f"{month} {d.day}, {d.year}",
        f"{d.day} {month} {d.year}",
        f"{weekday}, {d.day} {month[:3]}. {d.year}",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{month} {d.day}, {d.year} 10:32 AM",
    ]


# Month spellings a byline is read with: the dates lexicon's Latin ones of words of two or more
# letters (not done: "Jawzā" with a diacritic, a numeral word as in "Rabi I").
_BYLINE_MONTH = re.compile(r"[A-Za-z][A-Za-z'’]+(?:[ -][A-Za-z][A-Za-z'’]+){0,2}")


def _month_spellings(calendar: str, month: int) -> list[str]:
    return [
        spelling
        for family, entries in calendar_data()[calendar].items()
        if not family.endswith("_script")
        for entry in entries
        if entry["month"] == month and "day" not in entry
        for spelling in entry["spellings"]
        if _BYLINE_MONTH.fullmatch(spelling)
    ]


def _hijri_styles(d: date, draw: st.DrawFn) -> list[str]:
    """*d* written in the Solar Hijri and the lunar Hijri calendar, a spelling drawn per month."""
    solar = jdatetime.date.fromgregorian(date=d)
    lunar = Gregorian(d.year, d.month, d.day).to_hijri()
    out = []
    for calendar, (year, month, day) in (
        ("solar", (solar.year, solar.month, solar.day)),
        ("lunar", (lunar.year, lunar.month, lunar.day)),
    ):
        month_name = draw(st.sampled_from(_month_spellings(calendar, month)))
        out += [
            f"{day} {month_name} {year}",
            f"{month_name} {day}, {year}",
            f"{d.strftime('%A')} {day} {month_name} {year}",
        ]
    return out


NATIVE_NAMES = ["عمران فروبلی", "سارا احمدی", "نجیب الله سلطانی", "حمید"]
LATIN_NAMES = [
    "Amran Forobali", "Sara Ahmadi", "Hamid Karimi", "Leila Noori", "J. Rahimi",
    "Mohammad al-Hakim", "Khalid bin Walid",
]  # fmt: skip


@st.composite
def bylines(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    parts: list[str] = []
    meta: dict[str, Any] = {}
    if draw(st.booleans()):
        meta["section"] = draw(st.sampled_from(["World", "Politics", "Economy", "Sports"]))
        parts.append(meta["section"])
    native = draw(st.none() | st.sampled_from(NATIVE_NAMES))
    latin = draw(st.none() | st.sampled_from(LATIN_NAMES))
    if native:
        meta["author_native"] = native
    if latin:
        meta["author"] = latin
    if native and latin and draw(st.booleans()):
        parts.append(f"{latin} {native}")  # Latin first, then the source script
    elif native or latin:
        glue = draw(st.sampled_from(["", " "])) if native and latin else ""
        parts.append((native or "") + glue + (latin or ""))
    d = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
    meta["published"] = d
    styles = _hijri_styles(d, draw) if draw(st.booleans()) else _date_styles(d)
    parts.append(draw(st.sampled_from(styles)))
    if draw(st.booleans()):
        meta["views"] = draw(st.integers(0, 10**6))
        parts.append(f"{meta['views']:,} {draw(st.sampled_from(['Views', 'views']))}")
    assume(len(parts) >= 2)
    sep = draw(st.sampled_from([" ", " | ", " - ", " · "]))
    return sep.join(parts), meta


@given(line=bylines(), body=prose())
def test_generated_byline_is_parsed_and_removed(
    line: tuple[str, dict[str, Any]], body: str
) -> None:
    assume(body)
    text, meta = line
    fix = find_byline(f"A headline\n\n{text}\n\n{body}")
    assert dict(fix.meta) == meta
    assert apply_edits(f"A headline\n\n{text}\n\n{body}", fix.edits) == f"A headline\n\n{body}"


@given(line=bylines())
def test_byline_in_the_middle_of_prose_is_left_alone(line: tuple[str, dict[str, Any]]) -> None:
    text = "One fact.\nTwo facts.\nThree facts.\nFour facts.\n" + line[0] + "\nFive facts."
    assert find_byline(text).edits == ()


def test_byline_at_the_very_start_and_alone() -> None:
    assert fix_byline(SEED_LINE + "\n\nBody.") == "Body."
    assert fix_byline(SEED_LINE) == ""
    assert fix_byline("Title\n\n" + SEED_LINE + "\n\n") == "Title"


def test_parse_date_styles_and_invalid_dates() -> None:
    for style in _date_styles(date(2021, 7, 6)):
        assert parse_date(style) == date(2021, 7, 6), style
    assert parse_date("31/02/2021") is None
    assert parse_date("July 2021") is None


def test_byline_refuses_prose_and_lone_parts() -> None:
    for line in (
        "Tuesday July 6th, 2021",
        "World",
        "Amran Forobali",
        "From 14.02.2021, 20:40",
        "Afghanistan, July 6, 2021",
        "The minister said on July 6, 2021 that 0 views were counted.",
    ):
        assert parse_byline(line) is None, line


# ---------------------------------------------------------------------------------------------
# boilerplate


def test_boilerplate_lines_from_the_data_file() -> None:
    for line in (
        "0 Views",
        "Views: 1,204",
        "Share this article",
        "Share on Facebook, Twitter and WhatsApp",
        "Facebook | Twitter | Telegram | Email",
        "Read more...",
        "Continue reading »",
        "Follow us on Twitter",
        "Please subscribe to our Telegram channel.",
        "Related News:",
        "Advertisement",
    ):
        assert is_boilerplate_line(line), line


@given(text=prose())
def test_boilerplate_lines_are_removed_from_prose(text: str) -> None:
    assume(text)
    dirty = text + "\n\nShare this:\nFacebook Twitter\n\n1.2K views"
    assert fix_boilerplate(dirty) == text
    assert fix_boilerplate("Read more\n\n" + text) == text


def test_view_counter_line_near_the_top_fills_meta_views() -> None:
    doc = process("Title\nWorld Amran Forobali July 6, 2021\n1,204 views\n\nBody text.")
    assert (doc.meta.views, doc.meta.author, doc.text) == (
        1204,
        "Amran Forobali",
        "Title\nBody text.",
    )
    own = process("Title\nWorld Amran Forobali July 6, 2021 7 Views\n1,204 views\n\nBody.")
    assert own.meta.views == 7  # the byline's own counter wins
    far = "Title\n\n" + "A long paragraph of prose. " * 200 + "\n\n35 views\n\nEnd."
    assert "views" not in dict(find_boilerplate(far).meta)
    assert fix_boilerplate(far) == far.replace("\n\n35 views", "")


def test_boilerplate_never_touches_a_sentence_with_the_cue_words() -> None:
    for line in (
        "Share prices rose.",
        "Read more about it in the report, he said.",
        "Follow us on the road, the commander told his men.",
        "The video had 1,204 views by Monday.",
    ):
        assert find_boilerplate(line + "\n" + line).edits == ()


# ---------------------------------------------------------------------------------------------
# demonym_compounds


def test_countries_data_is_consistent() -> None:
    table = countries()
    assert len(table) >= 60
    for c in table.values():
        assert c.names
        for other in c.borders:
            assert c.id in table[other].borders, (c.id, other)
    region = {"afghanistan", "tajikistan", "uzbekistan", "turkmenistan", "iran", "pakistan"}
    assert region | {"china", "kyrgyzstan", "kazakhstan", "russia", "india"} <= set(table)


def test_seed_compound_resolved_with_evidence_in_the_note() -> None:
    text = (
        "Tajik troops were sent. Rakhmon ordered 20,000 troops to the Afghan-Afghan border. "
        "Tajikistan and China share a border; Tajik media and Tajiks said Tajikistan is calm."
    )
    fix = find_demonym_compounds(text)
    assert apply_edits(text, fix.edits).count("Tajik-Afghan border") == 1
    note = fix.edits[0].note
    assert "Tajik/Tajikistan mentioned 5×" in note
    assert "Chinese/China mentioned 1×" in note


def test_tie_and_no_neighbour_only_flag_with_evidence() -> None:
    tie = "Iran and Pakistan closed the Afghan-Afghan border."
    fix = find_demonym_compounds(tie)
    assert fix.edits == ()
    assert [f.kind for f in fix.flags] == ["demonym_compound"]
    assert "not decisive" in fix.flags[0].message
    far = "Russia and Russian troops watched the Afghan-Afghan border."
    fix = find_demonym_compounds(far)
    assert fix.edits == ()
    assert "no neighbour of Afghanistan mentioned" in fix.flags[0].message


def test_flags_index_the_text_after_the_fixers_own_edits() -> None:
    text = "Afghan-Afghan talks began. Later the Afghan-Afghan border closed."
    fix = find_demonym_compounds(text)
    out = apply_edits(text, fix.edits)
    assert out.startswith("Intra-Afghan talks")
    [flag] = fix.flags
    assert out[flag.start : flag.end] == "Afghan-Afghan"


@given(n=st.integers(1, 5), noun=st.sampled_from(cleanup_data("demonym_compounds")["intra"]))
def test_intra_compounds(n: int, noun: str) -> None:
    text = "Tajik " * n + f"leaders backed the Afghan-Afghan {noun}."
    assert fix_demonym_compounds(text).endswith(f"the intra-Afghan {noun}.")


def test_count_mentions_skips_the_compound_itself() -> None:
    text = "The Afghan-Afghan border and Afghans."
    assert count_mentions(text, [(4, 17)])["afghanistan"] == 1


# ---------------------------------------------------------------------------------------------
# fragments


def test_seed_fragment_is_flagged_at_its_position() -> None:
    text = (
        "Putin assured his Tajik counterpart that the Russians would take action if the "
        "situation deteriorated. They will. Meanwhile, Rehman called Ghani."
    )
    [flag] = find_fragments(text).flags
    assert text[flag.start : flag.end] == "They will."
    assert flag.kind == "fragment"
    assert fix_fragments(text) == text


@given(
    subject=st.sampled_from(["They", "He", "It", "We"]),
    aux=st.sampled_from(["will", "did", "has not", "can't", "would"]),
)
def test_fragment_not_flagged_in_quotes_dialogue_or_answers(subject: str, aux: str) -> None:
    frag = f"{subject} {aux}."
    assert find_fragments(f"The crowd shouted. {frag} Then silence.").flags
    assert not find_fragments(f'He said: "{frag}" Then silence.').flags
    assert not find_fragments(f"Did they agree? {frag} Then silence.").flags
    assert not find_fragments(f"— {frag}").flags
    assert not find_fragments(f"“{frag}” she said.").flags


# ---------------------------------------------------------------------------------------------
# Pathological sizes: these must finish (pytest's timeout guards them); speed is measured in
# benchmarks/, never asserted here.

MEGA = 1_000_000
SIZE = 300_000  # every fixer on every shape: big enough to expose quadratic work


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Afghan-" * (SIZE // 7) + "Afghan border", id="afghan-chain"),
        pytest.param("Afghan-Afghan " * (SIZE // 14), id="afghan-pairs"),
        pytest.param("the " * (SIZE // 4), id="the-chain"),
        pytest.param("They will. " * (SIZE // 11), id="fragments"),
        pytest.param("Rain fell. He did. " * (SIZE // 19), id="fragments-distinct"),
        pytest.param("Share\n" * (SIZE // 6), id="share-lines"),
        pytest.param("0 Views\n\n" * (SIZE // 9), id="counter-lines"),
        pytest.param("a" * SIZE, id="one-long-word"),
        pytest.param(("x" * 299 + "\n") * (SIZE // 300), id="long-lines"),
        pytest.param("World Amran Forobali 1, " * (SIZE // 24), id="byline-cues"),
        pytest.param('"' * SIZE, id="quotes"),
    ],
)
def test_pathological_inputs_finish(text: str) -> None:
    for find in FINDS.values():
        _check_fix(text, find(text))


def test_megabyte_afghan_chain_is_flagged_once() -> None:
    text = "Afghan-" * (MEGA // 7) + "Afghan border"
    fix = find_demonym_compounds(text)
    assert fix.edits == ()
    assert len(fix.flags) == 1
