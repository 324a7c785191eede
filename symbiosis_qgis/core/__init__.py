"""Pure-Python core of symbiosis_qgis: no qgis import anywhere below this package."""
