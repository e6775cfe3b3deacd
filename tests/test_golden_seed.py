"""The golden test: the seed article, cleaned and extracted, reviewed by hand.

`tests/golden/seed.cleaned.txt` is the exact cleaned text and `tests/golden/seed.json` the exact
edits, flags, byline and mentions. A change here is a behaviour change: review the new output by
hand before regenerating these files.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import newsnorm
from newsnorm.edits import apply_edits

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
SEED = ROOT / "seeds" / "000_851fa976d064ad2b.txt"


def _doc() -> newsnorm.Document:
    return newsnorm.process(SEED.read_text(encoding="utf-8"))


def test_bundled_seed_is_the_repository_seed() -> None:
    bundled = files("newsnorm") / "seeds" / SEED.name
    assert bundled.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_cleaned_text_is_exact() -> None:
    doc = _doc()
    assert doc.text == (GOLDEN / "seed.cleaned.txt").read_text(encoding="utf-8")
    assert apply_edits(doc.original, doc.edits) == doc.text


def test_edits_flags_meta_and_mentions_are_exact() -> None:
    doc = _doc()
    t = doc.original
    want = json.loads((GOLDEN / "seed.json").read_text(encoding="utf-8"))
    assert [[e.start, e.end, t[e.start : e.end], e.replacement, e.kind] for e in doc.edits] == (
        want["edits"]
    )
    assert [[f.kind, doc.text[f.start : f.end]] for f in doc.flags] == want["flags"]
    assert json.loads(doc.meta.model_dump_json()) == want["meta"]
    assert [[n.text, n.value, n.kind, n.qualifier, n.unit] for n in doc.numbers] == want["numbers"]
    assert [[d.text, d.timex, d.kind] for d in doc.dates] == want["dates"]
    assert [[n.text, n.title, n.key] for n in doc.names] == want["names"]


def test_the_seed_problems_named_in_the_brief() -> None:
    doc = _doc()
    # Byline parsed into meta and gone from the body.
    assert doc.meta.author == "Amran Forobali"
    assert doc.meta.author_native == "عمران فروبلی"
    assert str(doc.meta.published) == "2021-07-06"
    assert doc.meta.views == 0
    assert "Views" not in doc.text
    # The reduplicated demonym resolved from context, with the evidence in the note.
    (demonym,) = [e for e in doc.edits if e.kind == "demonym_compounds"]
    assert demonym.replacement == "Tajik-Afghan" and "Tajik" in demonym.note
    assert "Tajik-Afghan border" in doc.text
    # The orphan fragment is flagged, not rewritten.
    assert "They will." in doc.text
    assert any(f.kind == "fragment" for f in doc.flags)
    # Numbers with normalized values.
    by_text = {(n.text, n.qualifier): n.value for n in doc.numbers}
    assert by_text[("1,037", "at_least")] == 1037
    assert by_text[("20,000", None)] == 20000
    assert by_text[("six", None)] == 6
    # "on Tuesday" resolved against the byline's date; "the past two months" a duration.
    timexes = {d.text: d.timex for d in doc.dates}
    assert timexes["Tuesday"] == "2021-07-06"
    assert "P2M" in timexes.values()
    # One key for the four Rahmon spellings, one for the two Ghani mentions, nothing else merged.
    keys: dict[str, set[str]] = {}
    for n in doc.names:
        keys.setdefault(n.key, set()).add(n.text)
    assert {"Emomali Rakhmon", "Imam Ali Rehman", "Imam Ali Rahman"} in keys.values()
    assert {"Mohammad Ashraf Ghani", "Ghani"} in keys.values()
    assert {"Vladimir Putin"} in keys.values()
    assert len(keys) == 3


def test_every_mention_maps_back_to_the_same_characters() -> None:
    doc = _doc()
    for m in [*doc.numbers, *doc.dates, *doc.names]:
        o0, o1 = doc.to_original(m.start, m.end)
        assert doc.original[o0:o1] == m.text
