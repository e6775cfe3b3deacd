"""The shortcuts of the date extractor agree with the slow paths they replace."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsnorm.dates as dates
from newsnorm.dates.grammar import Atom
from newsnorm.dates.model import DateMention

_MODS = [*sorted(dates._MODIFIERS), "", "other"]


@given(
    text=st.text(max_size=40),
    start=st.integers(0, 40),
    length=st.integers(0, 40),
    cat=st.sampled_from(sorted(dates._KIND)),
    tx=st.text(max_size=12),
    mod=st.none() | st.sampled_from(_MODS),
)
def test_mention_is_what_validation_builds(
    text: str, start: int, length: int, cat: str, tx: str, mod: str | None
) -> None:
    a = Atom(start, start + length, cat, tx, mod=mod)
    fast = dates._mention(text, a)
    slow = DateMention(
        start=a.start,
        end=a.end,
        text=text[a.start : a.end],
        timex=a.tx,
        kind=dates._KIND[a.cat],
        modifier=a.mod if a.mod in dates._MODIFIERS else None,
    )
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert fast.model_dump() == slow.model_dump()
    assert list(fast.__dict__) == list(slow.__dict__)
    assert fast.model_fields_set == slow.model_fields_set
    assert hash(fast) == hash(slow)
    assert DateMention.model_validate(fast.model_dump()) == fast
    with pytest.raises(ValueError):
        fast.start = 0  # frozen like any other mention
