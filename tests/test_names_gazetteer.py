"""Names: the bundled gazetteer's data, loading user gazetteers, pickling, ambiguity."""

from __future__ import annotations

import gzip
import json
import pickle
import re
from pathlib import Path

import pytest

from newsnorm.names import Gazetteer, extract_names, load_gazetteer
from newsnorm.names.gazetteer import GazetteerEntry


def test_bundled_gazetteer_is_well_formed() -> None:
    gz = Gazetteer.default()
    assert 100 <= len(gz) <= 250
    ids = [e.id for e in gz]
    assert len(ids) == len(set(ids))
    for entry in gz:
        assert re.fullmatch(r"[a-z]{2,4}-[a-z0-9-]+", entry.id), entry.id
        assert entry.name.strip() == entry.name and entry.name
        assert entry.name not in entry.aliases
        for role in entry.roles:
            assert role.title
            if role.start is not None and role.end is not None:
                assert 1900 < role.start <= role.end <= 2030, (entry.id, role)


@pytest.mark.parametrize(
    "country_prefix",
    ["af", "tb", "tj", "uz", "tm", "kg", "kz", "ir", "pk", "ru", "cn", "in", "tr", "qa", "us"],
)
def test_bundled_gazetteer_covers_each_country(country_prefix: str) -> None:
    assert any(e.id.startswith(country_prefix + "-") for e in Gazetteer.default())


def test_rahmon_has_his_common_spellings() -> None:
    entry = Gazetteer.default().get("tj-emomali-rahmon")
    assert entry is not None
    spellings = set(entry.spellings)
    assert {
        "Emomali Rahmon",
        "Emomali Rakhmon",
        "Emomali Rahmonov",
        "Imomali Rahmonov",
    } <= spellings


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Imam Ali Rahman", "tj-emomali-rahmon"),
        ("Imomali Rakhmonov", "tj-emomali-rahmon"),
        ("Zabiullah Mojahed", "tb-zabihullah-mujahid"),
        ("Mohammad Ashraf Ghani Ahmadzai", "af-ashraf-ghani"),
        ("Kassym-Zhomart Tokaev", "kz-kassym-jomart-tokayev"),
        ("Sheikh Tamim bin Hamad al-Thani", "qa-tamim-bin-hamad-al-thani"),
        ("Serdar Berdymukhammedov", "tm-serdar-berdimuhamedow"),
        ("Akylbek Zhaparov", "kg-akylbek-japarov"),
        ("Uday Saddam Hussein", "iq-uday-hussein"),
        ("Saddam Hussein", "iq-saddam-hussein"),
        ("Ahmad Massoud", "af-ahmad-massoud"),
        ("Ahmad Shah Massoud", "af-ahmad-shah-massoud"),
    ],
)
def test_bundled_matches(name: str, expected: str) -> None:
    m = Gazetteer.default().match(name)
    assert m is not None and m.entry.id == expected, (name, m)


@pytest.mark.parametrize("name", ["Karim Rahimi", "Ali", "Khamenei", "", "   ", "Kabul"])
def test_bundled_non_matches(name: str) -> None:
    assert Gazetteer.default().match(name) is None


def test_two_people_with_one_spelling_are_no_match() -> None:
    gz = Gazetteer.from_records(
        [{"id": "a", "name": "Karim Rahimi"}, {"id": "b", "name": "Karim Rahimi"}]
    )
    assert gz.match("Karim Rahimi") is None
    assert gz.match("Karim Rahimy") is None


def test_gazetteer_pickles_and_keeps_matching() -> None:
    gz = Gazetteer.default()
    clone = pickle.loads(pickle.dumps(gz))
    assert len(clone) == len(gz)
    m = clone.match("Imam Ali Rehman")
    assert m is not None and m.entry.id == "tj-emomali-rahmon"


def test_load_gazetteer_caches_per_path(tmp_path: Path) -> None:
    assert load_gazetteer(None) is Gazetteer.default()
    path = tmp_path / "people.json"
    path.write_text(json.dumps([{"id": "x1", "name": "Yusra Halimi"}]), encoding="utf-8")
    assert load_gazetteer(str(path)) is load_gazetteer(str(path))
    assert len(load_gazetteer(str(path))) == 1


def _records() -> list[dict[str, object]]:
    return [
        {"id": "p1", "name": "Yusra Halimi", "aliases": ["Yousra Halimy"]},
        {"id": "p2", "name": "Lutfi Barzan", "aliases": "Lotfi Barzan;L. Barzan"},
    ]


def _check(gz: Gazetteer) -> None:
    assert len(gz) == 2
    assert gz.get("p2") is not None and "Lotfi Barzan" in gz.get("p2").aliases  # type: ignore[union-attr]
    m = gz.match("Yousra Halimi")
    assert m is not None and m.entry.id == "p1"


def test_from_file_json_list_and_object(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps(_records()), encoding="utf-8")
    _check(Gazetteer.from_file(p))
    q = tmp_path / "b.json"
    q.write_text(json.dumps({"people": _records()}), encoding="utf-8")
    _check(Gazetteer.from_file(q))


def test_from_file_jsonl_and_gzip(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps(r) for r in _records()) + "\n"
    p = tmp_path / "a.jsonl"
    p.write_text(lines, encoding="utf-8")
    _check(Gazetteer.from_file(p))
    g = tmp_path / "a.jsonl.gz"
    with gzip.open(g, "wt", encoding="utf-8") as fh:
        fh.write(lines)
    _check(Gazetteer.from_file(g))


def test_from_file_csv(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(
        "id,name,aliases\np1,Yusra Halimi,Yousra Halimy\np2,Lutfi Barzan,Lotfi Barzan|L. Barzan\n",
        encoding="utf-8",
    )
    _check(Gazetteer.from_file(p))


def _ftm_rows() -> list[dict[str, object]]:
    return [
        {
            "id": "NK-abc",
            "schema": "Person",
            "caption": "Yusra Halimi",
            "properties": {
                "name": ["Yusra Halimi"],
                "alias": ["Yousra Halimy"],
                "weakAlias": ["Umm Karim"],
                "position": ["Governor of Nowhere"],
            },
        },
        {"id": "NK-org", "schema": "Organization", "properties": {"name": ["Halimi Trading"]}},
        {"id": "NK-def", "schema": "Person", "properties": {"name": ["Lutfi Barzan"]}},
    ]


def test_from_ftm_reads_persons_only(tmp_path: Path) -> None:
    p = tmp_path / "entities.ftm.json"
    p.write_text("\n".join(json.dumps(r) for r in _ftm_rows()), encoding="utf-8")
    gz = Gazetteer.from_ftm(p)
    assert [e.id for e in gz] == ["NK-abc", "NK-def"]
    entry = gz.get("NK-abc")
    assert entry is not None
    assert entry.aliases == ("Yousra Halimy",)  # weak aliases are left out
    assert entry.roles[0].title == "Governor of Nowhere"
    # The same export through from_file (JSON lines with FtM entities).
    q = tmp_path / "entities.jsonl"
    q.write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    assert [e.id for e in Gazetteer.from_file(q)] == ["NK-abc", "NK-def"]


def test_extract_names_uses_a_custom_gazetteer() -> None:
    gz = Gazetteer([GazetteerEntry(id="p9", name="Yusra Halimi", aliases=("Yousra Halimy",))])
    (m,) = extract_names("Yousra Halimy arrived in Herat on Monday.", gazetteer=gz)
    assert (m.key, m.canonical, m.source) == ("p9", "Yusra Halimi", "gazetteer")


def test_titled_surname_resolves_through_the_gazetteer_when_unique() -> None:
    (m,) = extract_names("President Ghani left Kabul.")
    assert (m.text, m.title, m.key) == ("Ghani", "President", "af-ashraf-ghani")
    (m,) = extract_names("Mullah Omar was never seen.")
    assert m.key == "tb-mohammad-omar"


def test_distinctive_surname_alone_resolves_through_the_gazetteer() -> None:
    (m,) = extract_names("Putin said the talks would go on.")
    assert (m.key, m.source) == ("ru-vladimir-putin", "gazetteer") and m.score < 1.0
    # A common given name alone is no one in particular.
    (m,) = extract_names("Omar said nothing more.")
    assert m.source == "document"
    # Two gazetteer people share the surname: no guess.
    (m,) = extract_names("Japarov said the vote was fair.")
    assert m.source == "document"
