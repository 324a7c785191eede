"""One free ``tr()`` for the whole plugin.

pylupdate5 files every free ``tr("...")`` (and every ``QT_TRANSLATE_NOOP("@default", ...)`` in
core/) under the context "@default", wherever the call stands, so the runtime must look
strings up in that same context.
"""

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .paths import i18n_path

CONTEXT = "@default"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def user_locale() -> str:
    """Two-letter language of the QGIS user interface, however it was set: ``qgis --lang
    ru`` and the locale override both reach QgsApplication.locale(); qgis_process (no GUI)
    has only the profile's override setting and the system locale."""
    from qgis.core import QgsApplication

    name = QgsApplication.locale() or ""
    if name in ("", "C", "POSIX"):
        settings = QSettings()
        if settings.value("locale/overrideFlag", False, type=bool):
            name = settings.value("locale/userLocale", "", type=str)
        else:
            name = QLocale.system().name()
    name = name[:2]
    return "en" if name in ("", "C") else name


def load_translator(locale: str):
    """Install and return a translator for ``locale``, or None when we ship none for it."""
    qm_file = i18n_path(f"symbiosis_qgis_{locale}.qm")
    if not qm_file.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm_file)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def local_number(value: float, decimals: int = 0) -> str:
    """A number as the user's interface language writes it (Russian: 9 305,5), for log lines,
    labels and dock tables alike."""
    from .core.text import format_number

    return format_number(value, decimals, user_locale())
