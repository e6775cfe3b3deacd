"""An ASCII view of a text: one ASCII character per code point, so every offset stays valid.

The word scans have fast paths for ASCII text (:func:`str.translate` and substring searches,
which CPython only runs fast on ASCII strings), but 90% of news articles hold a curly quote,
a no-break space or a dash. In the view each non-ASCII character becomes an ASCII stand-in of
the same kind for the scans' patterns:

* a non-ASCII apostrophe of the calendar spellings (``’ʿʼ‘´``) becomes ``'``;
* other whitespace (``\\s``: no-break space, thin space) becomes a space;
* other word characters (``\\w``: accented letters, other scripts, ``½``) become ``_``;
* anything else (quotes, dashes, lone surrogates) becomes ``?``.

None of the stand-ins is an ASCII letter or digit, so a pattern that only tells ``[a-z0-9]``
from the rest reads the view as it reads the text. The stand-ins come from an encoder's error
handler, called once per run of non-ASCII characters (a few dozen per article), not per
character.

>>> ascii_view("“It’s 5\\u00a0km”, said Zoë – ½")
"?It's 5 km?, said Zo_ ? _"
>>> ascii_view("\\ud800x")  # a lone surrogate
'?x'
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

__all__ = ["NON_ASCII_APOSTROPHES", "ascii_view", "stand_in"]

NON_ASCII_APOSTROPHES = "’ʿʼ‘´"

_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\w")


@lru_cache(maxsize=4096)
def stand_in(ch: str) -> str:
    """The ASCII character that stands for the non-ASCII character *ch* in the view.

    Whitespace and word characters are told apart by ``re`` itself (``\\s``, ``\\w``), the
    classes the scans' patterns use.

    >>> [stand_in(c) for c in "’\\u00a0é“\\u200c"]
    ["'", ' ', '_', '?', '?']
    """
    if ch in NON_ASCII_APOSTROPHES:
        return "'"
    if _SPACE.match(ch):
        return " "
    if _WORD.match(ch):
        return "_"
    return "?"


def _stand_ins(error: UnicodeError) -> tuple[str, int]:
    """The encoder's error handler: stand-ins for the run of characters it cannot encode."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    run = error.object[error.start : error.end]
    return "".join([stand_in(ch) for ch in run]), error.end


_HANDLER = "newsnorm.dates.ascii_view"
codecs.register_error(_HANDLER, _stand_ins)


def ascii_view(text: str) -> str:
    """*text* with each non-ASCII code point as its :func:`stand_in` (same length)."""
    if text.isascii():
        return text
    return text.encode("ascii", _HANDLER).decode("ascii")
