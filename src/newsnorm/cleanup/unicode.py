"""Character-level repairs: mojibake, Unicode form, controls, invisible characters and spaces.

Every fixer here first asks a cheap question of a :class:`TextProfile` (the text's UTF-8 bytes
and its non-ASCII characters, computed once per text and shared by every fixer) and returns
:data:`~newsnorm.cleanup.base.EMPTY` when it cannot apply, so clean English costs a few
microseconds per fixer.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from newsnorm.checks import ensure_text
from newsnorm.cleanup.base import EMPTY, Fix, Fixer, fixed_text
from newsnorm.edits import apply_edits, compose, new_edit
from newsnorm.model import Edit

__all__ = [
    "FIXERS",
    "TextProfile",
    "find_control_chars",
    "find_invisible_chars",
    "find_mojibake",
    "find_odd_spaces",
    "find_space_runs",
    "find_unicode_form",
    "fix_control_chars",
    "fix_invisible_chars",
    "fix_mojibake",
    "fix_odd_spaces",
    "fix_space_runs",
    "fix_unicode_form",
    "minimal_edits",
    "profile",
    "run_fix",
]


# --------------------------------------------------------------------------------------------
# Shared helpers


@dataclass(frozen=True, slots=True)
class TextProfile:
    """What the pre-scans need: the text as UTF-8 bytes and its non-ASCII characters.

    UTF-8 writes every non-ASCII character with bytes above 0x7F only, so a string of ASCII
    characters is a substring of the text exactly when its bytes are a substring of ``utf8``.
    ``other`` keeps the text's order.
    """

    utf8: bytes
    other: str


_ASCII_BYTES = bytes(range(128))
_last_profile: tuple[str, TextProfile] | None = None


def profile(text: str) -> TextProfile:
    """The :class:`TextProfile` of *text*, cached for the last text seen.

    The fixers run one after another on the same string object until one edits it, so they share
    one profile; ``encode`` and ``bytes.translate`` run at memory speed, unlike a regex pass.

    >>> p = profile("Kabul\u00a0news\u200c")
    >>> p.utf8, p.other
    (b'Kabul\\xc2\\xa0news\\xe2\\x80\\x8c', '\\xa0\\u200c')
    """
    global _last_profile
    last = _last_profile
    if last is not None and last[0] is text:
        return last[1]
    if text.isascii():
        prof = TextProfile(text.encode("ascii"), "")
    else:
        # surrogatepass: lone surrogates round-trip, so the profile shows them to control_chars.
        utf8 = text.encode("utf-8", "surrogatepass")
        other = utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        prof = TextProfile(utf8, other)
    _last_profile = (text, prof)
    return prof


def run_fix(find: Callable[[str], Fix], text: str, func: str) -> str:
    """``fixed_text(find, text)`` after the ``str`` check: the body of every ``fix_*``."""
    ensure_text(text, func)
    return fixed_text(find, text)


def minimal_edits(start: int, old: str, new: str, kind: str, note: str) -> list[Edit]:
    """Edits turning ``old`` (found at ``start``) into ``new``, touching as little as possible.

    The common prefix and suffix are trimmed; a short middle is split further where the two
    still share characters, so one repaired word does not swallow the clean words around it.

    >>> [(e.start, e.end, e.replacement) for e in minimal_edits(10, "a Ã© b â€œc", "a é b “c",
    ...                                                          "mojibake", "")]
    [(12, 14, 'é'), (17, 20, '“')]
    """
    if old == new:
        return []
    lo = 0
    top = min(len(old), len(new))
    while lo < top and old[lo] == new[lo]:
        lo += 1
    hi = 0
    while hi < top - lo and old[-1 - hi] == new[-1 - hi]:
        hi += 1
    a, b = old[lo : len(old) - hi], new[lo : len(new) - hi]
    base = start + lo
    if len(a) > 400 or len(b) > 400:  # difflib is quadratic; one wide edit stays exact
        return [Edit(start=base, end=base + len(a), replacement=b, kind=kind, note=note)]
    # Shared runs shorter than 3 characters are coincidence ("“" inside "Ã¢â‚¬Å“"): they stay
    # inside the edit, so each edit replaces a whole damaged stretch.
    out: list[Edit] = []
    cur: list[int] | None = None  # [i1, i2, j1, j2] of the edit being built
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" and (i2 - i1 >= 3 or cur is None):
            if cur is not None:
                out.append(_edit(base, a, b, cur, kind, note))
                cur = None
            continue
        if tag == "equal" and i2 == len(a) and j2 == len(b):
            break  # a short shared tail closes nothing
        cur = [i1, i2, j1, j2] if cur is None else [cur[0], i2, cur[2], j2]
    if cur is not None:
        out.append(_edit(base, a, b, cur, kind, note))
    return out


def _edit(base: int, a: str, b: str, span: list[int], kind: str, note: str) -> Edit:
    i1, i2, j1, j2 = span
    return Edit(start=base + i1, end=base + i2, replacement=b[j1:j2], kind=kind, note=note)


def edits_for(matches: Iterable[tuple[int, int, str]], kind: str, note: str) -> tuple[Edit, ...]:
    """One edit per ``(start, end, replacement)`` (offsets from regex matches: valid as found)."""
    return tuple(new_edit(s, e, r, kind, note) for s, e, r in matches)


# --------------------------------------------------------------------------------------------
# mojibake


# C0 controls (not tab, newline, CR), DEL and U+FEFF, and (in the class) invisible characters:
# later fixers delete them, so they must not hide mojibake.
_JUNK_CLASS = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u00ad\u061c]"
)
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")

# The encodings ftfy can undo (its chardata.CHARMAP_ENCODINGS, standard codecs only).
_MOJIBAKE_ENCODINGS = (
    "latin-1",
    "cp1252",
    "cp1251",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso8859-2",
    "mac-roman",
    "cp437",
)
# Punctuation that real English uses next to other punctuation ("’”", "—“"); as the first of a
# pair it only cues mojibake when a letter follows.
_EVERYDAY = "‘’“”‚„–—…•«»·°\u00a0"


def _decode_each(data: bytes, encoding: str) -> str:
    out = []
    for byte in data:
        try:
            out.append(bytes([byte]).decode(encoding))
        except UnicodeDecodeError:
            continue
    return "".join(out)


@cache
def _mojibake_cue() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The cue and the class of characters a cue starts with.

    A cue is a UTF-8 lead byte (0xC2-0xF4) then a continuation byte (0x80-0xBF), both read in a
    1-byte encoding ftfy knows; or a C1 control (Windows-1252 read as Latin-1). Every cue starts
    with a non-ASCII character, so it can be looked for in the non-ASCII residue first.
    """
    leads = "".join(_decode_each(bytes(range(0xC2, 0xF5)), enc) for enc in _MOJIBAKE_ENCODINGS)
    conts = "".join(_decode_each(bytes(range(0x80, 0xC0)), enc) for enc in _MOJIBAKE_ENCODINGS)
    lead_set = set(leads) - set(_EVERYDAY)
    cont_set = set(conts)
    cont_letters = {c for c in cont_set if c.isalpha()}
    everyday = set(_EVERYDAY) & set(leads)

    def cls(chars: Iterable[str]) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"

    # Characters later fixers delete may sit inside the mojibake; they must not hide it. A lead
    # letter may still be decomposed (A + U+030A for Å): NFC runs after this fixer.
    junk = f"{_JUNK_CLASS}{{0,4}}"
    marks = "\u0300-\u036f"
    cue = re.compile(
        f"{cls(lead_set)}{junk}{cls(cont_set)}|{cls(everyday)}{junk}{cls(cont_letters)}"
        f"|[{marks}]{{1,2}}{junk}{cls(cont_set)}|[\x80-\x9f]"
    )
    start = "[" + cls(lead_set | everyday)[1:-1] + f"{marks}\x80-\x9f]"
    return cue, re.compile(start)


def _line_windows(
    text: str, hits: Iterable[int], breaks: tuple[str, ...] = ("\n",), width: int = 300
) -> Iterator[tuple[int, int]]:
    """Merged windows around *hits*: the line (ended by any of *breaks*), or ``width`` characters
    either side of the hit cut at a space when the line is long, so a 10 MB line is never handed
    to ftfy whole."""
    cur: tuple[int, int] | None = None
    for pos in hits:
        if cur is not None and pos < cur[1]:
            continue
        lo = max(text.rfind(b, max(0, pos - width), pos) for b in breaks) + 1
        if lo == 0 and pos > width:
            sp = text.rfind(" ", pos - width - 100, pos - width)
            lo = sp + 1 if sp >= 0 else pos - width
        hi = min((i for b in breaks if (i := text.find(b, pos, pos + width)) >= 0), default=-1)
        if hi < 0:
            hi = min(len(text), pos + width)
            if hi < len(text):
                sp = text.find(" ", hi, hi + 100)
                hi = sp if sp >= 0 else hi
        if cur is not None and lo <= cur[1]:
            cur = (cur[0], max(cur[1], hi))
            continue
        if cur is not None:
            yield cur
        cur = (lo, hi)
    if cur is not None:
        yield cur


@cache
def _ftfy_config() -> Any:
    import ftfy

    # Only what undoing mojibake needs: ftfy's other habits (uncurling quotes, NFC, ligatures,
    # character width, HTML entities, line breaks) would rewrite correct English.
    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        # A plain space read as a lost no-break space (voilÃ le → voilà le) is a guess that
        # turns "Ã " made by another fixer (script_glue) into "à": off, so cleanup is idempotent.
        restore_byte_a0=False,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )


def find_mojibake(text: str) -> Fix:
    """Text decoded in the wrong encoding (``CafÃ©`` for ``Café``), repaired by ftfy.

    Only the windows around a mojibake cue go to ``ftfy.fix_encoding``; each repair becomes the
    smallest edits that make it. The note names ftfy's steps.
    """
    ensure_text(text, "find_mojibake")
    other = profile(text).other
    cue, cue_start = _mojibake_cue()
    # The residue keeps the order of the non-ASCII characters, so no cue there means none in the
    # text; a cue there may be a false alarm (é … ©), which the scan below settles.
    if not other or cue.search(other) is None:
        return EMPTY
    hits = [m.start() for m in cue_start.finditer(text) if cue.match(text, m.start())]
    if not hits:
        return EMPTY
    # A line ends at U+2028 and U+2029 too: odd_spaces makes them newlines, and a window must be
    # the same line on a second pass ("Views\u2028\x9bß" is judged as "\x9bß" both times).
    breaks = ("\n", *(sep for sep in _LINE_SEPARATORS if sep in other))
    edits: list[Edit] = []
    for lo, hi in _line_windows(text, hits, breaks):
        segment = text[lo:hi]
        settled = _settle(segment)
        if settled is not None:
            fixed, steps = settled
            edits.extend(minimal_edits(lo, segment, fixed, "mojibake", f"ftfy: {steps}"))
    return Fix(edits=tuple(edits)) if edits else EMPTY


def _tidy(text: str) -> str:
    """*text* without what later fixers delete anyway (controls, invisible characters, U+FEFF),
    in NFC: so ftfy sees what they leave ("Ã" + ZWSP + "©" is mojibake too)."""
    tidy = _JUNK.sub("", apply_edits(text, find_invisible_chars(text).edits))
    return unicodedata.normalize("NFC", tidy)


def _ftfy(tidy: str) -> tuple[str, str]:
    """ftfy's encoding repair of *tidy* and the steps it took."""
    import ftfy

    try:
        fixed, plan = ftfy.fix_encoding_and_explain(tidy, _ftfy_config())
    except (UnicodeError, ValueError):  # pragma: no cover - ftfy refuses odd input
        return tidy, ""
    return fixed, ", ".join(f"{step[0]} {step[1]}" for step in plan or ())


def _later_fixers(text: str) -> str:
    """*text* after the character fixers that run after this one (in registry order)."""
    from newsnorm.cleanup import punctuation, script  # they import this module

    out = text
    for fixer in (*FIXERS[1:], *punctuation.FIXERS, *script.FIXERS):
        fix = fixer.find(out)
        if fix.edits:
            out = apply_edits(out, fix.edits)
    return out


def _settle(segment: str) -> tuple[str, str] | None:
    """The repaired window and ftfy's steps, or ``None`` when there is nothing to repair.

    ftfy judges a whole window, so what the later fixers do to it (``«`` → ``"``, a deleted
    control) can turn a window it left alone, or its own output, into one it would repair again.
    So the repair is repeated on the later fixers' result until ftfy leaves that alone (three
    rounds at most, else the window stays as it is): cleaning twice changes nothing.
    """
    tidy = _tidy(segment)
    fixed, steps = _ftfy(tidy)
    if fixed == tidy:  # nothing for ftfy here, unless the later fixers uncover it
        later = _later_fixers(segment)
        fixed, steps = _ftfy(_tidy(later))
        if fixed == later:
            return None
    for _ in range(3):
        later = _later_fixers(fixed)
        again, more = _ftfy(_tidy(later))
        if again == later:
            return fixed, steps
        fixed, steps = again, f"{steps}; {more}"
    return None


def fix_mojibake(text: str) -> str:
    """Repair mojibake; clean text, curly quotes and accents stay.

    >>> fix_mojibake("The cafÃ© said â€œyesâ€\\x9d.")
    'The café said “yes”.'
    >>> fix_mojibake("Café owners said “yes” — and left.")
    'Café owners said “yes” — and left.'
    """
    return run_fix(find_mojibake, text, "fix_mojibake")


# --------------------------------------------------------------------------------------------
# control_chars

# Every ASCII byte that may stay (printable characters, tab, newline, carriage return) and the
# bytes of UTF-8's other characters: deleted from the profile's bytes, they leave the bad ASCII.
_ASCII_OK = bytes([9, 10, 13, *range(32, 127), *range(128, 256)])
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]+")
_SURROGATE_OR_C1 = re.compile("[\x80-\x9f\ud800-\udfff]")
_LINE_LIKE = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def _control_replacement(run: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(run):
        ch = run[i]
        if "\ud800" <= ch <= "\udbff" and i + 1 < len(run) and "\udc00" <= run[i + 1] <= "\udfff":
            # A surrogate pair that never got joined: it is one real character.
            out.append(chr(0x10000 + ((ord(ch) - 0xD800) << 10) + (ord(run[i + 1]) - 0xDC00)))
            i += 2
            continue
        if "\ud800" <= ch <= "\udfff":
            out.append("\ufffd")
        i += 1
    return "".join(out)


def find_control_chars(text: str) -> Fix:
    """C0 and C1 control characters (not tab, newline, carriage return) and lone surrogates.

    Controls are deleted, except that a vertical tab, form feed, separator or NEL between two
    non-space characters becomes a space so words do not merge; a surrogate pair becomes the
    character it encodes and a lone surrogate becomes U+FFFD, so the text can always be JSON.
    """
    ensure_text(text, "find_control_chars")
    prof = profile(text)
    bad_ascii = prof.utf8.translate(None, _ASCII_OK)
    if not bad_ascii and (not prof.other or _SURROGATE_OR_C1.search(prof.other) is None):
        return EMPTY
    present = frozenset(bad_ascii.decode("ascii")).union(_SURROGATE_OR_C1.findall(prof.other))
    found: list[tuple[int, int, str]] = []
    for m in _runs_of(present, _CONTROL).finditer(text):
        run = m.group()
        repl = _control_replacement(run)
        if (
            not repl
            and not _LINE_LIKE.isdisjoint(run)
            and m.start() > 0
            and m.end() < len(text)
            and not text[m.start() - 1].isspace()
            and not text[m.end()].isspace()
        ):
            repl = " "
        found.append((m.start(), m.end(), repl))
    return Fix(edits=edits_for(found, "control_chars", "control character"))


def fix_control_chars(text: str) -> str:
    """Delete control characters and make lone surrogates U+FFFD.

    >>> fix_control_chars("said.\\x00 \\x1a\\r\\nNext")
    'said. \\r\\nNext'
    >>> fix_control_chars("page\\x0cbreak") == "page break"
    True
    >>> fix_control_chars("a\\ud800b") == "a\\ufffdb"
    True
    >>> fix_control_chars("Tabs\\tand\\r\\nnewlines stay.")
    'Tabs\\tand\\r\\nnewlines stay.'
    """
    return run_fix(find_control_chars, text, "fix_control_chars")


# --------------------------------------------------------------------------------------------
# unicode_form


@cache
def _nfc_unstable() -> re.Pattern[str]:
    """Characters an NFC boundary may not precede (UAX #15 "stable code points", inverted).

    Built from :mod:`unicodedata` at first use, so it always matches the running Python's
    Unicode version: non-starters, characters that can combine with the one before (Hangul
    vowels, ``U+0B3E``...) and characters NFC changes on their own. U+FEFF joins them because
    this fixer deletes it and the characters around it may then compose.
    """
    unstable: set[int] = {0xFEFF}
    for cp in range(0x80, 0x110000):
        ch = chr(cp)
        if unicodedata.combining(ch) or unicodedata.normalize("NFC", ch) != ch:
            unstable.add(cp)
        dec = unicodedata.decomposition(ch)
        if dec and not dec.startswith("<"):
            parts = dec.split()
            if len(parts) == 2 and unicodedata.normalize("NFC", ch) == ch:
                unstable.add(int(parts[1], 16))
    unstable.update(range(0x1161, 0x1176))  # Hangul vowel jamo compose with a leading jamo
    unstable.update(range(0x11A8, 0x11C3))  # Hangul trailing jamo compose with an LV syllable
    ranges: list[tuple[int, int]] = []
    for cp in sorted(unstable):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"(?s).?[{body}]+")


# Non-ASCII characters outside the class of _nfc_unstable (a test checks it): the no-break
# space, Latin-1 and Latin Extended-A letters, curly quotes, dashes, currency signs. When a
# text's other characters are all here, no segment can change, whatever is_normalized would say
# after a pass over the whole text.
_NFC_STABLE = frozenset(
    "".join(map(chr, (*range(0xA0, 0x180), *range(0x2002, 0x2070), *range(0x20A0, 0x20C1))))
)

# A run of combining marks longer than this is not text; normalizing it would sort it in
# quadratic time (CPython's canonical ordering), so it is left as it is.
_MAX_NFC_SEGMENT = 256


# The Latin typographic ligatures (U+FB00-FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), which PDF and page layout
# leave in text: NFKC splits them (``ﬁ`` → ``fi``). Only these: NFKC on a whole text would also
# rewrite superscripts, fractions and full-width forms, which are not noise.
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_LIGATURE_SET = frozenset(map(chr, range(0xFB00, 0xFB07)))


def _ligature_edits(text: str) -> list[Edit]:
    return list(
        edits_for(
            (
                (m.start(), m.end(), unicodedata.normalize("NFKC", m.group()))
                for m in _LIGATURE.finditer(text)
            ),
            "unicode_form",
            "Latin ligature",
        )
    )


def find_unicode_form(text: str) -> Fix:
    """Byte-order marks (U+FEFF) removed, the text put in NFC (``e`` + U+0301 → ``é``) and the
    Latin typographic ligatures split (``ﬁ`` → ``fi``).

    Only the segments between NFC boundaries that change are edited.
    """
    ensure_text(text, "find_unicode_form")
    other = profile(text).other
    if other and not _LIGATURE_SET.isdisjoint(other):
        # A ligature is NFC-stable: split them first, then normalize what that leaves.
        ligatures = _ligature_edits(text)
        rest = find_unicode_form(apply_edits(text, ligatures)).edits
        return Fix(edits=tuple(compose(text, ligatures, rest) if rest else ligatures))
    # The non-ASCII characters alone may be NFC when the text is not (e + U+0301), so the
    # quick check runs on the text itself (it is a C loop, about as fast as the profile).
    if (
        not other
        or _NFC_STABLE.issuperset(other)
        or ("\ufeff" not in other and unicodedata.is_normalized("NFC", text))
    ):
        return EMPTY
    edits: list[Edit] = []
    for m in _nfc_unstable().finditer(text):
        seg = m.group()
        if len(seg) > _MAX_NFC_SEGMENT:
            continue
        new = unicodedata.normalize("NFC", seg.replace("\ufeff", ""))
        if new != seg:
            note = "byte-order mark" if "\ufeff" in seg else "NFC"
            edits.extend(minimal_edits(m.start(), seg, new, "unicode_form", note))
    return Fix(edits=tuple(edits)) if edits else EMPTY


def fix_unicode_form(text: str) -> str:
    """NFC, no byte-order marks, no Latin typographic ligatures.

    >>> fix_unicode_form("\\ufeffCafe\\u0301") == "Café"
    True
    >>> fix_unicode_form("the \\ufb01nal o\\ufb00er")
    'the final offer'
    >>> fix_unicode_form("Café and naïve stay as they are.")
    'Café and naïve stay as they are.'
    """
    return run_fix(find_unicode_form, text, "fix_unicode_form")


# --------------------------------------------------------------------------------------------
# invisible_chars

# LRM, RLM, ALM, bidi embeddings/overrides and isolates, zero-width space, word joiner,
# invisible operators, soft hyphen: no meaning in plain English text.
_ALWAYS_INVISIBLE = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\u00ad"
_INVISIBLE_CHARS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u200b\u2060\u2061\u2062\u2063\u2064\u00ad\u200c\u200d"
)
# A letter or mark of a script other than Latin: where ZWNJ and ZWJ are orthography.
_SCRIPT_LETTER = regex.compile(r"(?V1)[\p{L}\p{M}--\p{Latin}]")
# ZWJ inside an emoji sequence (after a variation selector or skin tone too).
_EMOJI_ZWJ = regex.compile(
    r"(?V1)(?<=\p{Extended_Pictographic}[\ufe0f\U0001f3fb-\U0001f3ff]{0,2})\u200d"
    r"(?=\p{Extended_Pictographic})"
)
# Runs of invisible characters; joiners that are orthography are skipped in C, so a Persian
# text full of ZWNJ costs one regex pass.
_INVISIBLE = regex.compile(
    r"(?V1)(?<=[\p{L}\p{M}--\p{Latin}])[\u200c\u200d]++(?=[\p{L}\p{M}--\p{Latin}])(*SKIP)(*FAIL)"
    r"|(?<=\p{Extended_Pictographic}[\ufe0f\U0001f3fb-\U0001f3ff]{0,2})\u200d"
    r"(?=\p{Extended_Pictographic})(*SKIP)(*FAIL)"
    f"|[{_ALWAYS_INVISIBLE}\u200c\u200d]++"
)


def _is_script_letter(ch: str) -> bool:
    """A letter or mark of a script other than Latin.

    >>> _is_script_letter("ب"), _is_script_letter("e"), _is_script_letter("")
    (True, False, False)
    """
    return bool(ch) and not ch.isascii() and _SCRIPT_LETTER.match(ch) is not None


def _joiner_kept(text: str, start: int, end: int) -> str:
    """The ZWNJ/ZWJ of ``text[start:end]`` that are orthography: inside a non-Latin word
    (Persian ``می‌خواهم``), or a ZWJ inside an emoji sequence."""
    run = text[start:end]
    kept = "".join(ch for ch in run if ch in "\u200c\u200d")
    if not kept:
        return ""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if _is_script_letter(before) and _is_script_letter(after):
        return kept
    if run == "\u200d" and _EMOJI_ZWJ.match(text, start) is not None:
        return run
    return ""


def find_invisible_chars(text: str) -> Fix:
    """Bidi marks and controls, zero-width space, word joiner, soft hyphen: deleted.

    A soft hyphen between two letters becomes ``-`` unless the text hyphenates syllables.

    ZWNJ and ZWJ are deleted next to Latin words, digits, spaces and punctuation, but kept
    between two letters of a non-Latin script (Persian ``نامه‌ها``), and ZWJ between emoji.
    """
    ensure_text(text, "find_invisible_chars")
    other = profile(text).other
    if not other or _INVISIBLE_CHARS.isdisjoint(other):
        return EMPTY
    found: list[tuple[int, int, str]] = []
    # News sites paste U+00AD where a hyphen was meant ("al\u00adQaeda", "five\u00adparty");
    # only a text that hyphenates syllables (two in one word) uses it as a line-break hint.
    shy_is_hyphen = "\u00ad" in other and _SHY_HINTS.search(text) is None
    for m in _INVISIBLE.finditer(text):
        repl = _joiner_kept(text, m.start(), m.end())
        if shy_is_hyphen and m.group() == "\u00ad" and _between_letters(text, m.start()):
            repl = "-"
        if repl != m.group():
            found.append((m.start(), m.end(), repl))
    return Fix(edits=edits_for(found, "invisible_chars", "invisible character"))


# A word with two soft hyphens: syllable hints (in\u00adter\u00adna\u00adtion\u00adal).
_SHY_HINTS = regex.compile(r"\p{L}\u00ad\p{L}{1,20}\u00ad\p{L}")


def _between_letters(text: str, i: int) -> bool:
    # Two letters on each side: "al|Qaeda", "five|party"; a lone letter is more likely a hint.
    return 1 < i < len(text) - 2 and text[i - 2 : i].isalpha() and text[i + 1 : i + 3].isalpha()


def fix_invisible_chars(text: str) -> str:
    """Delete invisible characters that are not orthography.

    >>> fix_invisible_chars("\\u200fKabul\\u200e is the capital\\u200b.")
    'Kabul is the capital.'

    A soft hyphen is a hyphen where news sites pasted it for one, and a line-break hint
    (deleted) in a text that hyphenates syllables:

    >>> fix_invisible_chars("al\\u00adQaeda and a five\\u00adparty deal")
    'al-Qaeda and a five-party deal'
    >>> fix_invisible_chars("an in\\u00adter\\u00adna\\u00adtion\\u00adal deal")
    'an international deal'
    >>> fix_invisible_chars("Tal\\u200ciban") == "Taliban"
    True
    >>> fix_invisible_chars("نامه\\u200cها") == "نامه\\u200cها"
    True
    """
    return run_fix(find_invisible_chars, text, "fix_invisible_chars")


# --------------------------------------------------------------------------------------------
# odd_spaces

# No-break, en/em/thin/hair/figure spaces, narrow no-break, medium mathematical, ideographic,
# Ogham space mark, Mongolian vowel separator (a space in old Unicode).
_ODD_SPACE_CHARS = "\u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000"
_ODD_SPACE = re.compile(f"[{_ODD_SPACE_CHARS}]+")
_ODD_SPACE_SET = frozenset(
    "\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
# Unicode's own line and paragraph separators (web pages and JSON exports carry them): the
# newlines that every line-based fixer after this one reads.
_LINE_SEPARATORS = {"\u2028": "\n", "\u2029": "\n\n"}
_LINE_SEPARATOR = re.compile(f"[{''.join(_LINE_SEPARATORS)}]")
# Spaces that typesetting puts between digit groups (1 037); they stay there.
_GROUP_SEPARATORS = frozenset("\u00a0\u2007\u2009\u202f")


def _is_group_separator(text: str, start: int, end: int) -> bool:
    """``1\u202f037``: one separator between a digit and exactly three digits."""
    if end - start != 1 or text[start] not in _GROUP_SEPARATORS:
        return False
    if start == 0 or not text[start - 1].isdigit():
        return False
    group = text[end : end + 4]
    return len(group) >= 3 and group[:3].isdigit() and not group[3:].isdigit()


def find_odd_spaces(text: str) -> Fix:
    """No-break, thin, narrow, figure, ideographic and other spaces become a plain space; the
    line separator U+2028 becomes a newline, the paragraph separator U+2029 a blank line.

    A single no-break, thin, narrow or figure space between a digit and a group of exactly three
    digits (``1\u202f037``) is kept: it says the digits are one number, which a plain space
    would lose (``1 037`` reads as two numbers).
    """
    ensure_text(text, "find_odd_spaces")
    other = profile(text).other
    if not other:
        return EMPTY
    spaces = not _ODD_SPACE_SET.isdisjoint(other)
    lines = any(sep in other for sep in _LINE_SEPARATORS)
    if not (spaces or lines):
        return EMPTY
    found: list[tuple[int, int, str]] = []
    if spaces:
        for m in _runs_of(_ODD_SPACE_SET.intersection(other), _ODD_SPACE).finditer(text):
            start, end = m.span()
            if end - start == 1 and _is_group_separator(text, start, end):
                continue
            found.append((start, end, " " * (end - start)))
    edits = edits_for(found, "odd_spaces", "unusual space")
    if lines:
        breaks = [
            (m.start(), m.end(), _LINE_SEPARATORS[m.group()])
            for m in _LINE_SEPARATOR.finditer(text)
        ]
        edits = tuple(
            sorted(
                (*edits, *edits_for(breaks, "odd_spaces", "Unicode line separator")),
                key=lambda e: e.start,
            )
        )
    return Fix(edits=edits)


@lru_cache(maxsize=64)
def _runs_of(present: frozenset[str], general: re.Pattern[str]) -> re.Pattern[str]:
    """*general* (runs of a class of characters) for a text holding only the characters
    *present* of that class: the same runs.

    Most texts hold one of them (U+00A0 of the odd spaces, U+001A of the controls); a pattern
    that starts with that literal lets the regex engine skip ahead at memory speed, where a
    class (or a repeat) is tested at every character.

    >>> _runs_of(frozenset("\u00a0"), _ODD_SPACE).pattern == "\u00a0\u00a0*+"
    True
    """
    if len(present) == 1:
        (ch,) = present
        return re.compile(f"{re.escape(ch)}{re.escape(ch)}*+")
    return general


def fix_odd_spaces(text: str) -> str:
    """Make unusual spaces plain.

    >>> fix_odd_spaces("Kabul\\u00a0and\\u3000Herat")
    'Kabul and Herat'
    >>> fix_odd_spaces("1\\u202f037 troops") == "1\\u202f037 troops"
    True
    >>> fix_odd_spaces("Kabul\\u2028Herat\\u2029Mazar")
    'Kabul\\nHerat\\n\\nMazar'
    """
    return run_fix(find_odd_spaces, text, "fix_odd_spaces")


# --------------------------------------------------------------------------------------------
# space_runs

# A run of spaces and tabs, forwards from a point and (regex's reverse mode) backwards to it.
_BLANKS_AHEAD = re.compile(r"[ \t]*+")
_BLANKS_BEHIND = regex.compile(r"(?r)[ \t]*+")
# Where a run worth looking at shows: str.find runs at memory speed, unlike a regex that stops
# at every space of the text.
_RUN_NEEDLES = ("  ", "\t", " \n", " \r")
_DOUBLE_SPACE = re.compile(r"  [ \t]*+")


def _blank_runs(text: str, needles: Iterable[str] = _RUN_NEEDLES) -> dict[int, int]:
    """``{start: end}`` of every run of spaces/tabs that holds one of *needles* or ends the
    text; each run is found once (the search resumes after it)."""
    runs: dict[int, int] = {}
    for needle in needles:
        if needle == "  ":
            # The commonest needle (indentation): a literal-prefix regex scans at find's speed
            # and returns each run whole, without a Python step per run's edges.
            for m in _DOUBLE_SPACE.finditer(text):
                start = m.start()
                if start and text[start - 1] == "\t":
                    start = _run_start(text, start)
                runs[start] = m.end()
            continue
        i = text.find(needle)
        while i >= 0:
            start = _run_start(text, i)
            ahead = _BLANKS_AHEAD.match(text, i)
            end = ahead.end() if ahead else i
            runs[start] = end
            i = text.find(needle, max(end, i + 1))
    if text.endswith((" ", "\t")):
        end = len(text)
        runs[_run_start(text, end)] = end
    return runs


def _needles_in(text: str) -> list[str]:
    """The needles of :data:`_RUN_NEEDLES` in *text*, in that order.

    Asked of the text itself, not of its :func:`profile`: this fixer usually sees a new text
    (odd_spaces has just made its no-break spaces plain), whose profile would cost more than
    these four searches, and no fixer after it could use that profile (this one edits too).

    >>> _needles_in("a  b\\tc \\r")
    ['  ', '\\t', ' \\r']
    """
    return [needle for needle in _RUN_NEEDLES if needle in text]


def _run_start(text: str, pos: int) -> int:
    """Where the run of spaces and tabs that ends at ``pos`` starts."""
    behind = _BLANKS_BEHIND.match(text, 0, pos)
    return int(behind.start()) if behind is not None else pos


def find_space_runs(text: str) -> Fix:
    """Runs of spaces and tabs inside a line become one space; spaces at a line's end go.

    Indentation at the start of a line, a single tab and the newlines themselves stay.
    """
    ensure_text(text, "find_space_runs")
    ends_blank = text.endswith((" ", "\t"))
    needles = _needles_in(text)  # the text is walked for the needles it holds only
    if not needles and not ends_blank:
        return EMPTY
    found: list[tuple[int, int, str]] = []
    n = len(text)
    for start, end in sorted(_blank_runs(text, needles).items()):
        if end == n or text[end] in "\r\n":
            found.append((start, end, ""))
        elif start == 0 or text[start - 1] in "\r\n":
            continue  # indentation
        elif end - start > 1:
            found.append((start, end, " "))
    if not found:
        return EMPTY
    return Fix(edits=edits_for(found, "space_runs", "run of spaces"))


def fix_space_runs(text: str) -> str:
    """Collapse runs of spaces and drop trailing spaces.

    >>> fix_space_runs("Kabul  and \\t Herat   \\nnext line")
    'Kabul and Herat\\nnext line'
    >>> fix_space_runs("    indented\\ta\\tb")
    '    indented\\ta\\tb'
    """
    return run_fix(find_space_runs, text, "fix_space_runs")


FIXERS: tuple[Fixer, ...] = (
    Fixer("mojibake", find_mojibake, "text decoded in the wrong encoding, repaired with ftfy"),
    Fixer("control_chars", find_control_chars, "control characters; lone surrogates to U+FFFD"),
    Fixer("invisible_chars", find_invisible_chars, "bidi marks, zero-width chars, soft hyphen"),
    # After the deletions: removing "\x00" from "A\x00\u0301" makes a pair that composes.
    Fixer(
        "unicode_form",
        find_unicode_form,
        "NFC normalization, byte-order marks and Latin ligatures",
    ),
    Fixer("odd_spaces", find_odd_spaces, "no-break, thin and other unusual spaces; U+2028/9"),
    Fixer("space_runs", find_space_runs, "runs of spaces inside a line, trailing spaces"),
)
