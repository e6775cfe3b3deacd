"""The shortcuts of the cleanup fixers agree with the plain scans they replace.

Each test runs a fast path and the reference (the straightforward code it replaced) on text full
of what the corpus holds next to the words that matter: curly quotes, no-break and other odd
spaces, dashes, accented letters, other scripts and lone surrogates.
"""

from __future__ import annotations

import re
import sys
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsnorm.cleanup import byline as B
from newsnorm.cleanup import fragments as F
from newsnorm.cleanup import punctuation as P
from newsnorm.cleanup import unicode as U
from newsnorm.cleanup import words as W
from newsnorm.model import Edit
from newsnorm.patterns import FOLDS_TO_ASCII

# Pieces the fast paths react to, next to characters that only look alike to a careless scan.
PIECES = [
    *"0123456789/ \t\n\r-.,;:!?%()'\"",
    *"mbtpMBTPk",
    *"‘’“”«»–—…\u00a0\u2009\u202f\u2007\u3000\u1680\u2002",
    *"éÉçüİıß",
    *"ب۲٫٬٪مهدتЖ中",
    "\ud800",
    "\udc00",
    "the",
    "The",
    "THE",
    "a",
    "of",
    "President",
    "had",
    "million",
    "percent",
    "  ",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=30)

_SLASH_CUE_REFERENCE = re.compile(r"(?<=\d)/\d{1,3}[ \t\u00a0-]{0,2}[mbtpMBTP%\u066aمهدت]")


@given(text=texts | st.text(alphabet="12/ \u00a0-mP%aé“۲\ud800", max_size=20))
def test_slash_cue_finds_what_a_leading_lookbehind_finds(text: str) -> None:
    fast = P._SLASH_CUE.search(text)
    slow = _SLASH_CUE_REFERENCE.search(text)
    assert (fast and fast.span()) == (slow and slow.span())


def _exactly(edits: tuple[Edit, ...]) -> list[tuple[type, dict[str, object], set[str]]]:
    return [(type(e), e.model_dump(), set(e.model_fields_set)) for e in edits]


def _odd_spaces_reference(text: str) -> list[Edit]:
    """find_odd_spaces as it was: one class of every odd space, validated edits."""
    out = []
    for m in U._ODD_SPACE.finditer(text):
        if U._is_group_separator(text, m.start(), m.end()):
            continue
        repl = " " * (m.end() - m.start())
        out.append(
            Edit(
                start=m.start(),
                end=m.end(),
                replacement=repl,
                kind="odd_spaces",
                note="unusual space",
            )
        )
    return out


_SPACES = "\u00a0\u2009\u202f\u2007\u3000\u1680\u180e\u205f"


@given(
    text=texts
    | st.text(alphabet=f"\u00a0\u00a0\u00a0{_SPACES} 1234a“é\ud800", max_size=20)
    | st.text(alphabet="\u00a0 12a’", max_size=20)
)
def test_odd_spaces_runs_of_the_spaces_present(text: str) -> None:
    assert _exactly(U.find_odd_spaces(text).edits) == _exactly(tuple(_odd_spaces_reference(text)))


@given(
    text=texts | st.text(max_size=30),
    needle=st.sampled_from([" ,", " .", "/", "  ", " \n", "\t", "\x1a", "a "])
    | st.text(alphabet=st.characters(max_codepoint=127), min_size=1, max_size=3),
)
def test_profile_is_the_bytes_and_the_other_characters(text: str, needle: str) -> None:
    U._last_profile = None
    p = U.profile(text)
    assert p.utf8 == text.encode("utf-8", "surrogatepass")
    assert p.other == "".join(ch for ch in text if not ch.isascii())
    # What the fixers ask of the bytes: whether a string of ASCII characters is in the text.
    assert (needle.encode() in p.utf8) == (needle in text)


def _boilerplate_lines_reference(text: str) -> list[tuple[int, str]]:
    """The lines find_boilerplate removed when it asked for a cue word before the shapes."""
    line_re, cue = B._boilerplate_patterns()
    out = []
    pos = 0
    for line in text.split("\n"):
        if len(line) <= B.MAX_LINE and cue.search(line):
            s = line.strip()
            if s and line_re.fullmatch(s):
                out.append((pos, s))
        pos += len(line) + 1
    return out


_FURNITURE = [
    "Share",
    "share this",
    "Print",
    "1,204 views",
    "Views: 12",
    "Facebook",
    " Twitter ",
    "WhatsApp",
    "Read more",
    "Follow us on Telegram",
    "\u017fhare",  # long s: "share" to a case-insensitive pattern
    "\u212a",  # Kelvin sign: a "k"
    "\u00a0",
    "“",
    "é",
    "\ud800",
    "\n",
    "\r",
    " ",
    ":",
    "»",
    "the",
    "0",
]


@given(
    text=texts
    | st.lists(st.sampled_from(_FURNITURE), max_size=12).map("".join)
    | st.lists(st.sampled_from(_FURNITURE), max_size=6).map("\n".join)
)
def test_boilerplate_asks_shapes_then_cues(text: str) -> None:
    edits = B.find_boilerplate(text).edits
    notes = "; ".join(e.note for e in edits)
    expected = _boilerplate_lines_reference(text)
    assert notes == "; ".join(f"boilerplate line {s!r}" for _, s in expected)


@given(text=texts | st.text(alphabet=" \t\u00a0\u3000\nx", max_size=8))
def test_leading_blanks_are_what_lstrip_removes(text: str) -> None:
    assert F._blanks_end(text) == len(text) - len(text.lstrip(" \t"))


# A fragment's parts, each with look-alikes: auxiliaries in any case, with the 4 characters re
# matches to an ASCII letter ignoring case (ſ, K, İ, ı) and both apostrophes.
_AUX, _NEGS = F._auxiliaries()
_SENTENCE_PARTS = (
    [". ", "! ", "\n", "? ", "", "x. ", ".  ", ".\u00a0"],
    ["", " ", "  ", "\t"],
    ["They", "The troops", "He", "I", "“They", "the", "Everyone", "The", "é They"],
    [" ", "  ", "\t", "", "\u00a0"],
    ["WILL", "Can", "ſhould", "İs", "ıs", "wıll", "doesn’t", "won'T", "said", "x"],
    ["", " not", "  not", " NOT"],
    ["", " ", "  "],
    [".", "!", "?", "", "…"],
    ["", " Then", "”", ".", "x", "\n"],
)
_parts = [st.sampled_from(part) for part in _SENTENCE_PARTS]
_parts[4] |= st.sampled_from([*_AUX, *_NEGS])
_sentences = st.tuples(*_parts).map("".join)


@settings(max_examples=300)
@given(text=texts | st.lists(_sentences | st.sampled_from(PIECES), max_size=6).map("".join))
@example(text="Yes! They will.")
@example(text="No. They ſhould.")
@example(text="x\nThe troops shouldn’t.")
@example(text="So. He is.")
@example(text="So. It is  not .")
def test_fragment_prescans_find_every_start_of_the_full_pattern(text: str) -> None:
    body = F._fragment_re().pattern
    full = [re.compile(rf"{lead}[ \t]{{0,2}}(?={body})") for lead in (r"\. ", "! ", r"\n")]
    expected = {m.end() for scan in full for m in scan.finditer(text)}
    loose = {m.end() for cue, scan in F._prescans() if cue in text for m in scan.finditer(text)}
    assert expected <= loose


_WORD_PIECES = [
    *sorted(W.doubled_word_lexicon())[:20],
    "the",
    "The",
    "THE",
    "tHe",
    "a",
    "A",
    "President",
    "president",
    "had",
    "theme",
    "th",
    "Mr",
    "Mr.",
    *" \t\n\r-'’“”\"(«—–.,5_",
    "\u00a0",
    "é",
    "\u0130",  # İ: "i" to a case-insensitive pattern
    "\u0131",
    "\u017f",  # long s
    "\u212a",  # Kelvin sign
    "\ud800",
    "中",
]


@st.composite
def doubled(draw: st.DrawFn) -> str:
    """A word and a copy of it (in another case, or with a letter that folds to ASCII), with
    the separators and neighbours that make it a doubled word or not."""
    word = draw(st.sampled_from([*sorted(W.doubled_word_lexicon()), "had", "A", "The", "MR"]))
    copy = draw(
        st.sampled_from(
            [
                word,
                word.upper(),
                word.title(),
                word.lower(),
                word.replace("k", "\u212a"),
                word.replace("i", "\u0130"),
                word.replace("s", "\u017f"),
            ]
        )
    )
    sep = draw(st.sampled_from([" ", "  ", "\t", " \t ", "\u00a0", " “", "-", "\n"]))
    before = draw(st.sampled_from(["", " ", "\n", "“", "(", "x", "é", "’", "\u00a0", ". ", "5"]))
    after = draw(st.sampled_from(["", " ", ".", "s", "é", "’", "-", "\u00a0", " report", "5"]))
    around = st.just("") | texts
    return draw(around) + before + word + sep + copy + after + draw(around)


@given(
    text=texts
    | st.lists(st.sampled_from(_WORD_PIECES), max_size=16).map("".join)
    | st.lists(st.sampled_from(_WORD_PIECES), max_size=10).map(" ".join)
)
def test_doubled_words_prefilter_misses_nothing_in_random_text(text: str) -> None:
    _same_doubled_words(text)


@given(text=doubled())
@settings(max_examples=400)
def test_doubled_words_prefilter_misses_nothing(text: str) -> None:
    _same_doubled_words(text)


def _same_doubled_words(text: str) -> None:
    fast = W.find_doubled_words(text)
    with mock.patch.object(W, "_may_double", lambda text: True):
        slow = W.find_doubled_words(text)
    assert _exactly(fast.edits) == _exactly(slow.edits)


def test_every_character_that_folds_to_an_ascii_letter_is_listed() -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    folds = set()
    for cp in range(128, sys.maxunicode + 1):
        ch = chr(cp)
        if ch.lower() == ch.upper():
            continue  # uncased: equal to no letter, whatever the case
        if re.fullmatch("(?i)[a-z]", ch) or any(
            re.fullmatch(f"(?i)({x}) \\1", f"{x} {ch}") for x in letters
        ):
            folds.add(ch)
    assert folds == set(FOLDS_TO_ASCII)


@given(text=texts | st.text(alphabet=" \t\r\nx\u00a0“", max_size=12))
def test_space_runs_asks_only_for_the_needles_present(text: str) -> None:
    assert U._blank_runs(text, U._needles_in(text)) == U._blank_runs(text)


def _head_bylines_reference(text: str) -> list[tuple[B._Line, dict[str, object]]]:
    """_head_bylines as it was: every short head line parsed."""
    found: list[tuple[B._Line, dict[str, object]]] = []
    content = 0
    for line in B._lines(text):
        if line.start > B.HEAD_CHARS:
            break
        if line.end - line.start <= B.MAX_LINE:
            s = text[line.start : line.end]
            if not s.strip():
                continue
            fields = B.parse_byline(s)
            if fields is not None:
                found.append((line, fields))
                continue
            if B.is_boilerplate_line(s):
                continue
        content += 1
        if content > B.HEAD_CONTENT_LINES:
            break
    return found


_BYLINE_PIECES = [
    "World Amran Forobali Tuesday July 6th, 2021 0 Views",
    "By Sara Ahmadi | 12 March 2020",
    "Sara Ahmadi سارا احمدی 2020-03-12",
    "Politics By Sara Ahmadi 12 March 2020 1,204 views",
    "1,204 views",
    "5 views",
    "6 July 2021 5 views",
    "Tuesday July 6th, 2021",
    "Troops sent to the border",
    "The Taliban took 16 districts on July 6, 2021.",
    "Share",
    "",
    " ",
    "۱۲ views",
    "Sara Ahmadi\u00a0| 12\u00a0March 2020",
    "“Kabul” 2021-07-06",
]


@st.composite
def heads(draw: st.DrawFn) -> str:
    """Head lines of an article, the first ones pushed near HEAD_CHARS by digitless padding."""
    pad = draw(st.sampled_from([0, 0, 2700, 2950, 2990, 3000, 3010]))
    lines = draw(st.lists(st.sampled_from(_BYLINE_PIECES), max_size=6))
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return "x" * pad + sep.join(lines) + draw(st.sampled_from(["", "\n\nBody 5.", "\nBody"]))


@given(text=heads() | texts)
@settings(max_examples=300)
def test_byline_asks_for_digits_per_line(text: str) -> None:
    fast = B.find_byline(text)
    if B._DIGIT.search(text, 0, B.HEAD_CHARS) is None:
        assert fast == B.EMPTY
        return
    found = _head_bylines_reference(text)
    assert [(ln, f) for ln, f in B._head_bylines(text)] == found
    if found:
        assert fast.edits and dict(fast.meta)
    else:
        assert fast == B.EMPTY


def test_nfc_stable_characters_are_outside_the_unstable_class() -> None:
    unstable = U._nfc_unstable()
    assert not [ch for ch in U._NFC_STABLE if unstable.search(ch)]
    assert not [ch for ch in U._NFC_STABLE if unstable.search("e" + ch)]


@given(
    text=texts
    | st.text(alphabet="e\u0301\u00e9\u2019\u00a0\ufeff\u212b\u2000A\u030a\u1100\u1161", max_size=8)
)
def test_unicode_form_shortcut_changes_nothing(text: str) -> None:
    fast = U.find_unicode_form(text)
    with mock.patch.object(U, "_NFC_STABLE", frozenset()):
        slow = U.find_unicode_form(text)
    assert _exactly(fast.edits) == _exactly(slow.edits)


@given(text=texts | st.text(alphabet=" \t,;:.!?x\u00a0", max_size=10))
def test_space_cues_are_the_pairs_in_the_text(text: str) -> None:
    a = text.encode("utf-8", "surrogatepass")  # the profile's bytes
    assert P._cues_in(a) == [cue.decode() for cue in P._SPACE_CUES if cue.decode() in text]


@given(
    text=texts
    | st.text(
        alphabet="\x1a\x1a\x00\x0b\x0c\x85\x9d\ud800\udc00\ud83d\ude00 a\n\u00a0“", max_size=12
    )
)
def test_control_runs_of_the_controls_present(text: str) -> None:
    fast = U.find_control_chars(text)
    with mock.patch.object(U, "_runs_of", lambda present, general: general):
        slow = U.find_control_chars(text)
    assert _exactly(fast.edits) == _exactly(slow.edits)
