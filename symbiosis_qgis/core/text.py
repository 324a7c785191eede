"""Marking core strings for translation without importing Qt.

pylupdate5 extracts QT_TRANSLATE_NOOP("@default", ...) by name, so the adapters can translate
core messages with the plugin's free tr(); from a notebook they stay English.
"""


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
