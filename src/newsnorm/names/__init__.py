"""Person names: mentions, transliteration-aware similarity, gazetteer, in-document coreference.

>>> from newsnorm.names import extract_names, name_similarity
>>> [(m.text, m.key) for m in extract_names("Imam Ali Rehman spoke to Emomali Rakhmon's aide.")]
[('Imam Ali Rehman', 'tj-emomali-rahmon'), ('Emomali Rakhmon', 'tj-emomali-rahmon')]
>>> name_similarity("Yusuf", "Yousef")
1.0
"""

from __future__ import annotations

from newsnorm.names.extract import extract_names
from newsnorm.names.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch, Role, load_gazetteer
from newsnorm.names.model import NameMention
from newsnorm.names.similarity import MATCH_THRESHOLD, name_key, name_similarity

__all__ = [
    "MATCH_THRESHOLD",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerMatch",
    "NameMention",
    "Role",
    "extract_names",
    "load_gazetteer",
    "name_key",
    "name_similarity",
]
