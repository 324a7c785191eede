"""Industrial symbiosis tools for QGIS.

Only ``classFactory`` lives here, and it imports QGIS lazily so that
``symbiosis_qgis.core`` stays importable from a plain notebook.
"""


def classFactory(iface):
    from .plugin import SymbiosisPlugin

    return SymbiosisPlugin(iface)
