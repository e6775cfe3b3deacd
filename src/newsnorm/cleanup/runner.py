"""Run the cleanup fixers in order, folding each one's edits into edits on the original."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsnorm.checks import ensure_text
from newsnorm.cleanup.registry import FIXERS
from newsnorm.document import Config, default_config
from newsnorm.edits import ForwardMap, apply_edits, check_edits, compose
from newsnorm.model import Edit, Flag

__all__ = ["Cleaned", "apply_plan", "fix_and_explain", "run_cleanup"]


@dataclass(slots=True)
class Cleaned:
    text: str
    edits: list[Edit] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def _moved(flags: list[Flag], fmap: ForwardMap) -> list[Flag]:
    out = []
    for flag in flags:
        start, end = fmap.span(flag.start, flag.end)
        if start == end and flag.start != flag.end:
            continue  # its text was deleted (e.g. a byline): the flag no longer applies
        if (start, end) != (flag.start, flag.end):
            flag = flag.model_copy(update={"start": start, "end": end})
        out.append(flag)
    return out


def run_cleanup(original: str, config: Config | None = None) -> Cleaned:
    """Every enabled fixer in registry order; edits index *original*, flags the final text."""
    cfg = config or default_config()
    out = Cleaned(text=original)
    switched = bool(cfg.fixers)  # the default config runs every fixer: nothing to ask
    for fixer in FIXERS:
        if switched and not cfg.fixer_enabled(fixer.name):
            continue
        fix = fixer.find(out.text)
        if fix.meta:
            for key, value in fix.meta.items():
                out.meta.setdefault(key, value)
        if fix.edits:
            check_edits(out.text, fix.edits)
            if out.flags:
                out.flags = _moved(out.flags, ForwardMap(fix.edits))
            out.edits = compose(original, out.edits, fix.edits)
            out.text = apply_edits(out.text, fix.edits)
        if fix.flags:
            out.flags.extend(fix.flags)
    if len(out.flags) > 1:
        out.flags.sort(key=lambda f: (f.start, f.end, f.kind))
    return out


def fix_and_explain(text: str, config: Config | None = None) -> tuple[str, list[Edit]]:
    """The cleaned text and the edits (the plan) that made it, as in ftfy.

    >>> cleaned, plan = fix_and_explain("the the\u00a0news")
    >>> apply_plan("the the\u00a0news", plan) == cleaned
    True
    """
    ensure_text(text, "fix_and_explain")
    c = run_cleanup(text, config)
    return c.text, c.edits


def apply_plan(text: str, plan: list[Edit]) -> str:
    """Replay a plan from :func:`fix_and_explain` on the same original text."""
    return apply_edits(text, plan)
