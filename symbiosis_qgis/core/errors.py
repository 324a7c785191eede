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
    # catalogues (core/catalogue.py); {what} is one of CATALOGUE_NAMES, translated too
    "catalogue_missing": QT_TRANSLATE_NOOP("@default", "{what} catalogue not found: {path}"),
    "catalogue_columns": QT_TRANSLATE_NOOP(
        "@default", "{what} catalogue lacks column(s): {columns}"
    ),
    "catalogue_empty_key": QT_TRANSLATE_NOOP(
        "@default", "{what} catalogue: empty {key} in row(s) {rows}"
    ),
    "catalogue_repeated_key": QT_TRANSLATE_NOOP(
        "@default", "{what} catalogue: {key} repeated: {keys}"
    ),
    "catalogue_no_unit": QT_TRANSLATE_NOOP("@default", "Material catalogue: no unit for {codes}"),
    "catalogue_unknown_unit": QT_TRANSLATE_NOOP(
        "@default", "Material catalogue: unknown unit for {codes}; known: {known}"
    ),
    "catalogue_incomplete_rule": QT_TRANSLATE_NOOP(
        "@default", "User synergy catalogue: no {column} for rule(s) {rules}"
    ),
    # policy scenarios (core/scenarios.py)
    "scenario_missing": QT_TRANSLATE_NOOP("@default", "Scenario table not found: {path}"),
    "scenario_columns": QT_TRANSLATE_NOOP(
        "@default", "Scenario table lacks column(s): {columns}"
    ),
    "scenario_not_number": QT_TRANSLATE_NOOP(
        "@default", "Scenario '{scenario}': {column} is not a number"
    ),
    "scenario_empty": QT_TRANSLATE_NOOP("@default", "The scenario table is empty"),
}

# the catalogue a message is about ({what} above)
CATALOGUE_NAMES: dict[str, str] = {
    "Material": QT_TRANSLATE_NOOP("@default", "Material"),
    "User material": QT_TRANSLATE_NOOP("@default", "User material"),
    "Synergy": QT_TRANSLATE_NOOP("@default", "Synergy"),
    "User synergy": QT_TRANSLATE_NOOP("@default", "User synergy"),
}
# fmt: on


class InputError(ValueError):
    """Bad input that stops a computation; ``code`` keys a template in MESSAGES."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(MESSAGES[code].format(**params))

    def message(self, translate: Callable[[str], str] = lambda text: text) -> str:
        """The message in the language of ``translate`` (the plugin passes its ``tr``)."""
        params = dict(self.params)
        if params.get("what") in CATALOGUE_NAMES:  # the catalogue's name is words too
            params["what"] = translate(CATALOGUE_NAMES[params["what"]])
        return translate(MESSAGES[self.code]).format(**params)
