"""Persian and Arabic-Indic digits as ASCII, one character for one, so offsets stay valid.

>>> to_ascii_digits("۱۴۰۰/۰۴/۱۵ and ٢٠٢١")
'1400/04/15 and 2021'
>>> len(to_ascii_digits("۱۲۳")) == len("۱۲۳")
True
"""

from __future__ import annotations

import re

from newsnorm.patterns import has_high_byte

__all__ = [
    "ARABIC_SCRIPT",
    "DIGIT_TABLE",
    "has_arabic_script",
    "has_non_ascii_digits",
    "to_ascii_digits",
]

_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"  # U+0660..U+0669
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"  # U+06F0..U+06F9 (Extended Arabic-Indic)

DIGIT_TABLE: dict[int, int] = {
    ord(ch): ord(str(i)) for digits in (_ARABIC_INDIC, _PERSIAN) for i, ch in enumerate(digits)
}


ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def has_arabic_script(text: str) -> bool:
    """Whether *text* holds a character of the Arabic block (U+0600..U+06FF: letters, Persian
    and Arabic-Indic digits).

    Each such character is one UTF-16 code unit whose high byte is 0x06: a text without one has
    none (:func:`~newsnorm.patterns.has_high_byte`, at memory speed, a third of the time of the
    regex class scan, which then only confirms the rare texts with one).

    >>> has_arabic_script("July ’21"), has_arabic_script("۱۲ July"), has_arabic_script("\u2006")
    (False, True, False)
    """
    if text.isascii() or not has_high_byte(text, b"\x06"):
        return False
    return ARABIC_SCRIPT.search(text) is not None


def has_non_ascii_digits(text: str) -> bool:
    """Whether *text* holds a Persian or Arabic-Indic digit.

    >>> has_non_ascii_digits("12 July"), has_non_ascii_digits("۱۲ July")
    (False, True)
    """
    return has_arabic_script(text) and any(ch in text for ch in _ARABIC_INDIC + _PERSIAN)


def to_ascii_digits(text: str) -> str:
    """*text* with every Persian or Arabic-Indic digit replaced by its ASCII digit (same length)."""
    if not has_non_ascii_digits(text):
        return text
    return text.translate(DIGIT_TABLE)
