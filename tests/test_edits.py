"""The edit algebra: replay, composition across stages, and offset maps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsnorm.edits import ForwardMap, OffsetMap, apply_edits, check_edits, compose
from newsnorm.model import Edit


@st.composite
def edits_on(draw: st.DrawFn, text: str, kind: str = "k") -> list[Edit]:
    """Random sorted, non-overlapping edits on *text* (insertions, deletions, replacements)."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    out: list[Edit] = []
    prev_end = 0
    last_insert = -1
    for i in range(0, len(cuts) - 1, 2):
        a, b = cuts[i], cuts[i + 1]
        if a < prev_end or (a == b and a == last_insert):
            continue
        repl = draw(st.text(alphabet="xyZ ", max_size=3))
        if a == b and not repl:
            continue
        out.append(Edit(start=a, end=b, replacement=repl, kind=kind, note=f"{kind}{i}"))
        prev_end = b
        if a == b:
            last_insert = a
    return out


@given(st.data(), st.text(alphabet="abc .", max_size=30))
@settings(max_examples=400)
def test_compose_equals_sequential_replay(data: st.DataObject, original: str) -> None:
    first = data.draw(edits_on(original, "one"))
    check_edits(original, first)
    mid = apply_edits(original, first)
    second = data.draw(edits_on(mid, "two"))
    final = apply_edits(mid, second)
    composed = compose(original, first, second)
    check_edits(original, composed)
    assert apply_edits(original, composed) == final


@given(st.data(), st.text(alphabet="abc .", max_size=30))
@settings(max_examples=300)
def test_three_stages_compose(data: st.DataObject, original: str) -> None:
    edits: list[Edit] = []
    text = original
    for kind in ("a", "b", "c"):
        step = data.draw(edits_on(text, kind))
        edits = compose(original, edits, step)
        text = apply_edits(text, step)
        check_edits(original, edits)
        assert apply_edits(original, edits) == text


@given(st.data(), st.text(alphabet="abcdef", min_size=1, max_size=30))
def test_offset_map_untouched_spans_land_on_same_characters(
    data: st.DataObject, original: str
) -> None:
    edits = data.draw(edits_on(original))
    text = apply_edits(original, edits)
    omap = OffsetMap(edits)
    # Characters of the text that came from the original unchanged.
    kept: list[int] = []
    pos = 0
    for e in edits:
        kept.extend(range(pos, e.start))
        pos = e.end
    kept.extend(range(pos, len(original)))
    t = 0
    pos = 0
    text_index_of: dict[int, int] = {}
    for e in edits:
        for o in range(pos, e.start):
            text_index_of[o] = t
            t += 1
        t += len(e.replacement)
        pos = e.end
    for o in range(pos, len(original)):
        text_index_of[o] = t
        t += 1
    for o in kept:
        ti = text_index_of[o]
        assert text[ti] == original[o]
        assert omap.to_original(ti, ti + 1) == (o, o + 1)


@given(st.data(), st.text(alphabet="abc", max_size=20))
def test_offset_map_spans_cover_edits(data: st.DataObject, original: str) -> None:
    edits = data.draw(edits_on(original))
    text = apply_edits(original, edits)
    omap = OffsetMap(edits)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    o0, o1 = omap.to_original(a, b)
    assert 0 <= o0 <= o1 <= len(original)
    # Rewriting the mapped original span with the same edits gives back at least the text span.
    inner = [e for e in edits if o0 <= e.start and e.end <= o1]
    piece = apply_edits(
        original[o0:o1],
        [e.model_copy(update={"start": e.start - o0, "end": e.end - o0}) for e in inner],
    )
    assert text[a:b] in piece


@given(st.data(), st.text(alphabet="abc", max_size=20))
def test_forward_map_is_monotonic_and_in_range(data: st.DataObject, original: str) -> None:
    edits = data.draw(edits_on(original))
    text = apply_edits(original, edits)
    fmap = ForwardMap(edits)
    points = [fmap.point(p) for p in range(len(original) + 1)]
    assert points == sorted(points)
    assert all(0 <= p <= len(text) for p in points)
    assert fmap.point(len(original)) == len(text)


def test_check_edits_refuses_overlap_and_double_insertion() -> None:
    with pytest.raises(ValueError):
        check_edits(
            "abcdef",
            [
                Edit(start=0, end=3, replacement="", kind="k"),
                Edit(start=2, end=4, replacement="", kind="k"),
            ],
        )
    with pytest.raises(ValueError):
        check_edits(
            "abc",
            [
                Edit(start=1, end=1, replacement="x", kind="k"),
                Edit(start=1, end=1, replacement="y", kind="k"),
            ],
        )


def test_merged_edits_keep_both_kinds() -> None:
    original = "x\u06f2\u066b\u06f5 y"
    first = [
        Edit(start=1, end=2, replacement="2", kind="source_digits"),
        Edit(start=3, end=4, replacement="5", kind="source_digits"),
    ]
    mid = apply_edits(original, first)
    second = [Edit(start=2, end=3, replacement=".", kind="decimal_separator")]
    composed = compose(original, first, second)
    assert apply_edits(original, composed) == "x2.5 y"
    assert [e.kind for e in composed] == [
        "source_digits",
        "decimal_separator",
        "source_digits",
    ] or any("+" in e.kind for e in composed)
    assert mid == "x2\u066b5 y"
