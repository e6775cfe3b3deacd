"""Persian and Arabic-Indic digits as ASCII, one character for one, so offsets stay valid.

>>> to_ascii_digits("۱۴۰۰/۰۴/۱۵ and ٢٠٢١")
'1400/04/15 and 2021'
>>> len(to_ascii_digits("۱۲۳")) == len("۱۲۳")
True
"""

from __future__ import annotations

__all__ = ["DIGIT_TABLE", "has_non_ascii_digits", "to_ascii_digits"]

_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"  # U+0660..U+0669
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"  # U+06F0..U+06F9 (Extended Arabic-Indic)

DIGIT_TABLE: dict[int, int] = {
    ord(ch): ord(str(i)) for digits in (_ARABIC_INDIC, _PERSIAN) for i, ch in enumerate(digits)
}


def has_non_ascii_digits(text: str) -> bool:
    """Whether *text* holds a Persian or Arabic-Indic digit.

    >>> has_non_ascii_digits("12 July"), has_non_ascii_digits("۱۲ July")
    (False, True)
    """
    return not text.isascii() and any(ch in text for ch in _ARABIC_INDIC + _PERSIAN)


def to_ascii_digits(text: str) -> str:
    """*text* with every Persian or Arabic-Indic digit replaced by its ASCII digit (same length)."""
    if not has_non_ascii_digits(text):
        return text
    return text.translate(DIGIT_TABLE)
