"""Industrial symbiosis tools for QGIS.

Only ``classFactory`` lives here, and it imports QGIS lazily so that
``symbiosis_qgis.core`` stays importable from a plain notebook.
"""


def classFactory(iface):  # noqa: N802 (QGIS plugin entry point name)
    from .plugin import SymbiosisPlugin

    return SymbiosisPlugin(iface)
