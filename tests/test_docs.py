"""The docs that are generated from code stay in step with it."""

from __future__ import annotations

import json
from pathlib import Path

import newsnorm

ROOT = Path(__file__).resolve().parents[1]


def test_docs_schema_matches_the_model() -> None:
    on_disk = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert on_disk == newsnorm.Document.model_json_schema(), (
        "regenerate docs/schema.json: newsnorm schema > docs/schema.json"
    )


def test_every_nav_page_exists() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [
        line.split(":")[-1].strip() for line in nav.splitlines() if line.strip().endswith(".md")
    ]
    assert pages
    missing = [p for p in pages if not (ROOT / "docs" / p).exists()]
    assert not missing, missing


def test_every_fixer_is_documented() -> None:
    from newsnorm.cleanup import FIXER_NAMES

    pages = (ROOT / "docs" / "cleanup.md").read_text(encoding="utf-8") + (
        ROOT / "docs" / "cleanup-characters.md"
    ).read_text(encoding="utf-8")
    missing = [name for name in FIXER_NAMES if f"`{name}`" not in pages]
    assert not missing, missing
