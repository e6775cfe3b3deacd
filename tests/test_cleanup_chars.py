"""Character-level fixers (unicode.py, punctuation.py, script.py): properties and hand cases.

The data-driven positive/negative cases live in ``tests/cases/cleanup/<fixer>.json``; this file
holds the hypothesis properties every fixer must keep and the cases that need code (flags,
notes, offsets, pathological sizes).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsnorm import clean
from newsnorm.cleanup import get_fixer
from newsnorm.cleanup import punctuation as P
from newsnorm.cleanup import script as S
from newsnorm.cleanup import unicode as U
from newsnorm.cleanup.base import Fix
from newsnorm.edits import apply_edits, check_edits

FIND: dict[str, Callable[[str], Fix]] = {
    "mojibake": U.find_mojibake,
    "control_chars": U.find_control_chars,
    "unicode_form": U.find_unicode_form,
    "invisible_chars": U.find_invisible_chars,
    "odd_spaces": U.find_odd_spaces,
    "space_runs": U.find_space_runs,
    "source_digits": P.find_source_digits,
    "source_punctuation": P.find_source_punctuation,
    "space_before_punct": P.find_space_before_punct,
    "script_glue": S.find_script_glue,
    "source_script": S.find_source_script,
}
FIX: dict[str, Callable[[str], str]] = {
    "mojibake": U.fix_mojibake,
    "control_chars": U.fix_control_chars,
    "unicode_form": U.fix_unicode_form,
    "invisible_chars": U.fix_invisible_chars,
    "odd_spaces": U.fix_odd_spaces,
    "space_runs": U.fix_space_runs,
    "source_digits": P.fix_source_digits,
    "source_punctuation": P.fix_source_punctuation,
    "space_before_punct": P.fix_space_before_punct,
    "script_glue": S.fix_script_glue,
}
NAMES = sorted(FIND)

# Characters the fixers react to, mixed into random text so hypothesis reaches their branches.
INTERESTING = (
    "ÃÂâ€™œ©¢Ð¸ÑŸ\x93\x94\x9d\x81"  # mojibake pieces
    "\x00\x01\x0b\x0c\x1a\x1f\x7f\x85\ud800\udc00\ud83d\ude00"  # controls, surrogates
    "\u0301\u0327\u0308\ufeff\u1100\u1161\u11a8\u212b"  # combining marks, BOM, jamo, singleton
    "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202e\u2066\u2069\u00ad\u2060"  # invisible
    "\u00a0\u2009\u202f\u2007\u3000\u2002"  # odd spaces
    " \t\n\r  "  # plain white space (twice as likely)
    "۰۱۲۵۹٠١٥٩٬٫/0123456789"  # digits and separators
    "،؛؟٪۔«»,;:.!?()-\"'’”"  # punctuation
    "بپفرلیکاب"  # Arabic script
    "ПутинабвЖ"  # Cyrillic
    "αβΩ中文"  # other scripts
    "AmranKabulxyz"  # Latin
)
WORDS = ["million", "percent", "of", "the", "votes", "troops", "said"]
mixed_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(INTERESTING),
        st.characters(exclude_categories=()),  # any code point, surrogates included
    ),
    max_size=60,
) | st.lists(st.sampled_from([*INTERESTING, *WORDS]), max_size=25).map("".join)

SENTENCE_WORDS = [
    "the",
    "minister",
    "said",
    "troops",
    "border",
    "Kabul",
    "Tajikistan",
    "on",
    "Tuesday",
    "and",
    "of",
    "in",
    "2021",
    "1,037",
    "20,000",
    "3.5",
    "percent",
    "talks",
    "is",
    "a",
    "report",
]


@st.composite
def english_prose(draw: st.DrawFn) -> str:
    """Clean ASCII English: words, commas, full stops, questions, quotes, parentheses."""
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(st.sampled_from(SENTENCE_WORDS), min_size=2, max_size=12))
        parts: list[str] = []
        for i, w in enumerate(words):
            if i and draw(st.integers(0, 6)) == 0:
                parts[-1] += ","
            parts.append(w)
        body = " ".join(parts)
        style = draw(st.integers(0, 3))
        if style == 1:
            body = f'"{body}," he said'
        elif style == 2:
            body = f"{body} (in {words[0]})"
        sentences.append(body[0].upper() + body[1:] + draw(st.sampled_from([".", "?", "!", ":"])))
    sep = draw(st.sampled_from([" ", "\n", "\n\n"]))
    return sep.join(sentences)


# --------------------------------------------------------------------------------------------
# Properties of every fixer (parametrized over 11 fixers, so fewer examples each)

PER_FIXER = settings(max_examples=60)


@pytest.mark.parametrize("name", NAMES)
@PER_FIXER
@given(text=mixed_text)
@example(text="")
@example(text="\ud800")
@example(text="a\u0301\ufeff\u0327")
def test_edits_valid_and_no_exception(name: str, text: str) -> None:
    fix = FIND[name](text)
    check_edits(text, fix.edits)
    for e in fix.edits:
        assert e.kind == name
        assert (e.start, e.end, e.replacement) != (e.start, e.start, "")
    for f in fix.flags:
        assert 0 <= f.start < f.end <= len(text)


@pytest.mark.parametrize("name", sorted(FIX))
@PER_FIXER
@given(text=mixed_text)
def test_idempotent(name: str, text: str) -> None:
    once = FIX[name](text)
    assert FIX[name](once) == once


@pytest.mark.parametrize("name", NAMES)
@PER_FIXER
@given(text=english_prose())
def test_clean_english_prose_unchanged(name: str, text: str) -> None:
    fix = FIND[name](text)
    assert fix.edits == ()
    assert fix.flags == ()


CHAIN = [f.name for f in (*U.FIXERS, *P.FIXERS, *S.FIXERS)]


@given(text=mixed_text)
@example(text="\x9bÄ«")  # ftfy repairs "›Ä" again once « became "
@example(text="Ã\u200b\x91")  # a zero-width space hid mojibake
@example(text="A\u030a\u00af")  # a decomposed lead letter
@example(text="بÃÃПП")  # Arabic glue and Cyrillic glue meet
def test_character_chain_is_idempotent(text: str) -> None:
    once = text
    for name in CHAIN:
        once = FIX[name](once)
    twice = once
    for name in CHAIN:
        twice = FIX[name](twice)
    assert twice == once


@given(text=mixed_text)
def test_output_can_always_be_json(text: str) -> None:
    out = U.fix_control_chars(U.fix_mojibake(text))
    json.dumps(out, ensure_ascii=False).encode("utf-8")


LIGATURES = "".join(map(chr, range(0xFB00, 0xFB07)))


@given(
    text=st.text(
        alphabet=st.one_of(
            st.sampled_from(
                "aeouACZ \u0301\u0308\u0327\u0316\ufeff\u1100\u1161\u11a8\u212bب\u064e"
                # Latin ligatures, which are split; other compatibility characters, which stay
                + LIGATURES
                + "\u00bd\u00b2\u0132\u0133\uff21\u2460"
            ),
            st.characters(exclude_categories=()),
        ),
        max_size=40,
    )
)
@example(text="Cafe\u0301")
@example(text="\ufb01\u0301nal \u00bd")
def test_unicode_form_is_nfc_without_bom_or_latin_ligatures(text: str) -> None:
    split = "".join(unicodedata.normalize("NFKC", c) if c in LIGATURES else c for c in text)
    assert U.fix_unicode_form(text) == unicodedata.normalize("NFC", split.replace("\ufeff", ""))


@given(
    lines=st.lists(english_prose(), min_size=1, max_size=4),
    seps=st.lists(st.sampled_from(["\u2028", "\u2029", "\n"]), min_size=3, max_size=3),
)
def test_line_separators_become_newlines(lines: list[str], seps: list[str]) -> None:
    text = lines[0] + "".join(sep + line for sep, line in zip(seps, lines[1:], strict=False))
    newlines = {"\u2028": "\n", "\u2029": "\n\n", "\n": "\n"}
    expected = lines[0] + "".join(
        newlines[sep] + line for sep, line in zip(seps, lines[1:], strict=False)
    )
    assert U.fix_odd_spaces(text) == expected


PERSIAN = str.maketrans("0123456789,", "۰۱۲۳۴۵۶۷۸۹٬")
ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")


@given(n=st.integers(min_value=0, max_value=10**15))
def test_persian_digits_round_trip(n: int) -> None:
    ascii_form = f"{n:,}"
    assert P.fix_source_digits(ascii_form.translate(PERSIAN)) == ascii_form
    assert P.fix_source_digits(f"about {ascii_form.translate(PERSIAN)} troops") == (
        f"about {ascii_form} troops"
    )


@given(n=st.integers(min_value=0, max_value=10**9), frac=st.integers(min_value=0, max_value=999))
def test_arabic_indic_decimals_round_trip(n: int, frac: int) -> None:
    ascii_form = f"{n:,}.{frac}"
    assert P.fix_source_digits(ascii_form.translate(ARABIC_INDIC)) == ascii_form


@given(whole=st.integers(0, 999), frac=st.integers(1, 99))
def test_decimal_slash_only_before_scale_words(whole: int, frac: int) -> None:
    token = f"{whole}/{frac}"
    if token in P._ENGLISH_FRACTIONS:
        return
    assert P.fix_source_digits(f"{token} million") == f"{whole}.{frac} million"
    assert P.fix_source_digits(f"{token} of the votes") == f"{token} of the votes"


@given(text=english_prose(), at=st.integers(0, 10_000), mark=st.sampled_from("\u200b\u200e\u00ad"))
def test_invisible_char_in_prose_is_removed(text: str, at: int, mark: str) -> None:
    at %= len(text) + 1
    if mark == "\u00ad" and text[max(0, at - 2) : at].isalpha() and text[at : at + 2].isalpha():
        at = 0  # inside a word a lone soft hyphen reads as a hyphen: tested below
    assert U.fix_invisible_chars(text[:at] + mark + text[at:]) == text


@given(
    left=st.text(alphabet="abcdefghij", min_size=2, max_size=8),
    right=st.text(alphabet="klmnopqrst", min_size=2, max_size=8),
)
def test_a_lone_soft_hyphen_inside_a_compound_is_a_hyphen(left: str, right: str) -> None:
    assert U.fix_invisible_chars(f"the {left}\u00ad{right} deal") == f"the {left}-{right} deal"
    # A text that hyphenates syllables uses it as a hint: deleted everywhere.
    hinted = f"the {left}\u00ad{right} in\u00adter\u00adna\u00adtion\u00adal deal"
    assert U.fix_invisible_chars(hinted) == f"the {left}{right} international deal"


@given(old=st.text(max_size=12), new=st.text(max_size=12), start=st.integers(0, 5))
def test_minimal_edits_turn_old_into_new(old: str, new: str, start: int) -> None:
    text = "x" * start + old + "y"
    edits = U.minimal_edits(start, old, new, "k", "")
    assert apply_edits(text, edits) == "x" * start + new + "y"


@given(text=english_prose())
def test_mojibake_round_trip_of_curly_english(text: str) -> None:
    curly = text.replace('"', "“", 1).replace("'", "’")
    broken = curly.encode("utf-8").decode("cp1252", errors="replace")
    if "\ufffd" in broken:  # cp1252 has holes; ftfy reads them as C1 controls, not this
        return
    assert U.fix_mojibake(broken) == curly
    assert U.fix_mojibake(curly) == curly


# --------------------------------------------------------------------------------------------
# Hand-written cases that need more than input -> output


def test_mojibake_note_names_ftfy_steps() -> None:
    fix = U.find_mojibake("The minister said itâ€™s over.")
    assert [(e.start, e.end, e.replacement) for e in fix.edits] == [(20, 23, "’")]
    assert fix.edits[0].note.startswith("ftfy: encode")


def test_mojibake_edits_are_local_in_a_long_text() -> None:
    text = "Clean words. " * 100 + "CafÃ© owners met." + " More clean words." * 100
    fix = U.find_mojibake(text)
    assert len(fix.edits) == 1
    assert text[fix.edits[0].start : fix.edits[0].end] == "Ã©"


def test_control_chars_surrogate_pair_is_joined() -> None:
    assert U.fix_control_chars("smile \ud83d\ude00 now") == "smile \U0001f600 now"
    assert U.fix_control_chars("\udc00\ud800") == "\ufffd\ufffd"


def test_invisible_zwj_kept_in_emoji_sequence() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert U.fix_invisible_chars(family) == family
    assert U.fix_invisible_chars("A\u200dB") == "AB"


def test_odd_space_thousands_separator_kept_only_between_groups() -> None:
    assert U.fix_odd_spaces("1\u202f037 troops") == "1\u202f037 troops"
    assert U.fix_odd_spaces("1\u202f0375 troops") == "1 0375 troops"
    assert U.fix_odd_spaces("page\u00a012") == "page 12"


def test_source_digits_flags_english_fraction() -> None:
    text = "about 1/2 million people"
    fix = P.find_source_digits(text)
    assert fix.edits == ()
    assert [(f.kind, text[f.start : f.end]) for f in fix.flags] == [("ambiguous_number", "1/2")]


def test_source_digits_mixed_number_and_dates_stay() -> None:
    for text in ("2 1/2 million", "on 1400/4/15 percent", "12/2021 million", "3/5/7 million"):
        assert P.fix_source_digits(text) == text


def test_source_script_flags_fragment_in_english_only() -> None:
    text = "The official, عمران فروبلی, said the border is closed."
    fix = S.find_source_script(text)
    assert [(f.kind, text[f.start : f.end]) for f in fix.flags] == [
        ("source_script", "عمران فروبلی")
    ]
    assert "Arabic" in fix.flags[0].message
    assert S.find_source_script("مرز تاجیکستان بسته است.").flags == ()
    assert S.find_source_script("Mr Путин said").flags[0].message.startswith("Cyrillic")
    assert S.find_source_script("The β-blockers and the Δ variant").flags == ()


def test_source_script_runs_in_pipeline_after_text_is_final() -> None:
    from newsnorm.cleanup.runner import run_cleanup

    text = "Kabul  ,  فروبلیAmran met the press."
    cleaned = run_cleanup(text)
    assert cleaned.text == "Kabul, فروبلی Amran met the press."
    flags = [f for f in cleaned.flags if f.kind == "source_script"]
    assert [cleaned.text[f.start : f.end] for f in flags] == ["فروبلی"]


def test_every_fixer_is_registered_in_order() -> None:
    names = [get_fixer(n).name for n in NAMES]
    assert names == NAMES
    assert [f.name for f in U.FIXERS] == [
        "mojibake",
        "control_chars",
        "invisible_chars",
        "unicode_form",
        "odd_spaces",
        "space_runs",
    ]
    assert [f.name for f in S.FLAG_FIXERS] == ["source_script"]


@pytest.mark.parametrize("name", sorted(FIX))
@pytest.mark.parametrize("bad", [b"Kabul", None, 42])
def test_non_str_is_a_type_error_naming_the_function(name: str, bad: object) -> None:
    with pytest.raises(TypeError, match=f"fix_{name}"):
        FIX[name](bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=f"find_{name}"):
        FIND[name](bad)  # type: ignore[arg-type]


def _slow_nearest(text: str, pos: int, step: int, limit: int) -> str:
    i = pos if step > 0 else pos - 1
    for _ in range(limit):
        if not 0 <= i < len(text) or text[i] in "\r\n":
            return ""
        if text[i].isalpha():
            return P._letter_script(text[i])
        i += step
    return ""


@given(
    text=st.text(alphabet="ab ب\n,«", max_size=60),
    positions=st.lists(st.integers(0, 60)),
    limit=st.integers(1, 8),
)
def test_neighbours_agree_with_a_plain_scan(text: str, positions: list[int], limit: int) -> None:
    asked = sorted(p for p in positions if p <= len(text))
    near = P._Neighbours(text, limit)
    assert [near.left(p) for p in asked] == [_slow_nearest(text, p, -1, limit) for p in asked]
    near = P._Neighbours(text, limit)
    assert [near.right(p) for p in asked] == [_slow_nearest(text, p, 1, limit) for p in asked]


def test_profile_is_shared_and_exact() -> None:
    text = "a\u00a0b\ud800c"
    p = U.profile(text)
    assert p is U.profile(text)
    assert (p.utf8, p.other) == (b"a\xc2\xa0b\xed\xa0\x80c", "\u00a0\ud800")


# --------------------------------------------------------------------------------------------
# Pathological sizes: each must finish (pytest's timeout is the only limit; speed is measured
# in benchmarks/bench_cleanup.py).

# 200 KB each: enough to turn a quadratic pattern into minutes, small enough for a loaded CI.
# (Inputs that make an edit every few characters build ~100k pydantic edits: linear but slow.)
MB = KB200 = 200_000
PATHOLOGICAL = {
    "spaces": "a" + " " * MB + "b",
    "spaces_then_mark": "a" + " " * MB + "،",
    "tabs_and_spaces": " \t" * (MB // 2) + "\n",
    "marks": "a" + "\u0301\u0316" * (MB // 2),
    "boms": "\ufeff" * MB,
    "mojibake": "Ã©" * (MB // 2),
    "mojibake_one_line_clean": "x" * MB + "Ã©",
    "surrogates": "\ud800" * MB,
    "controls": "\x00a" * (KB200 // 2),
    "zwnj": "ب\u200c" * (MB // 2),
    "odd_spaces": "1\u202f" * (KB200 // 2),
    "persian_digits": "۱" * MB,
    "slashes": "1/" * (MB // 2) + " million",
    "persian_marks": "a،" * (KB200 // 2),
    "guillemets": "«" * KB200,
    "open_quotes": ("«" + " " * 499) * (MB // 500),
    "space_before": "a ," * (MB // 3),
    "glue": "بA" * (KB200 // 2),
    "cyrillic_glue": ("абвABC" * 20 + " ") * (KB200 // 121),
    "arabic_line": "ب" * MB + " Kabul",
    "source_runs": "ب " * (MB // 2) + "Kabul",
    "afghan": "Afghan-" * (MB // 7),
}


@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL))
def test_pathological_input_finishes(kind: str) -> None:
    text = PATHOLOGICAL[kind]
    for name in NAMES:
        fix = FIND[name](text)
        check_edits(text, fix.edits)


def test_clean_on_a_pathological_line_finishes() -> None:
    text = ("Kabul ، فروبلیAmran  said ۲/۵ million\u00a0 ,  " * 5_000)[:KB200]
    out = clean(text)
    assert "2.5 million" in out
    assert apply_edits(text, FIND["space_runs"](text).edits).count("  ") == 0
