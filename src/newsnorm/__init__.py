"""newsnorm: clean machine-translated news and extract numbers, dates and person names.

>>> import newsnorm
>>> newsnorm.clean("Clean English passes through unchanged.")
'Clean English passes through unchanged.'
"""

from newsnorm.cleanup.runner import apply_plan, fix_and_explain
from newsnorm.dates import DateMention, extract_dates
from newsnorm.document import Config, Document
from newsnorm.model import Edit, Flag, Meta
from newsnorm.names import Gazetteer, NameMention, extract_names, name_key, name_similarity
from newsnorm.numbers import NumberMention, extract_numbers
from newsnorm.pipeline import clean, process

__version__ = "0.1.0"

__all__ = [
    "Config",
    "DateMention",
    "Document",
    "Edit",
    "Flag",
    "Gazetteer",
    "Meta",
    "NameMention",
    "NumberMention",
    "__version__",
    "apply_plan",
    "clean",
    "extract_dates",
    "extract_names",
    "extract_numbers",
    "fix_and_explain",
    "name_key",
    "name_similarity",
    "process",
]
