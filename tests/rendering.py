"""Rendering helpers shared by the render tests and tools/render_diagram.py."""

from qgis.core import (
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter

# The Novokuznetsk node in UTM 45N (EVRAZ ZSMK, the TPPs, the city's consumers)
NOVOKUZNETSK = QgsRectangle(478_000, 5_940_000, 532_000, 5_982_000)


def map_settings(layers, extent=NOVOKUZNETSK, size=(900, 680)):
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(*size))
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputDpi(96)
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    return settings


def render(settings, path):
    image = QImage(settings.outputSize(), QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.start()
    job.waitForFinished()
    painter.end()
    image.save(str(path))
    return image
