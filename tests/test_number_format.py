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


def test_translated_templates_keep_their_specs_but_take_the_language_separators():
    from symbiosis_qgis.core.text import format_localised

    template = "{what}: {km:,.1f} km, about {capex:,.0f} million RUB"
    assert format_localised(template, "en", what="pipe", km=1234.56, capex=9876543) == (
        "pipe: 1,234.6 km, about 9,876,543 million RUB"
    )
    assert format_localised(template, "ru", what="труба", km=1234.56, capex=9876543) == (
        "труба: 1\u202f234,6 km, about 9\u202f876\u202f543 million RUB"
    )
    # fields without grouping are left to str.format
    assert format_localised("{n} of {share:.0%}", "ru", n=3, share=0.5) == "3 of 50%"


def test_barrier_findings_read_in_the_language():
    from symbiosis_qgis.core.barriers import render

    findings = [("loses", {"shortfall": 12345.4, "unit": "t"})]
    assert render(findings) == "loses 12,345 RUB per t"
    assert render(findings, language="ru") == "loses 12\u202f345 RUB per t"
