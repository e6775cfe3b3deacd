"""Which grammar rules can match at a position, read off the next few characters of the text.

Trying every rule that starts with the right character costs one failed match per rule, and most
positions the pre-scan offers (``the``, ``first``, a number) start no date at all. So each rule's
*shapes* are read from the parse tree of ``re`` itself: the character sets its first ``KEY_LEN``
characters can come from. A rule whose shapes do not fit the text at a position cannot match
there and is not tried.

A shape over-approximates: lookarounds are ignored and an item the reader does not model (a
back-reference) ends the shape, meaning "anything may follow". A rule is only ever skipped when
no match of it can begin with the text's characters, so the first rule that matches is the same.

>>> index = ShapeIndex([r"the\\s(?:first|1st)", r"\\d{4}"], 6)
>>> index.rules_for("the 1s"), index.rules_for("2021 a"), index.rules_for("then a")
((0,), (1,), ())
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import Any

__all__ = ["KEY_LEN", "Chars", "ShapeIndex", "prefix_shapes"]

# Six characters tell "the first" from "the end", and "2021 " from "21 may" (measured: about
# four rules tried per position on the Tehran Times corpus, against thirteen by first letter).
KEY_LEN = 6

_C: Any = importlib.import_module("re._constants")
_PARSER: Any = importlib.import_module("re._parser")

# Ranges wider than this are treated as "any character" (the sets stay small).
_MAX_RANGE = 64
# The categories of ``re`` for str patterns, tested the way ``re`` tests them.
_CATEGORIES: dict[Any, tuple[str, Callable[[str], bool]]] = {
    _C.CATEGORY_DIGIT: ("digit", str.isdecimal),
    _C.CATEGORY_SPACE: ("space", str.isspace),
    _C.CATEGORY_WORD: ("word", lambda ch: ch.isalnum() or ch == "_"),
}
_CATEGORY_TESTS = dict(_CATEGORIES.values())


@dataclass(frozen=True, eq=False)
class Chars:
    """The characters one position of a shape may hold: literals and ``re`` categories.

    Built only by :func:`_chars`, which gives equal sets one object: shapes are hashed by the
    hundred thousand while the index is built, and identity hashes cost nothing.
    """

    literals: frozenset[str]
    categories: frozenset[str] = frozenset()

    def __contains__(self, ch: object) -> bool:
        if ch in self.literals:
            return True
        if not self.categories:  # most sets: no generator to start
            return False
        return isinstance(ch, str) and any(_CATEGORY_TESTS[c](ch) for c in self.categories)


@cache
def _chars(literals: frozenset[str], categories: frozenset[str] = frozenset()) -> Chars:
    """The one :class:`Chars` of these literals and categories."""
    return Chars(literals, categories)


# One position of a shape: its characters, or None for any character.
CharSet = Chars | None
Shape = tuple[CharSet, ...]
# A shape while it is read: "open" when anything may follow (the reader gave up), so it must not
# be extended by the items after it.
_Partial = tuple[Shape, bool]


def prefix_shapes(pattern: str, k: int) -> frozenset[Shape]:
    """Shapes covering the first *k* characters of every match of *pattern*.

    A shape shorter than *k* means the match may end (or anything may follow) there.

    >>> [len(s) for s in sorted(prefix_shapes(r"(?<!x)a[bc]?", 2), key=len)]
    [1, 2]
    """
    parsed = _PARSER.parse(pattern)
    if parsed.state.flags & (_C.SRE_FLAG_IGNORECASE | _C.SRE_FLAG_LOCALE):
        return frozenset({()})  # not modelled: the rule may match anything
    return frozenset(shape for shape, _ in _sequence(parsed, k))


def _extend(partials: set[_Partial], items: set[_Partial], k: int) -> set[_Partial]:
    """Each of *partials* followed by each of *items* (full or open partials stay as they are)."""
    out: set[_Partial] = set()
    for shape, is_open in partials:
        if is_open or len(shape) >= k:
            out.add((shape, is_open))
            continue
        for more, more_open in items:
            out.add(((shape + more)[:k], more_open))
    return out


def _sequence(items: Any, k: int) -> set[_Partial]:
    """The partial shapes of a sequence of parsed items."""
    out: set[_Partial] = {((), False)}
    for op, av in items:
        out = _extend(out, _item(op, av, k), k)
    return out


def _charset(av: Any) -> CharSet:
    """The characters of an ``IN`` item, or None for a negated class or a wide range."""
    literals: set[str] = set()
    categories: set[str] = set()
    for op, a in av:
        if op is _C.LITERAL:
            literals.add(chr(a))
        elif op is _C.RANGE and a[1] - a[0] < _MAX_RANGE:
            literals.update(chr(x) for x in range(a[0], a[1] + 1))
        elif op is _C.CATEGORY and a in _CATEGORIES:
            categories.add(_CATEGORIES[a][0])
        else:
            return None
    return _chars(frozenset(literals), frozenset(categories))


def _repeat(low: int, high: int, body: set[_Partial], k: int) -> set[_Partial]:
    """The partial shapes of *body* repeated *low* to *high* times (only up to *k* characters)."""
    out: set[_Partial] = set()
    current: set[_Partial] = {((), False)}
    count = 0
    while True:
        if count >= low:
            out |= current
        if count == high:
            return out
        following = _extend(current, body, k)
        if following == current:  # every shape is full or open: more repeats change nothing
            return out | current
        current = following
        count += 1


def _item(op: Any, av: Any, k: int) -> set[_Partial]:
    """The partial shapes of one parsed item."""
    if op is _C.LITERAL:
        return {((_chars(frozenset(chr(av))),), False)}
    if op is _C.IN:
        return {((_charset(av),), False)}
    if op in (_C.ANY, _C.NOT_LITERAL):
        return {((None,), False)}
    if op is _C.BRANCH:
        return set().union(*(_sequence(branch, k) for branch in av[1]))
    if op is _C.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flag
        return _sequence(av[-1], k)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        return _repeat(av[0], av[1], _sequence(av[2], k), k)
    if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
        return {((), False)}  # zero width: ignoring the condition only admits more
    return {((), True)}  # back-references and the rest: give up, anything may follow


class ShapeIndex:
    """The shapes of a list of rules in one trie over character sets, read as a lazy DFA.

    Each trie node maps a character set (None: any character) to the next node and lists the
    rules whose shapes end there. Reading a key steps through sets of nodes; each set becomes a
    :class:`_State` whose steps are cached per character, so a key costs a few dict look-ups
    and a text of any alphabet builds few states (checked on random digits and letters).
    """

    def __init__(self, patterns: list[str], k: int) -> None:
        root = _Node()
        for i, pattern in enumerate(patterns):
            for shape in prefix_shapes(pattern, k):
                root.add(shape, i)
        self._states: dict[frozenset[_Node], _State] = {}
        self._start = self._state(frozenset([root]))

    def rules_for(self, key: str) -> tuple[int, ...]:
        """The rules, in order, that may match a text going on with *key* (``k`` characters,
        fewer at the end of the text)."""
        state = self._start
        found = set(state.ends)
        for ch in key:
            state = state.steps.get(ch) or self._step(state, ch)
            found |= state.ends
        return tuple(sorted(found))

    def _state(self, nodes: frozenset[_Node]) -> _State:
        state = self._states.get(nodes)
        if state is None:
            state = self._states[nodes] = _State(nodes)
        return state

    def _step(self, state: _State, ch: str) -> _State:
        # Many states share nodes: each node tests its edges' sets once per character.
        nodes = frozenset(chain.from_iterable([node.children(ch) for node in state.nodes]))
        if len(state.steps) > 4096:  # a text with a huge alphabet: bound the memory
            state.steps.clear()
        state.steps[ch] = nxt = self._state(nodes)
        return nxt


class _State:
    """A set of trie nodes reached by the same characters: the rules ending at them, and the
    state each next character leads to (filled in as characters are met)."""

    __slots__ = ("ends", "nodes", "steps")

    def __init__(self, nodes: frozenset[_Node]) -> None:
        self.nodes = nodes
        self.ends: frozenset[int] = frozenset().union(*(node.ends for node in nodes))
        self.steps: dict[str, _State] = {}


class _Node:
    """A trie node: the next node per character set, and the rules whose shapes end here."""

    __slots__ = ("by_char", "edges", "ends")

    def __init__(self) -> None:
        self.edges: dict[CharSet, _Node] = {}
        self.ends: set[int] = set()
        self.by_char: dict[str, tuple[_Node, ...]] = {}

    def children(self, ch: str) -> tuple[_Node, ...]:
        """The nodes *ch* leads to from here: the ends of the edges whose sets hold it."""
        out = self.by_char.get(ch)
        if out is None:
            # The literal test inline: most sets have no category, and a method call per edge
            # was most of the cost of a new state.
            out = tuple(
                child
                for chars, child in self.edges.items()
                if chars is None or ch in chars.literals or (chars.categories and ch in chars)
            )
            if len(self.by_char) > 4096:  # a text with a huge alphabet: bound the memory
                self.by_char.clear()
            self.by_char[ch] = out
        return out

    def add(self, shape: Shape, rule: int) -> None:
        node = self
        for chars in shape:
            node = node.edges.setdefault(chars, _Node())
        node.ends.add(rule)
