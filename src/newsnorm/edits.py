"""Edits: the one way newsnorm changes text.

Every change is an :class:`Edit` ``(start, end, replacement)`` into the text it was computed on.
Stages run one after another, each on the output of the last; :func:`compose` folds a later stage's
edits into the earlier ones so that :attr:`Document.edits` always indexes the *original* text and
replaying them (:func:`apply_edits`) gives exactly the cleaned text.

>>> from newsnorm.model import Edit
>>> e1 = [Edit(start=0, end=3, replacement="The", kind="a")]
>>> apply_edits("the the cat", e1)
'The the cat'
>>> e2 = [Edit(start=3, end=7, replacement="", kind="b")]
>>> both = compose("the the cat", e1, e2)
>>> apply_edits("the the cat", both)
'The cat'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence

from newsnorm.model import Edit, build_valid

__all__ = ["ForwardMap", "OffsetMap", "apply_edits", "check_edits", "compose", "new_edit"]


def new_edit(start: int, end: int, replacement: str, kind: str, note: str) -> Edit:
    """``Edit(start=start, end=end, replacement=replacement, kind=kind, note=note)``.

    For offsets and strings the caller computed (``int`` and ``str``): the cleanup builds about
    two edits per KB of short articles, and pydantic's validation would check the types again.
    A negative offset still goes through the model, which refuses it.

    >>> e = new_edit(3, 7, "", "doubled_words", "a note")
    >>> e == Edit(start=3, end=7, replacement="", kind="doubled_words", note="a note")
    True
    """
    if start < 0 or end < 0:
        return Edit(start=start, end=end, replacement=replacement, kind=kind, note=note)
    return build_valid(
        Edit, {"start": start, "end": end, "replacement": replacement, "kind": kind, "note": note}
    )


def _moved_to(e: Edit, start: int, end: int) -> Edit:
    """``e.model_copy(update={"start": start, "end": end})`` without pydantic's generic copy."""
    fields = dict(e.__dict__)
    fields["start"] = start
    fields["end"] = end
    return build_valid(type(e), fields, frozenset((*e.model_fields_set, "start", "end")))


def check_edits(text: str, edits: Sequence[Edit]) -> None:
    """Raise ``ValueError`` unless *edits* are sorted, non-overlapping and inside *text*.

    Two insertions at one point, or an insertion inside a replaced span, are ambiguous and refused.
    """
    prev_end = 0
    prev_insert_at = -1
    for e in edits:
        if e.start < prev_end or e.end > len(text) or e.start > e.end:
            raise ValueError(f"edit {e!r} overlaps the previous one or leaves the text")
        if e.start == e.end:
            if e.start == prev_insert_at:
                raise ValueError(f"two insertions at offset {e.start}")
            prev_insert_at = e.start
        prev_end = e.end


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Replay *edits* (sorted, non-overlapping, indexing *text*) and return the new text."""
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _join(values: Iterable[str], sep: str) -> str:
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return sep.join(seen)


def compose(original: str, first: Sequence[Edit], second: Sequence[Edit]) -> list[Edit]:
    """Fold *second* (indexing the text *first* made of *original*) into edits indexing *original*.

    Where a later edit touches the replacement of an earlier one, the two become one edit whose
    ``kind`` joins both kinds with ``+`` and whose ``note`` keeps both notes, so no step is hidden.
    """
    if not second:
        return list(first)
    if not first:
        return list(second)
    # An item: (mid_start, mid_end, stage, index, orig_start, orig_end, edit), where "mid" is the
    # text between the two stages. Sorted as plain tuples, items order by their mid span, then
    # the first stage's before the second's, then by their order in their stage (no two items
    # tie, so the edits themselves are never compared).
    items: list[_Item] = []
    ends: list[int] = []
    deltas: list[int] = []  # mid - original after each first-stage edit
    delta = 0
    for k, e in enumerate(first):
        t0 = e.start + delta
        t1 = t0 + len(e.replacement)
        items.append((t0, t1, 0, k, e.start, e.end, e))
        delta = t1 - e.end
        ends.append(t1)
        deltas.append(delta)
    f_items = items[:]

    def to_orig(t: int, is_end: bool = False) -> int:
        # Valid for positions not strictly inside a first-stage replacement; the others are merged.
        # A deletion sitting at t lies after a span's start but before a span's end.
        k = bisect_right(ends, t)
        if is_end:
            while k and f_items[k - 1][0] == f_items[k - 1][1] == t:
                k -= 1
        return t - (deltas[k - 1] if k else 0)

    for k, e in enumerate(second):
        o0 = to_orig(e.start)
        o1 = o0 if e.start == e.end else to_orig(e.end, True)
        items.append((e.start, e.end, 1, k, o0, o1, e))
    items.sort()

    out: list[Edit] = []
    n = len(items)
    i = 0
    while i < n:
        it = items[i]
        g_end = it[1]
        j = i + 1
        # The group: items that overlap in the middle text (this also catches an edit strictly
        # inside a replacement).
        while j < n and items[j][0] < g_end:
            g_end = max(g_end, items[j][1])
            j += 1
        if j == i + 1:
            out.append(it[6] if it[2] == 0 else _moved_to(it[6], it[4], it[5]))
        else:
            merged = _merged(original, items[i:j], it[0], g_end, to_orig)
            if merged is not None:
                out.append(merged)
        i = j
    return _merge_same_point_insertions(out)


_Item = tuple[int, int, int, int, int, int, Edit]


def _merged(
    original: str, group: list[_Item], t_lo: int, t_hi: int, to_orig: Callable[..., int]
) -> Edit | None:
    """One edit for a group of overlapping items spanning ``[t_lo, t_hi)`` of the middle text,
    or ``None`` when the stages cancelled out (an insertion later deleted)."""
    firsts = [it for it in group if it[2] == 0]
    o_lo = to_orig(t_lo)
    o_hi = to_orig(t_hi, True)
    if firsts:
        # In their stage's order (sorted and apart): the first starts first, the last ends last.
        o_lo = min(o_lo, firsts[0][4])
        o_hi = max(o_hi, firsts[-1][5])
    mid: list[str] = []
    o_pos = o_lo
    for it in firsts:
        mid.append(original[o_pos : it[4]])
        mid.append(it[6].replacement)
        o_pos = it[5]
    mid.append(original[o_pos:o_hi])
    mid_text = "".join(mid)
    repl: list[str] = []
    pos = 0
    for it in group:
        if it[2]:
            repl.append(mid_text[pos : it[0] - t_lo])
            repl.append(it[6].replacement)
            pos = it[1] - t_lo
    repl.append(mid_text[pos:])
    repl_text = "".join(repl)
    if o_lo == o_hi and not repl_text:
        return None
    kind = _join([it[6].kind for it in group], "+")
    return new_edit(o_lo, o_hi, repl_text, kind, _join([it[6].note for it in group], "; "))


def _merge_same_point_insertions(edits: list[Edit]) -> list[Edit]:
    # Two insertions at one original offset are ambiguous when replayed; they are already in the
    # order the text needs, so one insertion with both replacements is exact.
    out: list[Edit] = []
    for e in edits:
        if out and out[-1].start == out[-1].end == e.start == e.end:
            prev = out.pop()
            kind = _join((prev.kind, e.kind), "+")
            note = _join((prev.note, e.note), "; ")
            e = new_edit(e.start, e.end, prev.replacement + e.replacement, kind, note)
        out.append(e)
    return out


class ForwardMap:
    """Maps offsets of the text some edits apply to into the text they produce.

    A position strictly inside a replaced span moves to the start of the replacement, or to its end
    for the end of a span, so a mapped span always covers what became of the original span.

    >>> from newsnorm.model import Edit
    >>> ForwardMap([Edit(start=0, end=4, replacement="", kind="x")]).span(8, 11)
    (4, 7)
    """

    __slots__ = ("_deltas", "_edits", "_starts")

    def __init__(self, edits: Sequence[Edit]) -> None:
        self._edits = list(edits)
        self._starts = [e.start for e in self._edits]
        self._deltas: list[int] = []  # text growth before edit k
        delta = 0
        for e in self._edits:
            self._deltas.append(delta)
            delta += len(e.replacement) - (e.end - e.start)
        self._deltas.append(delta)

    def point(self, pos: int, *, is_end: bool = False) -> int:
        # Edits starting before pos (and, for a start, insertions at pos) come before it.
        k = bisect_left(self._starts, pos)
        while k < len(self._edits) and self._edits[k].start == pos and self._edits[k].end == pos:
            if is_end:
                break
            k += 1
        if k > 0:
            e = self._edits[k - 1]
            if e.end > pos:
                base = e.start + self._deltas[k - 1]
                return base + len(e.replacement) if is_end else base
        return pos + self._deltas[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = self.point(start)
        return s, max(s, self.point(end, is_end=True))


class OffsetMap:
    """Maps spans of a cleaned text back to the original, given the edits between them.

    >>> from newsnorm.model import Edit
    >>> m = OffsetMap([Edit(start=4, end=8, replacement="", kind="doubled_words")])
    >>> m.to_original(4, 7)   # "cat" in "the cat" was at 8..11 of "the the cat"
    (8, 11)
    """

    __slots__ = ("_edits", "_shift", "_tends", "_tstarts")

    def __init__(self, edits: Sequence[Edit]) -> None:
        self._edits = list(edits)
        self._tstarts: list[int] = []
        self._tends: list[int] = []
        self._shift: list[int] = []  # original - text, after each edit
        delta = 0  # text - original before the edit
        for e in self._edits:
            t0 = e.start + delta
            self._tstarts.append(t0)
            self._tends.append(t0 + len(e.replacement))
            delta += len(e.replacement) - (e.end - e.start)
            self._shift.append(-delta)

    def _point(self, t: int, is_end: bool) -> int:
        # Last edit whose text span starts at or before t.
        k = bisect_right(self._tstarts, t) - 1
        while k >= 0:
            t0, t1 = self._tstarts[k], self._tends[k]
            e = self._edits[k]
            if t0 < t < t1:
                return e.end if is_end else e.start
            if t == t0:
                if is_end:
                    # Ending where an edit starts (or a deletion sits) excludes that edit.
                    k -= 1
                    continue
                # Starting here includes a replacement but excludes a deletion.
                return e.end if t0 == t1 else e.start
            # t >= t1: beyond this edit.
            return t + self._shift[k]
        return t

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to the span of the original it came from."""
        if start > end:
            raise ValueError("start must not exceed end")
        o0 = self._point(start, False)
        o1 = self._point(end, True)
        return (o0, max(o0, o1))
