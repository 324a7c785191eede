"""What the benches share to run QGIS: one QgsApplication per process, and Processing with
the plugin's provider registered, as a user's standalone script sets them up."""

import sys

QGIS_PLUGINS = "/usr/share/qgis/python/plugins"  # Debian's Processing framework
_ALIVE = []  # the application and the provider live as long as the process


def start_qgis():
    """The process's QgsApplication, started on the first call."""
    from qgis.core import QgsApplication

    if not _ALIVE:
        app = QgsApplication([], False)
        app.initQgis()
        _ALIVE.append(app)
    return _ALIVE[0]


def start_processing(with_models=True):
    """QGIS, Processing and the symbiosis provider; returns the ``processing`` module."""
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    start_qgis()
    import processing
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    from symbiosis_qgis.processing.provider import SymbiosisProvider

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("symbiosis") is None:
        provider = SymbiosisProvider(with_models=with_models)
        registry.addProvider(provider)
        _ALIVE.append(provider)
    return processing
