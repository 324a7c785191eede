"""The open regional registry of secondary resources (PostgreSQL + PostGIS).

``migrations`` (no qgis import) creates and upgrades the schema and loads the sample;
``qgis_connection`` reaches the registry through QGIS's own PostgreSQL connections.
"""
