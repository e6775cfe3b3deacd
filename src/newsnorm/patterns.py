"""Pattern building and quick text tests shared by the capabilities.

Word lists as trie-shaped alternations:

A flat alternation ``may|march|mayday`` makes the regex engine try each word in turn at every
position; the same words as a trie, ``ma(?:rch|y(?:day)?)``, reject a position on its first
character and never re-read a shared prefix. Same matches, and a longer word is still tried
before its prefix (the optional tail comes first, greedily).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["FOLDS_TO_ASCII", "has_high_byte", "trie_of_atoms"]

# The characters outside ASCII that ``re`` matches to an ASCII letter when ignoring case (İ,
# dotless ı, long ſ, the Kelvin sign; tests check the list over every code point). A fast path
# that reads ASCII letters where a pattern ignores case must send a text holding one the long way.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def has_high_byte(text: str, high: bytes) -> bool:
    """Whether a UTF-16 code unit of *text* has one of the *high* bytes (lone surrogates are
    code units of their own): the odd offsets of its little-endian encoding, found by
    ``bytes.find`` at memory speed (an even offset is the low byte of a character, like ``!``
    for ``21``). A text without the high byte of a block has no character of that block.

    >>> [has_high_byte(t, h) for t, h in [("“x”!", b"!"), ("x⅓", b"!"), ("\\ud800", b"\\xd8")]]
    [False, True, True]
    """
    units = text.encode("utf-16-le", "surrogatepass")
    for h in high:
        i = units.find(h, 1)
        while i >= 0:
            if i & 1:
                return True
            i = units.find(h, i + 1)
    return False


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
