"""The Russian translation ships, loads and covers every string."""

import xml.etree.ElementTree as ET

from qgis.PyQt.QtCore import QCoreApplication

from symbiosis_qgis.i18n import load_translator, tr
from symbiosis_qgis.paths import i18n_path


def test_ru_translator_translates_known_strings(qgis_app):
    translator = load_translator("ru")
    assert translator is not None, "i18n/symbiosis_qgis_ru.qm missing: run make transcompile"
    try:
        assert tr("Validate symbiosis data") == "Проверить данные симбиоза"
        assert tr("Industrial symbiosis") == "Промышленный симбиоз"
        assert (
            tr("Flow refers to unknown enterprise '{value}'").format(value="X")
            == "Поток ссылается на неизвестное предприятие «X»"
        )
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr("Validate symbiosis data") == "Validate symbiosis data"


def test_no_translator_for_unshipped_locale(qgis_app):
    assert load_translator("xx") is None


def test_every_string_is_translated():
    tree = ET.parse(i18n_path("symbiosis_qgis_ru.ts"))
    messages = tree.getroot().findall("./context/message")
    assert len(messages) > 20
    untranslated = [
        m.findtext("source")
        for m in messages
        if not (m.findtext("translation") or "").strip()
        or m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert untranslated == []


def test_placeholders_survive_translation():
    """A translation that drops or renames {field} would raise KeyError at run time."""
    import string

    tree = ET.parse(i18n_path("symbiosis_qgis_ru.ts"))
    for message in tree.getroot().findall("./context/message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        names = {f[1] for f in string.Formatter().parse(source) if f[1] is not None}
        names_ru = {f[1] for f in string.Formatter().parse(translation) if f[1] is not None}
        assert names == names_ru, source


def test_language_follows_the_qgis_ui_locale_however_set(qgis_app):
    """`qgis --lang ru` makes Russian the default QLocale (QGIS's main does
    QLocale::setDefault); the plugin read only the override setting and the system locale
    ("C" on a server), so it stayed English."""
    from qgis.PyQt.QtCore import QLocale

    from symbiosis_qgis.i18n import user_locale

    before = QLocale()
    try:
        QLocale.setDefault(QLocale("ru_RU"))
        assert user_locale() == "ru"
        QLocale.setDefault(QLocale("de_DE"))
        assert user_locale() == "de"
        QLocale.setDefault(QLocale.c())
        assert user_locale() == "en"  # "C": no language, the plugin's own (English)
    finally:
        QLocale.setDefault(before)


def test_every_marked_core_string_reaches_the_ts_file():
    """pylupdate5 silently skips a QT_TRANSLATE_NOOP call it cannot parse (one with a
    trailing comma, as a formatter writes long calls): every marked string must be in the
    .ts, or it stays English for every user."""
    import ast
    import re

    from symbiosis_qgis.paths import PACKAGE_DIR

    call = re.compile(r'QT_TRANSLATE_NOOP\(\s*"@default",\s*((?:"(?:[^"\\\n]|\\.)*"\s*)+)')
    marked = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        for match in call.finditer(path.read_text(encoding="utf-8")):
            marked.add(ast.literal_eval("(" + match.group(1) + ")"))
    assert len(marked) > 150
    sources = {
        m.findtext("source") for m in ET.parse(i18n_path("symbiosis_qgis_ru.ts")).iter("message")
    }
    assert sorted(marked - sources) == []
