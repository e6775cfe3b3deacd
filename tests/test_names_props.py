"""Names: hypothesis properties of similarity, keys and extraction, and a large-input run."""

from __future__ import annotations

import itertools
import random
import unicodedata
from typing import Any

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newsnorm.names import MATCH_THRESHOLD, Gazetteer, extract_names, name_key, name_similarity

# Name parts from the bundled gazetteer: real names of the region in common spellings.
_POOL = sorted(
    {
        part
        for entry in Gazetteer.default()
        for part in regex.findall(r"[A-Z][a-z]{2,}", entry.name)
        if part not in {"Al", "Bin"}
    }
)
_FULL_NAMES = sorted(
    entry.name
    for entry in Gazetteer.default()
    if regex.fullmatch(r"[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){1,2}", entry.name)
)

parts = st.sampled_from(_POOL)
names = st.lists(parts, min_size=1, max_size=4).map(" ".join)
any_text = st.text(max_size=60)

_ACCENTS = {"a": "áàâäã", "e": "éèêë", "i": "íìîï", "o": "óòôöõ", "u": "úùûü", "c": "ç", "n": "ñ"}


@given(any_text, any_text)
def test_similarity_is_symmetric_and_bounded_on_any_text(a: str, b: str) -> None:
    s = name_similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == name_similarity(b, a)


@given(names, names)
def test_similarity_is_symmetric_and_bounded_on_names(a: str, b: str) -> None:
    s = name_similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == name_similarity(b, a)


@given(st.one_of(names, any_text))
def test_equal_names_score_one(a: str) -> None:
    assert name_similarity(a, a) == 1.0


@given(names, names)
def test_invariant_to_case(a: str, b: str) -> None:
    assert name_similarity(a.upper(), b.lower()) == name_similarity(a, b)


@given(names, names, st.randoms(use_true_random=False))
def test_invariant_to_diacritics(a: str, b: str, rnd: random.Random) -> None:
    accented = "".join(
        rnd.choice(_ACCENTS[c]) if c in _ACCENTS and rnd.random() < 0.5 else c for c in a
    )
    # Decomposed (NFD) and composed forms alike.
    decomposed = unicodedata.normalize("NFD", accented)
    assert name_similarity(accented, b) == name_similarity(a, b)
    assert name_similarity(decomposed, b) == name_similarity(a, b)


@given(
    names,
    names,
    st.sampled_from(["President", "Mr.", "Dr", "Foreign Minister", "Mullah", "General", "Sheikh"]),
)
def test_invariant_to_a_title(a: str, b: str, title: str) -> None:
    assert name_similarity(f"{title} {a}", b) == name_similarity(a, b)


@given(names, names, st.integers(1, 4))
def test_invariant_to_extra_spaces(a: str, b: str, n: int) -> None:
    spaced = " " * n + (" " * n).join(a.split(" ")) + "\t"
    assert name_similarity(spaced, b) == name_similarity(a, b)


# Substitutions inside one spelling class (both directions where safe).
_CLASSES: list[tuple[str, str]] = [
    (r"e", "i"),
    (r"i(?![aeouy])", "e"),
    (r"o", "u"),
    (r"u", "o"),
    (r"ou", "u"),
    (r"kh", "h"),
    (r"(?<![sckzgtdp])h", "kh"),
    (r"q", "k"),
    (r"(?<![sc])k(?!h)", "q"),
    (r"gh", "q"),
    (r"w", "v"),
    (r"v", "w"),
    (r"dh", "z"),
    (r"([bdfklmnrst])(?!\1)", r"\1\1"),  # doubled letter
    (r"([bdfklmnrst])\1", r"\1"),  # undoubled
]
_PART_EQUIVALENTS = {
    "Mohammad": ["Muhammad", "Mohammed", "Mohd", "Mohamed"],
    "Mohammed": ["Muhammad", "Mohammad", "Mohamed"],
    "Abdul": ["Abdel", "Abd al-"],
    "Yusuf": ["Yousef", "Yousuf"],
}


def _variant(name: str, rnd: random.Random) -> str:
    words = name.split()
    out = []
    for w in words:
        if w in _PART_EQUIVALENTS and rnd.random() < 0.7:
            out.append(rnd.choice(_PART_EQUIVALENTS[w]))
            continue
        low = w.lower()
        for pattern, repl in rnd.sample(_CLASSES, k=rnd.randint(1, 2)):
            # The first letter stays: it anchors a name in any romanization.
            matches = [m for m in regex.finditer(pattern, low) if m.start() >= 1]
            if matches:
                m = rnd.choice(matches)
                low = low[: m.start()] + m.expand(repl) + low[m.end() :]
        if rnd.random() < 0.2 and low.endswith(("ov", "ev")):
            low = low[:-2]
        elif rnd.random() < 0.2 and low.endswith("zada"):
            low = low + "h"[:0] + "eh"[:0]
            low = low[:-1] + "eh"
        out.append(low.capitalize())
    return " ".join(out)


@given(st.sampled_from(_FULL_NAMES), st.randoms(use_true_random=False))
def test_transliteration_variants_stay_above_the_threshold(name: str, rnd: random.Random) -> None:
    variant = _variant(name, rnd)
    assert name_similarity(name, variant) >= MATCH_THRESHOLD, (name, variant)


_LONG_NAMES = [n for n in _FULL_NAMES if n.count(" ") >= 2]


@given(st.sampled_from(_LONG_NAMES), st.randoms(use_true_random=False))
def test_joined_given_names_stay_above_the_threshold(name: str, rnd: random.Random) -> None:
    # Compound given names are written joined or split (Hamidreza / Hamid Reza); the surname
    # stays apart.
    words = name.split()
    i = rnd.randrange(len(words) - 2)
    joined = " ".join([*words[:i], words[i] + words[i + 1].lower(), *words[i + 2 :]])
    assert name_similarity(name, joined) >= MATCH_THRESHOLD, (name, joined)


@given(any_text)
def test_name_key_never_raises_and_is_case_blind(a: str) -> None:
    assert name_key(a) == name_key(a.lower())


@given(st.text(max_size=300))
def test_extract_names_never_raises_and_spans_are_exact(text: str) -> None:
    for m in extract_names(text):
        assert text[m.start : m.end] == m.text
        assert m.key


_NAMEY = st.lists(
    st.one_of(
        parts,
        st.sampled_from(["said", "President", "Mr.", "the", "and", ",", ".", "al-", "bin", "\n"]),
        st.text(alphabet="Aa .'’-", max_size=6),
    ),
    max_size=40,
).map(" ".join)


@given(_NAMEY)
def test_extract_names_on_name_like_text(text: str) -> None:
    mentions = extract_names(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.;:'-\n0123456789", max_size=400))
def test_prose_without_capitals_yields_nothing(text: str) -> None:
    assert extract_names(text) == []


def test_pathological_large_inputs_complete() -> None:
    # No timing assertion (speed lives in benchmarks/): these must simply finish.
    inputs = [
        "Aa " * 70_000,
        "A" * 300_000,
        "Mr. " * 50_000,
        "V. " * 70_000,
        "Ab-" * 70_000,
        "A'b'" * 50_000,
        "al-Zz bin " * 25_000,
        "\ud800Ab \udfffCd " * 20_000,
        "President Ashraf Ghani said. Imam Ali Rahman met Mr. Lutfi Barzan. " * 3_000,
    ]
    for text in inputs:
        for m in extract_names(text):
            assert text[m.start : m.end] == m.text
    assert name_similarity("A" * 200_000, "B a " * 50_000) <= 1.0
    assert name_key("Ab " * 100_000)


@given(st.text(alphabet="aiuSkh@v", max_size=12), st.text(alphabet="aiuSkh@v", max_size=12))
def test_pure_python_edit_distance_equals_the_rapidfuzz_one(a: str, b: str) -> None:
    # rapidfuzz only makes comparisons faster: without it the distances, and so the scores, are
    # the same.
    from newsnorm.names.similarity import _distance, levenshtein

    assert _distance(a, b) == levenshtein(a, b)


@given(names, names)
def test_fast_part_comparison_equals_the_general_one(a: str, b: str) -> None:
    # _align compares most pairs of parts on their stored forms; sending every pair through
    # part_similarity instead gives the same score.
    from unittest import mock

    from newsnorm.names import similarity
    from newsnorm.names.translit import analyze

    short, long = analyze(a).parts, analyze(b).parts
    if not short or not long:
        return
    fast = similarity._align(short, long)
    everything_general = mock.patch.object(
        similarity, "_general", lambda parts: [(True, True, True)] * len(parts)
    )
    with everything_general:
        assert similarity._align(short, long) == fast


# ------------------------------------------------------------ runs: the fast scan vs a plain one

# The obvious tokenizer the fast scan replaced: every capital, initial and connector is a token,
# and a run continues while the gaps are one to three spaces (". " after "Mr", none or any one
# character after an initial). ``_runs`` finds capitals only and reads connectors in the gaps;
# both must give the same runs once connectors at a run's end (which no run keeps) are dropped.
_PLAIN_TOKEN = regex.compile(
    r"(?<![\p{L}\p{M}\p{Nd}_])(?:"
    r"(?P<init>\p{Lu}\.)(?=[ \t]{0,2}\p{Lu})"
    r"|(?P<word>(?:(?:al|el|ad|ar|as|at|az|an|ud|ul|ash)-)?\p{Lu}[\p{L}\p{M}]{0,40}"
    r"(?:['’](?![sS](?![\p{L}\p{M}]))[\p{L}\p{M}]{1,40})?(?:-[\p{L}\p{M}]{1,40}){0,3})"
    r"|(?P<conn>(?:bin|ibn|bint|ben|al|el|ul|ud|de|van|von|der|of|the|ud-din)(?![\p{L}\p{M}\-]))"
    r")"
)
_PLAIN_SPACES = regex.compile(r"[ \t\u00a0]{1,3}")
_PLAIN_ABBREV_GAP = regex.compile(r"\.[ \t\u00a0]{1,3}")


def _plain_runs(text: str) -> list[list[tuple[int, int, str, str, bool]]]:
    from newsnorm.names.extract import _ABBREV_TITLES, _MAX_RUN

    runs: list[list[tuple[int, int, str, str, bool]]] = []
    cur: list[tuple[int, int, str, str, bool]] = []
    for m in _PLAIN_TOKEN.finditer(text):
        kind = m.lastgroup or "word"
        if kind == "conn" and not cur:
            continue
        word = m.group()
        caps = kind == "word" and len(word) > 1 and word.isupper()
        tok = (m.start(), m.end(), word.lower().rstrip("."), kind, caps)
        if cur:
            prev = cur[-1]
            gap = text[prev[1] : tok[0]]
            joined = (
                _PLAIN_SPACES.fullmatch(gap) is not None
                or (prev[3] == "init" and _PLAIN_SPACES.fullmatch(gap[1:] or " ") is not None)
                or (prev[2] in _ABBREV_TITLES and _PLAIN_ABBREV_GAP.fullmatch(gap) is not None)
                or (prev[3] == "init" and gap == "")
            )
            if joined and len(cur) < _MAX_RUN:
                cur.append(tok)
                continue
            runs.append(cur)
            cur = []
        if tok[3] != "conn":
            cur = [tok]
    if cur:
        runs.append(cur)
    return runs


def _without_trailing_connectors(runs: list[list[Any]]) -> list[object]:
    out: list[object] = []
    for run in runs:
        while run and run[-1][3] == "conn":
            run = run[:-1]
        if run:
            out.append(run)
    return out


_RUN_WORDS = [
    "Abu", "Bakr", "al", "bin", "of", "the", "de", "ud-din", "Mr", "Dr", "MR", "V.", "U.S.",
    "al-Sadr", "ash-Sharq", "xal-Sadr", "said", "’s", "Iran", "IRNA", "O’Brien", "É", "Ali", "A",
    "2", "Putin", "Hashemi-Rafsanjani", "-", "'",
]  # fmt: skip
_RUN_GAPS = [" ", " ", " ", "  ", "    ", "\t", "\u00a0", ". ", ", ", "", "\n", "."]


@given(st.lists(st.tuples(st.sampled_from(_RUN_WORDS), st.sampled_from(_RUN_GAPS)), max_size=30))
@example([("Abu", " ")] * 12)  # longer than a run may be: split at _MAX_RUN tokens
@example([("Abu", " ")] * 60)  # a window too long for the memo: read in place
@example([("'", ""), ("Mr", ". "), ("Ali", " ")])  # "Mr" after a quote: a title
@example([("-", ""), ("Mr", ". "), ("Ali", " ")])
@example([("Abu", ""), ("-", ""), ("Mr", ". "), ("Ali", " ")])  # "Abu-Mr": not a title
@example([("Abu", " ")] * 9 + [("of", " "), ("the", " "), ("Bakr", "")])  # split at connectors
@example([("Abu", " ")] * 9 + [("of", " "), ("the", " "), ("said", "")])
def test_fast_runs_equal_the_plain_tokenizer(pieces: list[tuple[str, str]]) -> None:
    from newsnorm.names.extract import _runs

    text = "".join(word + gap for word, gap in pieces)
    fast = _without_trailing_connectors([[tuple(t) for t in run] for run in _runs(text)])
    assert fast == _without_trailing_connectors(_plain_runs(text))


# ------------------------------------------------ candidates: windows and memo vs run by run

# Words that exercise every judgement: titles (one and several words, abbreviated, plural),
# left cues, places, demonyms, non-person heads, group-like words, given names, acronyms, and
# the same words in lowercase, which change what their capitalized forms mean in that document.
_CAND_WORDS = [
    "President", "president", "Presidents", "Prime", "Minister", "minister", "Mr", "Mr.", "Dr",
    "Deputy", "spokesman", "Spokesman", "said", "stressed", "the", "The", "of", "al", "bin",
    "Ashraf", "Ghani", "Mohammad", "Ali", "Reza", "Hamid", "Karzai", "Airport", "Kabul", "Iran",
    "Iranian", "Afghan", "University", "network", "Conservatives", "conservatives", "IRNA",
    "V.", "al-Sadr", "ash-Sharq", "-Sadr", "Omar", "Tehran", "Times", "times", "Monday", "and",
    "Brave", "brave", "Good", "good", "ABC",
]  # fmt: skip
_CAND_GAPS = [" ", " ", " ", "  ", ". ", ", ", "\n", "-", ""]


def _candidates_run_by_run(text: str) -> list[Any]:
    """``candidates`` without windows or memo: every run of ``_runs`` judged where it stands."""
    from newsnorm.names.extract import _lower_words, _place, _runs, _shape, lexicon

    lex, lower_words = lexicon(), _lower_words(text)
    found = []
    for run in _runs(text):
        shape = _shape(text, run, lex, lower_words)
        place = None if shape is None else _place(text, 0, shape, lex)
        if place is not None:
            found.append(place)
    return found


@given(st.lists(st.tuples(st.sampled_from(_CAND_WORDS), st.sampled_from(_CAND_GAPS)), max_size=40))
@example([("President", " "), ("Ashraf", " "), ("Ghani", " "), ("said", ". ")] * 2)
@example([("brave", ". "), ("Brave", " "), ("Reza", " "), ("Hamid", " "), ("said", ".")])
@example([("Ali", " "), ("Reza", " ")] * 30 + [("said", ".")])  # too long for the memo
def test_candidates_equal_judging_each_run_in_place(pieces: list[tuple[str, str]]) -> None:
    from newsnorm.names.extract import candidates

    text = "".join(word + gap for word, gap in pieces)
    assert candidates(text) == _candidates_run_by_run(text)


def test_a_remembered_window_is_judged_by_its_own_documents_lowercase_words() -> None:
    from newsnorm.names.extract import candidates

    # "Brave" starts the name unless the document also writes "brave" as a word: the window
    # "Brave Reza Hamid" must not reuse the answer it got in the other document.
    for _ in range(2):  # the second time, both answers come from the memo
        alone = candidates("Brave Reza Hamid said so.")
        worded = candidates("He was brave. Brave Reza Hamid said so.")
        assert [(f.start, f.end) for f in alone] == [(0, 16)]
        assert [(f.start, f.end) for f in worded] == [(20, 30)]


_AFTER_WORDS = ["said", "has", "had", "also", "stressed", "and", "Said", "the", "shrine", "told"]
_AFTER_GAPS = [" ", "  ", "    ", ", ", ",", "", ".", "\t", "\u00a0"]


@given(st.lists(st.tuples(st.sampled_from(_AFTER_GAPS), st.sampled_from(_AFTER_WORDS)), max_size=6))
def test_verb_follows_reads_the_same_with_the_next_word_given(
    pieces: list[tuple[str, str]],
) -> None:
    from newsnorm.names.extract import _NEXT_WORD, _verb_follows, lexicon

    text = "Ghani" + "".join(gap + word for gap, word in pieces)
    nxt = _NEXT_WORD.match(text, 5, 45)
    assert _verb_follows(text, 5, lexicon(), nxt) == _verb_follows(text, 5, lexicon())


def test_every_connector_and_prefix_starts_with_a_listed_first_letter() -> None:
    from newsnorm.names.extract import _CONNECTOR, _CONNECTOR_FIRSTS, _PREFIXES

    words = regex.findall(r"[a-z-]+", _CONNECTOR) + sorted(_PREFIXES)
    assert len(words) > 20
    assert {w[0] for w in words} <= set(_CONNECTOR_FIRSTS)


@given(
    st.integers(0, 10**6),
    st.integers(0, 100),
    st.text(max_size=20),
    st.one_of(st.none(), st.text(max_size=10)),
    st.floats(0, 1),
    st.sampled_from(["gazetteer", "document"]),
)
def test_mentions_built_without_validation_equal_validated_ones(
    start: int, length: int, text: str, title: str | None, score: float, source: str
) -> None:
    from newsnorm.model import build_valid
    from newsnorm.names.model import NameMention

    fields = {
        "start": start,
        "end": start + length,
        "text": text,
        "title": title,
        "canonical": text.title(),
        "key": "doc-1",
        "score": score,
        "source": source,
    }
    fast = build_valid(NameMention, dict(fields))
    slow = NameMention.model_validate(fields)
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert hash(fast) == hash(slow)


# Words and the characters that decide whether they count: ASCII and other letters, marks,
# curly quotes, NBSP, dashes, digits, a lone surrogate.
_LOWER_PIECES = st.sampled_from(
    [
        "the",
        "Minister",
        "ali",
        "a",
        "x" * 42,
        "café",
        "ünder",
        "Δelta",
        "e\u0301",
        "\u0301e",
        "é",
        "’",
        "“",
        "”",
        "\u00a0",
        "–",
        " ",
        "  ",
        "\n",
        "-",
        "9",
        "_",
        "\ud800",
        "ß",
        "ǅ",
        "ʰ",
        "中",
        "\x01",
        "\x85",
        "\u2028",
    ]
)


@given(st.lists(_LOWER_PIECES, max_size=25).map("".join))
@example("the café’s ünder x")
@example("a \x01café")  # a control character before the non-ASCII one, in one chunk
def test_lower_words_equal_the_unicode_pattern_on_the_whole_text(text: str) -> None:
    from newsnorm.names.extract import _LOWER_WORD, _lower_words

    assert _lower_words(text) == frozenset(_LOWER_WORD.findall(text))


_ASKED = st.sampled_from(
    [
        "the",
        "minister",
        "ali",
        "a",
        "x" * 41,
        "x" * 42,
        "café",
        "ünder",
        "e\u0301",
        "é",
        "delta",
        "ministe",
        "caf",
        "nder",
        "al-sadr",
        "ǆ",
        "ß",
        "中",
        "",
        "9a",
    ]
)


@given(
    st.lists(_LOWER_PIECES, max_size=25).map("".join),
    st.lists(_ASKED, max_size=8),
    st.sampled_from([(32, 100_000), (1, 0), (0, 0)]),
)
@example("xthe the", ["the"], (32, 100_000))
@example("ministers minister", ["minister"], (1, 0))
@example("the café", ["caf"], (32, 100_000))  # a letter after the word: no boundary
@example("ünder", ["nder"], (32, 100_000))  # ... and before it
@example("ali\u0301e", ["ali"], (32, 100_000))  # a combining mark is no boundary either
def test_lower_words_asked_one_at_a_time_equal_the_whole_set(
    text: str, asked: list[str], budget: tuple[int, int]
) -> None:
    # Every budget, down to none (the whole set read at the first search), gives the same answers.
    import newsnorm.names.extract as ex

    per_char, least = budget
    saved = ex._SEARCH_BUDGET, ex._SEARCH_BUDGET_MIN
    ex._SEARCH_BUDGET, ex._SEARCH_BUDGET_MIN = per_char, least
    try:
        lazy = ex.LowerWords(text)
    finally:
        ex._SEARCH_BUDGET, ex._SEARCH_BUDGET_MIN = saved
    whole = ex._lower_words(text)
    words = [*asked, *sorted(whole)[:5], *(w.lower() for w in text.split()[:5])]
    assert [w in lazy for w in words] == [w in whole for w in words]


@pytest.mark.timeout(300)
def test_many_distinct_capitalized_words_stay_linear() -> None:
    # Every name is a new question for LowerWords, with a near miss in lowercase ("abcde" in
    # "abcdex"): without the search budget this would read the 0.76 MB text 40,000 times.
    from newsnorm.names.extract import candidates

    words = ["".join(p) for p in itertools.product("abcdefghij", repeat=5)][:40_000]
    text = " ".join(f"{w.capitalize()} said {w}x." for w in words)
    assert len(candidates(text)) == len(words)


def _prev_word_by_letters(text: str, start: int) -> str:
    # The plain definition: back over one to three spaces, then over up to 30 letters.
    j = start
    while j > 0 and start - j < 3 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == start or (j > 0 and text[j - 1] in " \t\u00a0"):
        return ""
    k = j
    while k > 0 and j - k < 30 and text[k - 1].isalpha():
        k -= 1
    return text[k:j]


@given(st.lists(_LOWER_PIECES, max_size=12).map("".join), st.integers(0, 200))
@example("x" * 35 + " Ali", 36)
@example("said x" * 6 + " Ali", 37)
def test_prev_word_equals_the_letter_walk(text: str, start: int) -> None:
    from newsnorm.names.extract import _prev_word

    start = min(start, len(text))
    assert _prev_word(text, start) == _prev_word_by_letters(text, start)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_names_are_their_own_romanization(name: str) -> None:
    # _ascii_tokens only lowers ASCII names instead of normalizing and transliterating them.
    from newsnorm.names.translit import _romanized

    assert _romanized(name) == name.lower()


_PART_CHARS = st.text(alphabet="abcdhksyzeiou.-'9 Ä", max_size=14)


@given(_PART_CHARS)
@example("ab")
@example("abcdefghik" * 5)  # longer than a part may be
@example("a.b")
def test_ascii_tokens_and_phonetic_equal_their_plain_definitions(text: str) -> None:
    # The fast paths (one plain word; a part without doubled letters) give what the general
    # steps give: split on anything but a-z, 0-9 and ".", then collapse doubled letters.
    from itertools import groupby

    from newsnorm.names import translit

    if text.isascii():
        lowered = text.lower().replace("'", "")
        plain = [t[:40] for t in regex.split(r"[^a-z0-9.]+", lowered) if t and t != "."]
        assert translit._ascii_tokens(text) == plain
    letters = regex.sub(r"[^a-z]+", "", text)
    fast = translit.phonetic.__wrapped__(text)
    # phonetic's steps with the general path forced: letters only, then its own rules.
    assert fast == translit.phonetic.__wrapped__(letters + "")
    collapsed = "".join(ch for ch, _ in groupby(fast))
    assert collapsed == fast


# What the window pattern tells apart: capitals, letters, digits and "_" around a capital,
# gap spaces (NBSP among them, not other spaces), apostrophes (’ among them), dots after
# abbreviations, connectors, hyphens; and non-ASCII characters of every kind next to them.
_VIEW_PIECES = st.sampled_from(
    [
        "Ali", "ALI", "a", "Mr", "Mrs", "Gen", "Prof", "capt", "Cmdr", "St", "V", "bin", "al",
        "ud-din", "the", "of", "Sadr", "’s", "'s", "’", "'", "s", "S", " ", "  ", "    ", "\t",
        "\u00a0", "\u2009", "\n", ".", ". ", "-", "al-", "_", "9", "“", "”", "–", "…", "é", "É",
        "ǅ", "\u0301", "ب", "٣", "\x01", "\x02", "\ud800", "€",
    ]
)  # fmt: skip


@given(st.lists(_VIEW_PIECES, max_size=30).map("".join))
@example("Mr.\u00a0Ali\u2019s Sadr")
@example("Prof. Ali bin\u00a0Sadr, O’Neil")
@example("Gen. Ali, Mrs. Sadr and Capt. V. Ali")
def test_window_view_gives_the_windows_of_the_unicode_pattern(text: str) -> None:
    # On its ASCII view, the ASCII pattern finds the spans the Unicode pattern finds in the text.
    from newsnorm.names.extract import _VIEW_WINDOW, _WINDOW, _WINDOW_CHAR, _window_view

    view = _window_view(text)
    if view is None:
        assert (
            "\x01" in text
            or "\x02" in text
            or any(not ch.isascii() and _WINDOW_CHAR.match(ch) for ch in text)
        )
        return
    assert len(view) == len(text) and view.isascii()
    expected = [m.span() for m in _WINDOW.finditer(text)]
    assert [m.span() for m in _VIEW_WINDOW.finditer(view)] == expected
