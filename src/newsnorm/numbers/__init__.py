"""Number extraction: ``extract_numbers(text) -> list[NumberMention]`` (see ``docs/numbers.md``).

Reads digits in any separator style (``1,037``, ``1 037``, ``12,34,567``, ``۱٬۰۳۷``), number
words (``two and a half million``), ordinals, fractions, percentages, money (ISO 4217 codes),
measures, ranges, qualifiers (``at least``) and vague quantities (``tens of thousands of``).

>>> from newsnorm.numbers import extract_numbers
>>> [(n.text, n.value, n.kind) for n in extract_numbers("more than 1,000 troops in 16 districts")]
[('1,000', 1000, 'cardinal'), ('16', 16, 'cardinal')]
"""

from __future__ import annotations

from newsnorm.numbers.extract import extract_numbers
from newsnorm.numbers.model import NumberMention

__all__ = ["NumberMention", "extract_numbers"]
