"""A hypothesis strategy for clean English news prose: text newsnorm must leave unchanged.

Sentences are built from word lists with no number words, dates, doubled words, titles, or
pronoun-plus-auxiliary fragments, so any edit or mention on them is a false positive.
"""

from __future__ import annotations

from hypothesis import strategies as st

SUBJECTS = [
    "The committee",
    "Local officials",
    "The ministry",
    "Farmers in the valley",
    "The new road",
    "Several teachers",
    "The river",
    "Our reporter",
    "The council",
    "Traders at the market",
]
VERBS = [
    "discussed",
    "welcomed",
    "criticized",
    "described",
    "supported",
    "questioned",
    "reviewed",
    "praised",
    "rejected",
    "examined",
]
OBJECTS = [
    "the proposal",
    "a plan for the region",
    "the water supply",
    "rising prices",
    "the harvest",
    "new schools",
    "the security situation",
    "an agreement with neighbours",
    "the election results",
    "public transport",
]
TAILS = [
    "",
    " in detail",
    " on the radio",
    " after a long debate",
    ", according to a statement",
    " during a meeting in the capital",
    " despite strong objections",
]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    s = draw(st.sampled_from(SUBJECTS))
    v = draw(st.sampled_from(VERBS))
    o = draw(st.sampled_from(OBJECTS))
    t = draw(st.sampled_from(TAILS))
    end = draw(st.sampled_from([".", ".", ".", "?", "!"]))
    return f"{s} {v} {o}{t}{end}"


@st.composite
def clean_prose(draw: st.DrawFn) -> str:
    paragraphs = draw(
        st.lists(st.lists(sentence(), min_size=1, max_size=5), min_size=1, max_size=4)
    )
    return "\n\n".join(" ".join(p) for p in paragraphs)
