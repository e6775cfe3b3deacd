"""Pattern building shared by the capabilities: word lists as trie-shaped alternations.

A flat alternation ``may|march|mayday`` makes the regex engine try each word in turn at every
position; the same words as a trie, ``ma(?:rch|y(?:day)?)``, reject a position on its first
character and never re-read a shared prefix. Same matches, and a longer word is still tried
before its prefix (the optional tail comes first, greedily).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["trie_of_atoms"]


def trie_of_atoms(words: Iterable[Sequence[str]]) -> str:
    """A trie-factored alternation of *words*, each given as its list of pattern atoms.

    An atom is a piece of pattern matched as a unit: an escaped character, ``\\s+``, or a
    spelling class such as ``(?:a|aa)``.

    >>> trie_of_atoms([["t", "e", "n"], ["t", "e", "n", "t", "h"], ["t", "w", "o"]])
    't(?:en(?:th)?|wo)'
    >>> trie_of_atoms([["a", "b"], ["a", "c"], ["a"]])
    'a(?:b|c)?'
    """
    root: dict[str, Any] = {}
    for atoms in words:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, Any]) -> str:
    branches = [atom + _emit(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]
    if "" in node:  # a word ends here: what follows is optional
        if len(branches) == 1 and len(body) > 1:
            body = "(?:" + body + ")"
        body += "?"
    return body
