"""The edit algebra: replay, composition across stages, and offset maps."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsnorm.edits as E
from newsnorm.edits import ForwardMap, OffsetMap, apply_edits, check_edits, compose, new_edit
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
        if draw(st.booleans()):
            out.append(Edit(start=a, end=b, replacement=repl, kind=kind, note=f"{kind}{i}"))
        else:  # no note given: model_fields_set differs, and must survive composition
            out.append(Edit(start=a, end=b, replacement=repl, kind=kind))
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


# --------------------------------------------------------------------------------------------
# The fast compose against the plain one it replaced: the same edits, field for field.


def _compose_reference(original: str, first: Sequence[Edit], second: Sequence[Edit]) -> list[Edit]:
    """The plain compose the fast one replaced (a keyed sort, pydantic copies, validation)."""
    if not second:
        return list(first)
    if not first:
        return list(second)
    # An item: (mid_start, mid_end, orig_start, orig_end, from_first, edit), where "mid" is the text
    # between the two stages.
    Item = tuple[int, int, int, int, bool, Edit]
    items: list[Item] = []
    ends: list[int] = []
    deltas: list[int] = []
    delta = 0
    for e in first:
        t0 = e.start + delta
        t1 = t0 + len(e.replacement)
        items.append((t0, t1, e.start, e.end, True, e))
        delta += len(e.replacement) - (e.end - e.start)
        ends.append(t1)
        deltas.append(delta)

    def to_orig(t: int, is_end: bool = False) -> int:
        # Valid for positions not strictly inside a first-stage replacement; the others are merged.
        # A deletion sitting at t lies after a span's start but before a span's end.
        k = bisect_right(ends, t)
        if is_end:
            while k and f_items[k - 1][0] == f_items[k - 1][1] == t:
                k -= 1
        return t - (deltas[k - 1] if k else 0)

    f_items = list(items)
    for e in second:
        o0 = to_orig(e.start)
        o1 = o0 if e.start == e.end else to_orig(e.end, True)
        items.append((e.start, e.end, o0, o1, False, e))
    items.sort(key=lambda it: (it[0], it[1], not it[4]))

    out: list[Edit] = []
    group: list[Item] = []
    g_end = -1

    def joins(a: Item) -> bool:
        # Overlap in the middle text; this also catches an edit strictly inside a replacement.
        return a[0] < g_end

    def flush() -> None:
        if len(group) == 1:
            it = group[0]
            out.append(it[5] if it[4] else it[5].model_copy(update={"start": it[2], "end": it[3]}))
            return
        t_lo = min(it[0] for it in group)
        t_hi = max(it[1] for it in group)
        firsts = [it for it in group if it[4]]
        o_lo = min([to_orig(t_lo), *(it[2] for it in firsts)])
        o_hi = max([to_orig(t_hi, True), *(it[3] for it in firsts)])
        mid: list[str] = []
        o_pos = o_lo
        for it in firsts:
            mid.append(original[o_pos : it[2]])
            mid.append(it[5].replacement)
            o_pos = it[3]
        mid.append(original[o_pos:o_hi])
        mid_text = "".join(mid)
        repl: list[str] = []
        pos = 0
        for it in group:
            if not it[4]:
                repl.append(mid_text[pos : it[0] - t_lo])
                repl.append(it[5].replacement)
                pos = it[1] - t_lo
        repl.append(mid_text[pos:])
        repl_text = "".join(repl)
        edits = [it[5] for it in group]
        if o_lo == o_hi and not repl_text:
            return  # the stages cancelled out (an insertion later deleted)
        out.append(
            Edit(
                start=o_lo,
                end=o_hi,
                replacement=repl_text,
                kind=E._join((x.kind for x in edits), "+"),
                note=E._join((x.note for x in edits), "; "),
            )
        )

    for it in items:
        if group and joins(it):
            group.append(it)
            g_end = max(g_end, it[1])
        else:
            if group:
                flush()
            group = [it]
            g_end = it[1]
    flush()
    return _merge_reference(out)


def _merge_reference(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in edits:
        if out and out[-1].start == out[-1].end == e.start == e.end:
            prev = out.pop()
            e = Edit(
                start=e.start,
                end=e.end,
                replacement=prev.replacement + e.replacement,
                kind=E._join((prev.kind, e.kind), "+"),
                note=E._join((prev.note, e.note), "; "),
            )
        out.append(e)
    return out


def _exactly(edits: list[Edit]) -> list[tuple[type, dict[str, object], set[str]]]:
    return [(type(e), e.model_dump(), set(e.model_fields_set)) for e in edits]


@given(st.data(), st.text(alphabet="ab .\u00a0“’\ud800", max_size=30))
@settings(max_examples=500)
def test_compose_is_the_reference_compose(data: st.DataObject, original: str) -> None:
    edits: list[Edit] = []
    text = original
    for kind in ("odd_spaces", "space_runs", "odd_spaces"):
        step = data.draw(edits_on(text, kind))
        fast = compose(original, edits, step)
        slow = _compose_reference(original, edits, step)
        assert _exactly(fast) == _exactly(slow)
        edits = slow
        text = apply_edits(text, step)


@given(
    start=st.integers(-2, 50),
    length=st.integers(0, 9),
    repl=st.text(max_size=5),
    kind=st.text(max_size=5),
    note=st.text(max_size=5),
)
def test_new_edit_is_what_validation_builds(
    start: int, length: int, repl: str, kind: str, note: str
) -> None:
    try:
        slow = Edit(start=start, end=start + length, replacement=repl, kind=kind, note=note)
    except ValueError:
        with pytest.raises(ValueError):
            new_edit(start, start + length, repl, kind, note)
        return
    fast = new_edit(start, start + length, repl, kind, note)
    assert _exactly([fast]) == _exactly([slow])
    assert repr(fast) == repr(slow) and hash(fast) == hash(slow)
    assert list(fast.__dict__) == list(slow.__dict__)
    with pytest.raises(ValueError):
        fast.start = 0  # frozen like any other edit
    moved = E._moved_to(slow, start + 1, start + length + 2)
    copied = slow.model_copy(update={"start": start + 1, "end": start + length + 2})
    assert _exactly([moved]) == _exactly([copied]) and repr(moved) == repr(copied)
