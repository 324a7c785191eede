"""Errors a user can act on, each with a translatable message code.

Core raises ``InputError(code, **params)``; the message templates below are marked for
pylupdate5, so the Processing layer shows them in the user's language
(``err.message(tr)``) while a notebook reads them in English (``str(err)``).
"""

from __future__ import annotations

from typing import Callable

from .text import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out

# fmt: off
MESSAGES: dict[str, str] = {
    "missing_fields": QT_TRANSLATE_NOOP(
        "@default", "Layer '{layer}' lacks the required field(s): {fields}"
    ),
    "empty_ids": QT_TRANSLATE_NOOP(
        "@default", "Layer '{layer}': field '{field}' is empty in feature(s) {fids}"
    ),
    "duplicate_ids": QT_TRANSLATE_NOOP(
        "@default",
        "Layer '{layer}': {field} must be unique; {count} value(s) repeat, e.g. {examples}"
    ),
    "not_numbers": QT_TRANSLATE_NOOP(
        "@default",
        "Layer '{layer}': field '{field}' must hold finite numbers; feature(s) {fids} "
        "hold {values}"
    ),
    "below_minimum": QT_TRANSLATE_NOOP(
        "@default",
        "Layer '{layer}': field '{field}' must be at least {minimum}; feature(s) {fids} "
        "hold {values}"
    ),
    "bad_direction": QT_TRANSLATE_NOOP(
        "@default",
        "Layer '{layer}': direction must be 'supply' or 'demand'; feature(s) {fids} hold {values}"
    ),
    "share_out_of_range": QT_TRANSLATE_NOOP(
        "@default", "{name} must be a share between 0 and 1, not {value}"
    ),
    "not_finite": QT_TRANSLATE_NOOP("@default", "{name} must be a finite number, not {value}"),
    # the allocation (core/allocation.py)
    "missing_column": QT_TRANSLATE_NOOP("@default", "Links lack the column(s): {columns}"),
    "bad_quantity": QT_TRANSLATE_NOOP(
        "@default",
        "Flow '{flow}' has no usable quantity: the capacity constraint of {kind} "
        "'{flow}' would be unbounded"
    ),
    "infeasible": QT_TRANSLATE_NOOP("@default", "The allocation is infeasible: {detail}"),
    "solver": QT_TRANSLATE_NOOP("@default", "The solver stopped: {detail}"),
    "unknown_flows": QT_TRANSLATE_NOOP(
        "@default",
        "None of the {count} links refers to a flow of the flow table (e.g. supply flow "
        "'{example}'): are the links and flows from the same data?"
    ),
}
# fmt: on


class InputError(ValueError):
    """Bad input that stops a computation; ``code`` keys a template in MESSAGES."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(MESSAGES[code].format(**params))

    def message(self, translate: Callable[[str], str] = lambda text: text) -> str:
        """The message in the language of ``translate`` (the plugin passes its ``tr``)."""
        return translate(MESSAGES[self.code]).format(**self.params)
