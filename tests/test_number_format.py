"""Numbers as each UI language reads them (issue 20: "9,305" reads as 9.3 in Russian)."""

import pytest

from symbiosis_qgis.core.text import format_number


@pytest.mark.parametrize(
    ("value", "decimals", "language", "expected"),
    [
        (9305, 0, "ru", "9\u202f305"),
        (9305.25, 2, "ru", "9\u202f305,25"),
        (-1234567.5, 1, "ru_RU", "-1\u202f234\u202f567,5"),
        (9305.25, 2, "en", "9,305.25"),
        (0.5, 0, "en", "0"),  # Python rounds half to even, as the f-string does
        (12.5, 1, "de", "12.5"),  # a language without its own rule reads as English
    ],
)
def test_format_number_uses_the_language_separators(value, decimals, language, expected):
    assert format_number(value, decimals, language) == expected
