"""Read one number phrase: a digit literal or a run of number words, into an exact value.

Values are :class:`fractions.Fraction` so ``2.33 k`` is exactly 2330 and ``two thirds`` exactly 2/3;
the extractor converts them to ``int``/``float`` at the end. :func:`lex` turns the text after an
anchor into :class:`Tok` tokens; :func:`parse_phrase` applies the English number grammar
(``one hundred and five``, ``twenty-three fifths``, ``two and a half million``, ``3 dozens``…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from newsnorm.numbers.lexicon import DIGIT, VULGAR, load, word_table

__all__ = ["Core", "Tok", "lex", "lex_digits", "parse_phrase", "to_number"]

_D = f"[{DIGIT}]"
_PD = "[\u0660-\u0669\u06f0-\u06f9]"
_GSP = "[ \u00a0\u2009\u202f\u2007]"
_MAX_TOKENS = 32

_INDIAN = re.compile(rf"{_D}{{1,2}}(?:,{_D}{{2}}){{1,5}},{_D}{{3}}(?:\.{_D}{{1,20}})?(?![{DIGIT}])")
_WESTERN = re.compile(
    rf"{_D}{{1,3}}(?:[,\u066c]{_D}{{3}}){{1,6}}(?![{DIGIT}])(?:[.\u066b]{_D}{{1,30}}(?![{DIGIT}]))?"
)
_EURO = re.compile(rf"{_D}{{1,3}}(?:\.{_D}{{3}}){{1,6}},{_D}{{1,2}}(?![{DIGIT}])")
_SPACED = re.compile(
    rf"{_D}{{1,3}}(?:{_GSP}{_D}{{3}}){{1,6}}(?![{DIGIT}])(?:[.\u066b]{_D}{{1,30}}(?![{DIGIT}]))?"
)
_COMMA_DECIMAL = re.compile(rf"{_D}{{1,3}},{_D}{{2}}(?![{DIGIT},])")
_PERSIAN_SLASH = re.compile(rf"{_PD}{{1,30}}/{_PD}{{1,30}}(?![{DIGIT}/])")
_PLAIN = re.compile(rf"{_D}{{1,30}}(?:[.\u066b]{_D}{{1,30}})?(?![{DIGIT}])")
_LEADING_DECIMAL = re.compile(rf"\.{_D}{{1,30}}(?![{DIGIT}])")
_RUN = re.compile(rf"[{DIGIT}]+")
_DIGIT_SET = frozenset(
    "0123456789" + "".join(chr(c) for c in (*range(0x660, 0x66A), *range(0x6F0, 0x6FA)))
)
_LITERAL_GLUE = frozenset(",.\u066b\u066c/ \u00a0\u2009\u202f\u2007")
# What may follow a digit literal and change it: ordinal suffix, fraction, exponent, multiplier.
_SUFFIX_START = frozenset("sSnNrRtT/eE^kKmMbB \t" + "".join(VULGAR))
_EXPONENT = re.compile(r"[eE](?P<sign>[+-]?)(?P<exp>[0-9]{1,3})(?![\w])")
_POWER = re.compile(r"\^(?P<sign>[+-]{0,2})(?P<exp>[0-9]{1,3})(?![\w.])")
_SLASH_FRACTION = re.compile(rf"/(?P<den>{_D}{{1,9}})(?![{DIGIT}/])")
_MIXED_FRACTION = re.compile(
    rf"[ \t]{{1,3}}(?P<num>{_D}{{1,9}})/(?P<den>{_D}{{1,9}})(?![{DIGIT}/])"
)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![\w])")
_WORD = re.compile(r"[A-Za-z]{1,20}(?![\w])")
_SEP = re.compile(r"[ \t\u00a0]{1,4}(?:[-\u2010\u2011][ \t]{0,3})?|[-\u2010\u2011][ \t]{0,3}")
_TRANS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9\u066b",
    "01234567890123456789.",
    ",\u066c \u00a0\u2009\u202f\u2007",
)


@cache
def _multipliers() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    data = load("words")
    glued = data["suffix_multipliers"]
    spaced = data["spaced_multipliers"]
    table = {**glued, **spaced}
    g = "|".join(sorted(glued, key=lambda s: -len(s)))
    s = "|".join(sorted(spaced, key=lambda s: -len(s)))
    return (
        re.compile(rf"(?P<mult>{g})(?![\w])"),
        re.compile(rf"[ \t]{{1,2}}(?P<mult>{s})(?![\w])"),
        table,
    )


_GLUED_MILLION_M = re.compile(r"m(?![\w])")


@dataclass(slots=True)
class Tok:
    """One token of a number phrase: a word of the lexicon or a digit literal (``kind="num"``).

    ``closed`` digit literals (``10k``, ``6th``, ``3/4``, ``1e10``) take no further number words;
    ``sub`` names what the literal is (cardinal, ordinal, fraction).
    """

    kind: str
    value: Fraction
    start: int
    end: int
    word: str = ""
    plural: bool = False
    closed: bool = False
    is_int: bool = True
    sub: str = "cardinal"
    scale: Fraction = Fraction(1)


@dataclass(slots=True)
class Core:
    """A parsed phrase: its value, kind (cardinal, ordinal, fraction), the tokens it used and the
    scale word that ended it (``4 million`` -> 10**6), used to read ``3 to 4 million``."""

    value: Fraction
    kind: str
    ntok: int
    scale: Fraction = Fraction(1)
    needs_guard: bool = False
    den_start: int = -1


def to_number(literal: str) -> Fraction:
    """The exact value of a digit literal in any script, separators dropped.

    >>> to_number("1,037")
    Fraction(1037, 1)
    >>> to_number("۲٫۵")
    Fraction(5, 2)
    >>> to_number("1\u202f234.5")
    Fraction(2469, 2)
    """
    return Fraction(literal.translate(_TRANS))


def _digit_literal(text: str, pos: int) -> tuple[Fraction, int, bool] | None:
    """(value, end, is_int) of the digit literal starting at *pos* (no suffixes)."""
    if text[pos] == ".":
        m = _LEADING_DECIMAL.match(text, pos)
        return (to_number("0" + m.group()), m.end(), False) if m else None
    m = _RUN.match(text, pos)
    if m is None:
        return None
    end = m.end()
    if end - pos > 30:
        return None
    nxt = text[end : end + 2]
    if not nxt or nxt[0] not in _LITERAL_GLUE or not (len(nxt) == 2 and nxt[1] in _DIGIT_SET):
        # The common case, a bare integer: one regex instead of eight.
        lit = m.group()
        return Fraction(int(lit) if lit.isascii() else int(lit.translate(_TRANS))), end, True
    m = _INDIAN.match(text, pos)
    if m:
        return to_number(m.group()), m.end(), "." not in m.group()
    m = _EURO.match(text, pos)
    if m:
        lit = m.group().replace(".", "").replace(",", ".")
        return to_number(lit), m.end(), False
    for rx in (_WESTERN, _SPACED):
        m = rx.match(text, pos)
        if m:
            lit = m.group()
            return to_number(lit), m.end(), not any(c in lit for c in ".\u066b")
    m = _COMMA_DECIMAL.match(text, pos)
    if m:
        return to_number(m.group().replace(",", ".")), m.end(), False
    m = _PERSIAN_SLASH.match(text, pos)
    if m:
        return to_number(m.group().replace("/", ".")), m.end(), False
    m = _PLAIN.match(text, pos)
    if m:
        lit = m.group()
        return to_number(lit), m.end(), not any(c in lit for c in ".\u066b")
    return None


def lex_digits(text: str, pos: int, money: bool = False) -> Tok | None:
    """The digit literal at *pos* with what is glued to it: ``10k``, ``6th``, ``3/4``, ``1e10``.

    *money* says a currency symbol precedes, so a glued ``m`` means million (``$5m``).

    >>> t = lex_digits("$2.5bn", 1, money=True)
    >>> (t.value, t.end, t.closed)
    (Fraction(2500000000, 1), 6, True)
    >>> lex_digits("the 6th", 4).sub
    'ordinal'
    """
    lit = _digit_literal(text, pos)
    if lit is None:
        return None
    value, end, is_int = lit
    tok = Tok("num", value, pos, end, is_int=is_int)
    if end >= len(text) or text[end] not in _SUFFIX_START:
        return tok
    if text[end] in " \t":
        after = text[end : end + 4].lstrip(" \t")
        if not after or after[0] not in "0123456789kKmbt":
            return tok
    glued, spaced, table = _multipliers()
    if is_int:
        m = _ORDINAL_SUFFIX.match(text, end)
        if m:
            tok.end, tok.closed, tok.sub = m.end(), True, "ordinal"
            return tok
        m = _SLASH_FRACTION.match(text, end)
        if m and "," not in text[pos:end]:
            den = to_number(m.group("den"))
            # Only a proper fraction: "2019/20" is a fiscal year, not 100.95.
            if den and value < den:
                tok.value, tok.end, tok.closed, tok.sub = value / den, m.end(), True, "fraction"
                tok.is_int = False
                return tok
        m = _MIXED_FRACTION.match(text, end)
        if m:
            num, den = to_number(m.group("num")), to_number(m.group("den"))
            if den and num < den:
                tok.value, tok.end, tok.closed = value + num / den, m.end(), True
                tok.sub, tok.is_int = "fraction", False
                return tok
    frac = VULGAR.get(text[end])
    if frac is not None and is_int:
        tok.value, tok.end, tok.closed, tok.sub = value + frac, end + 1, True, "fraction"
        tok.is_int = False
        return tok
    m = _EXPONENT.match(text, end) or _POWER.match(text, end)
    if m:
        exp = int(m.group("exp"))
        if m.group("sign").count("-") % 2:
            exp = -exp
        if m.group().startswith("^"):
            if value == 0 and exp < 0:
                return tok
            tok.value = value**exp
        else:
            tok.value = value * Fraction(10) ** exp
        tok.end, tok.closed, tok.is_int = m.end(), True, tok.value.denominator == 1
        return tok
    m = glued.match(text, end) or spaced.match(text, end)
    if m is None and money:
        m = _GLUED_MILLION_M.match(text, end)
    if m:
        mult = Fraction(table.get(m.groupdict().get("mult") or "", 1_000_000))
        tok.value, tok.end, tok.closed, tok.scale = value * mult, m.end(), True, mult
        tok.is_int = tok.value.denominator == 1
    return tok


def lex(text: str, pos: int, money: bool = False) -> list[Tok]:
    """The run of number tokens starting at *pos* (words, digit literals, ``and``/``a``/``of``).

    >>> [t.word or str(t.value) for t in lex("two  thousand and five people", 0)]
    ['two', 'thousand', 'and', 'five']
    """
    toks: list[Tok] = []
    table = word_table()
    n = len(text)
    pair = decimals = hundred = stop = False
    last_scale: Fraction | None = None
    while pos < n and len(toks) < _MAX_TOKENS:
        ch = text[pos]
        tok: Tok | None = None
        if ch.isdigit() or (ch == "." and not toks):
            tok = lex_digits(text, pos, money and not toks)
        else:
            m = _WORD.match(text, pos)
            info = table.get(m.group().lower()) if m else None
            if m is not None and info is not None:
                tok = Tok(info.kind, info.value, pos, m.end(), m.group().lower(), info.plural)
        if pair and (tok is None or tok.kind not in ("hundred", "ord")):
            toks.pop()
            pair = False
            break
        if tok is None:
            break
        pair = False
        if tok.kind == "hundred":
            # A second ``hundred`` before any scale, or a scale not smaller than the one before,
            # can only start a new number: keep it (the grammar reads it as a boundary), stop.
            stop = hundred
            hundred = True
        elif tok.kind == "scale":
            stop = last_scale is not None and tok.value >= last_scale and toks[-1].kind != "scale"
            last_scale, hundred = tok.value, False
        if toks and toks[-1].kind == tok.kind and tok.kind != "scale" and not decimals:
            # Two units or two tens in a row only start a fraction (``one one hundred fifth``,
            # ``twenty twenty fifths``); stopping here keeps ``one one one …`` linear.
            if tok.kind not in _PAIRABLE:
                break
            pair = True
        toks.append(tok)
        decimals = decimals or tok.kind == "point"
        if stop or (tok.closed and not (tok.sub == "fraction" and tok.scale == 1)):
            break
        sep = _SEP.match(text, tok.end)
        if sep is None and tok.kind == "scale":
            sep = _COMMA_SEP.match(text, tok.end)
        if sep is None:
            break
        pos = sep.end()
    if pair:
        toks.pop()
    return toks


_PAIRABLE = frozenset({"unit", "teen", "tens"})
_COMMA_SEP = re.compile(r",[ \t\u00a0]{1,2}(?=[A-Za-z])")


_NUMBERISH = frozenset({"unit", "teen", "tens", "num"})


def card_stops(toks: list[Tok], s: int, limit: int | None = None) -> dict[int, Fraction]:
    """Every end index ``e`` such that ``toks[s:e]`` is a complete cardinal, with its value.

    >>> stops = card_stops(lex("one hundred and three and two thirds", 0), 0)
    >>> {e: int(v) for e, v in stops.items()}
    {1: 1, 2: 100, 4: 103}
    """
    stops: dict[int, Fraction] = {}
    end = len(toks) if limit is None else limit
    total = Fraction(0)
    group = Fraction(0)
    last_add = Fraction(0)
    min_scale: Fraction | None = None
    prev = ""
    for j in range(s, end):
        t = toks[j]
        k = t.kind
        nxt = toks[j + 1] if j + 1 < end else None
        if k == "a":
            if j != s or nxt is None or nxt.kind not in ("hundred", "scale", "dozen"):
                break
            group = last_add = Fraction(1)
            prev = "a"
            continue
        if (
            prev in ("and", "scale")
            and k in _NUMBERISH
            and _bigger_scale_ahead(toks, j, end, min_scale, group)
        ):
            break
        if k == "num":
            if t.closed or t.sub != "cardinal":
                if j != s:
                    break
                stops[j + 1] = t.value
                if t.sub != "fraction" or nxt is None or nxt.kind != "scale":
                    break
                # "1/2 million": a written fraction of a scale (cleanup reads the Persian
                # decimal slash, "2/5 million" = 2.5 million, before extraction in process()).
                group = last_add = t.value
                prev = "num"
                continue
            if j == s:
                group = last_add = t.value
            elif prev in ("and", "scale", "hundred"):
                cap = 100 if prev == "hundred" or toks[j - 2].kind == "hundred" else 1000
                if not t.is_int or t.value <= 0 or t.value >= cap:
                    break
                if min_scale is not None and t.value >= min_scale:
                    break
                group += t.value
                last_add = t.value
            else:
                break
            prev = "num"
        elif k in ("unit", "teen", "tens"):
            if prev in ("unit", "teen", "num", "dozen", "a"):
                break
            if prev == "tens" and k != "unit":
                break
            if prev and t.value == 0:
                break
            last_add = last_add + t.value if prev == "tens" else t.value
            group += t.value
            prev = k
        elif k == "hundred":
            if prev in ("", "a"):
                group = Fraction(1) if prev == "" else group
            elif _no_hundred_after(prev, group, last_add):
                break
            group *= 100
            last_add = group
            prev = "hundred"
        elif k == "scale":
            scale = t.value
            if prev in ("", "unit", "teen", "tens", "num", "hundred", "a", "dozen"):
                if prev == "":
                    group = Fraction(1)
                if min_scale is not None and scale >= min_scale:
                    break
                total += group * scale
                min_scale = scale
            elif prev == "scale" and group == 0 and min_scale is not None and scale > min_scale:
                total *= scale
                min_scale = min_scale * scale
            else:
                break
            group = last_add = Fraction(0)
            prev = "scale"
        elif k == "dozen":
            if prev not in ("unit", "teen", "tens", "num", "a", "hundred"):
                break
            group += last_add * 11
            last_add = Fraction(0)
            prev = "dozen"
        elif k == "and":
            if prev not in ("hundred", "scale") or nxt is None or nxt.kind not in _NUMBERISH:
                break
            prev = "and"
            continue
        else:
            break
        stops[j + 1] = total + group
    return stops


def _no_hundred_after(prev: str, group: Fraction, last_add: Fraction) -> bool:
    """``hundred`` multiplies a whole group under 100 (``ninety-five hundred``) or a digit
    literal (``322 hundred``), never a group that already has hundreds (``3 hundred and 2``)."""
    if prev not in ("unit", "teen", "tens", "num"):
        return True
    return (group >= 100 and prev != "num") or group != last_add


def _bigger_scale_ahead(
    toks: list[Tok], j: int, end: int, min_scale: Fraction | None, group: Fraction
) -> bool:
    """Whether the number starting at ``toks[j]`` ends in a scale too big to follow: in ``3
    billion and 3 billion`` or ``3 hundred and 2 hundred`` the second number is a new one."""
    for t in toks[j + 1 : end]:
        if t.kind == "scale":
            return min_scale is not None and t.value >= min_scale
        if t.kind == "hundred" and group >= 100:
            return True
        if t.kind not in ("unit", "teen", "tens", "hundred"):
            return False
    return False


def _den_value(toks: list[Tok], d0: int, q: int) -> Fraction | None:
    """The denominator named by ``toks[d0:q+1]`` (``fifths``, ``thirty fifths``,
    ``one hundred and fifth``), or ``None`` when that is not how English names one."""
    last = toks[q]
    if d0 == q:
        return last.value
    head = toks[d0:q]
    if last.word in ("half", "halves", "quarter", "quarters"):
        return None
    if len(head) == 1 and head[0].kind == "tens" and last.value < 10:
        return head[0].value + last.value
    if head[0].word in ("one", "a", "an") and len(head) >= 2:
        big = head[1]
        if big.kind not in ("hundred", "scale"):
            return None
        rest = head[2:]
        if rest and rest[0].kind == "and":
            rest = rest[1:]
        small = Fraction(0)
        for i, t in enumerate(rest):
            if t.kind == "tens" and i == 0:
                small += t.value
            else:
                return None
        if rest and last.value >= 10:
            return None
        small += last.value
        if small >= big.value:
            return None
        return big.value + small
    return None


def _compound_ordinal(toks: list[Tok], s: int, q: int) -> Fraction | None:
    """``two thousand, one hundred and fifth`` = 2105th: a cardinal ending in a scale, hundred,
    ``and`` or tens, plus a final ordinal under 100 (under 10 after tens)."""
    last = toks[q]
    if last.plural or last.value >= 100 or q == s:
        return None
    if any(t.kind == "num" for t in toks[s:q]):
        return None  # "$280 million first preferred": digits never start a word ordinal
    before = toks[q - 1]
    end = q - 1 if before.kind == "and" else q
    if before.kind == "tens" and last.value >= 10:
        return None
    if before.kind not in ("hundred", "scale", "and", "tens"):
        return None
    base = card_stops(toks, s, end).get(end)
    return None if base is None else base + last.value


def _numerator(toks: list[Tok], s: int, e: int) -> Fraction | None:
    if e - s == 1 and toks[s].kind in ("a", "an"):
        return Fraction(1)
    return card_stops(toks, s, e).get(e)


def _split_fraction(toks: list[Tok], s: int, q: int, ordinal_ok: bool) -> Core | None:
    """Read ``toks[s:q+1]`` as numerator + denominator (or as an ordinal when *ordinal_ok*),
    preferring the longest denominator English allows (``one hundred thirty fifths`` = 100/35,
    but ``one hundred and thirty fifths`` = 130/5)."""
    last = toks[q]
    not_den = _not_denominators()
    for k in range(q - s, -1, -1):
        d0 = q - k
        den = _den_value(toks, d0, q)
        if den is None and d0 == s and ordinal_ok:
            den = _compound_ordinal(toks, s, q)
        if den is None:
            continue
        if d0 == s:
            if ordinal_ok and not last.plural and last.word not in _HALVES:
                return Core(den, "ordinal", q + 1 - s, den_start=d0)
            continue
        if k == 0 and last.word in not_den:
            continue
        num = _numerator(toks, s, d0)
        if num is None:
            continue
        guard = not last.plural and (d0 - s == 1) and toks[s].word in ("a", "an", "one")
        if not last.plural and not guard and k == 0 and den >= 100 and ordinal_ok:
            # "the three hundredth anniversary" is the 300th; "three hundredths" is 0.03.
            kind = "hundred" if den == 100 else "scale"
            as_card = [*toks[s:q], Tok(kind, den, last.start, last.end, last.word)]
            value = card_stops(as_card, 0).get(len(as_card))
            if value is not None:
                return Core(value, "ordinal", q + 1 - s)
        return Core(num / den, "fraction", q + 1 - s, needs_guard=guard, den_start=d0)
    return None


_HALVES = frozenset({"half", "halves", "quarter", "quarters"})
_ONE = frozenset({"a", "an", "one"})


@cache
def _not_denominators() -> frozenset[str]:
    words: list[str] = load("words")["not_denominators"]
    return frozenset(words) | {w + "s" for w in words}


def _fraction_at(toks: list[Tok], s: int, q: int) -> Core | None:
    last = toks[q]
    for a in range(q - 1, s, -1):
        if toks[a].kind == "and":
            if not last.plural and last.value >= 100 and toks[a + 1].word not in _ONE:
                break  # "one hundred and seventy-eight thousandth" is an ordinal
            right = _split_fraction(toks, a + 1, q, ordinal_ok=False)
            left = card_stops(toks, s, a).get(a)
            if right is not None and left is not None and 0 < right.value < 1:
                return Core(left + right.value, "fraction", q + 1 - s)
            break
    return _split_fraction(toks, s, q, ordinal_ok=True)


def _point_decimals(toks: list[Tok], j: int) -> tuple[Fraction, int] | None:
    """``point zero three`` / ``point seventy-one`` after index *j*: (fraction part, end)."""
    if j >= len(toks) or toks[j].kind != "point":
        return None
    digits = ""
    e = j + 1
    while e < len(toks) and toks[e].kind == "unit":
        digits += str(int(toks[e].value))
        e += 1
    if not digits and e < len(toks) and toks[e].kind in ("teen", "tens"):
        v = int(toks[e].value)
        e += 1
        if v >= 20 and v % 10 == 0 and e < len(toks) and toks[e].kind == "unit":
            v += int(toks[e].value)
            e += 1
        digits = str(v)
    if not digits:
        return None
    return Fraction(int(digits), 10 ** len(digits)), e


def _half_start(toks: list[Tok], s: int) -> Core | None:
    """``half a dozen``, ``half a million``, ``half million``, ``quarter million``, ``half``."""
    t = toks[s]
    part = Fraction(1, 2) if t.word == "half" else Fraction(1, 4)
    j = s + 1
    if j < len(toks) and toks[j].kind in ("a", "an"):
        j += 1
    if j < len(toks) and toks[j].kind in ("scale", "dozen", "hundred"):
        mult = toks[j].value if toks[j].kind != "hundred" else Fraction(100)
        return Core(part * mult, "cardinal", j + 1 - s, scale=mult)
    if t.word == "half":
        return Core(part, "fraction", 1)
    return None


def parse_phrase(toks: list[Tok], s: int = 0) -> Core | None:
    """The number that ``toks[s:]`` starts with, or ``None``.

    >>> def read(text):
    ...     core = parse_phrase(lex(text, 0))
    ...     return None if core is None else (core.value, core.kind)
    >>> read("one hundred thirty fifths")
    (Fraction(20, 7), 'fraction')
    >>> read("two and a half million")
    (Fraction(2500000, 1), 'cardinal')
    >>> read("twenty-first")
    (Fraction(21, 1), 'ordinal')
    >>> read("three hundred and two dozens")
    (Fraction(324, 1), 'cardinal')
    >>> read("quarter") is None
    True
    """
    if s >= len(toks):
        return None
    neg = toks[s].kind == "neg"
    i = s + 1 if neg else s
    if i >= len(toks):
        return None
    core = _body(toks, i)
    if core is None:
        return None
    if neg:
        core.value = -core.value
        core.ntok += 1
    return core


def _body(toks: list[Tok], i: int) -> Core | None:
    first = toks[i]
    if i == len(toks) - 1:
        lone = _lone_token(first, i)
        if lone is not None:
            return lone
    if first.word in ("half", "quarter"):
        return _half_start(toks, i)
    if first.kind not in ("unit", "teen", "tens", "hundred", "scale", "num", "a", "an", "ord"):
        return None
    q = next(
        (j for j in range(i, len(toks)) if toks[j].kind == "ord"),
        -1,
    )
    stops = card_stops(toks, i)
    best_card = max(stops) if stops else -1
    frac: Core | None = None
    if q >= 0:
        frac = _fraction_at(toks, i, q)
    if frac is not None and (best_card < 0 or i + frac.ntok >= best_card):
        end = i + frac.ntok
        if frac.kind == "fraction" and end < len(toks):
            frac = _fraction_tail(toks, i, end, frac)
        return frac
    if best_card < 0:
        return None
    value = stops[best_card]
    end = best_card
    last = toks[end - 1]
    scale = (
        last.value if last.kind == "scale" else last.scale if last.kind == "num" else Fraction(1)
    )
    kind = "cardinal"
    if last.kind == "num" and end - i == 1:
        kind = last.sub
    point = _point_decimals(toks, end)
    if point is not None and last.kind in ("unit", "teen", "tens", "hundred", "scale"):
        value += point[0]
        end = point[1]
        scale = Fraction(1)
    return Core(value, kind, end - i, scale=scale)


def _lone_token(tok: Tok, i: int) -> Core | None:
    """What :func:`_body` reads for a phrase of the one token *tok* at index *i*, for the common
    kinds, without the grammar (``None``: take the general path).

    Most numbers in news are one token: a digit literal (``2021``, ``1,037``, ``6th``), a number
    word (``two``) or an ordinal (``first``).
    """
    if tok.kind == "num":
        return Core(tok.value, tok.sub, 1, scale=tok.scale)
    if tok.kind in ("unit", "teen", "tens"):
        return Core(tok.value, "cardinal", 1)
    if tok.kind == "ord" and not tok.plural and tok.word not in _HALVES:
        return Core(tok.value, "ordinal", 1, den_start=i)
    return None


def _fraction_tail(toks: list[Tok], i: int, end: int, frac: Core) -> Core:
    """``two and a half million``; ``two thirds of a million``; ``one billion and three
    quarters million`` (the scale multiplies only the fraction when the whole is larger)."""
    j = end
    if j + 1 < len(toks) and toks[j].kind == "of" and toks[j + 1].kind in ("a", "an"):
        j += 2
    if j < len(toks) and toks[j].kind == "scale":
        scale = toks[j].value
        whole = int(frac.value)
        if whole >= scale:
            frac.value = whole + (frac.value - whole) * scale
        else:
            frac.value *= scale
        frac.ntok = j + 1 - i
        frac.scale = scale
        frac.kind = "cardinal" if frac.value.denominator == 1 else "fraction"
    return frac
