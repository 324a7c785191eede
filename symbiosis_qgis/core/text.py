"""Marking core strings for translation without importing Qt.

pylupdate5 extracts QT_TRANSLATE_NOOP("@default", ...) by name, so the adapters can translate
core messages with the plugin's free tr(); from a notebook they stay English.
"""

import string


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


# Digit group and decimal separators per UI language: a Russian reader takes "9,305" for
# 9.3, so Russian text groups with a narrow no-break space and writes decimals with a comma.
SEPARATORS = {"ru": ("\u202f", ","), "en": (",", ".")}


def format_number(value: float, decimals: int = 0, language: str = "en") -> str:
    """``value`` with digit grouping and the decimal sign of ``language``.

    >>> format_number(9305.5, 1, "ru")
    '9\u202f305,5'
    >>> format_number(-1234567, language="en")
    '-1,234,567'
    """
    group, point = SEPARATORS.get(language[:2], SEPARATORS["en"])
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\0").replace(".", point).replace("\0", group)


class _LocalFormatter(string.Formatter):
    """str.format whose grouped number fields ({x:,.1f}) take the language's separators."""

    def __init__(self, language: str):
        self.language = language

    def format_field(self, value, format_spec):
        if "," in format_spec and isinstance(value, (int, float)) and not isinstance(value, bool):
            precision = format_spec.rsplit(".", 1)[1] if "." in format_spec else "0"
            return format_number(value, int(precision.rstrip("fgd") or 0), self.language)
        return super().format_field(value, format_spec)


def format_localised(template: str, language: str = "en", **params) -> str:
    """``template.format(**params)``, with every grouped number field (``{x:,.0f}``) written as
    ``language`` writes numbers: translated templates keep their format specs.

    >>> format_localised("loses {rub:,.0f} RUB per {unit}", "ru", rub=12345.6, unit="t")
    'loses 12\u202f346 RUB per t'
    """
    return _LocalFormatter(language).format(template, **params)
