"""Distances on the WGS 84 ellipsoid, vectorised.

Radius searches run on a KD tree of Earth-centred (ECEF) coordinates: the straight chord
between two surface points is never longer than the geodesic between them, so a chord search
with the radius returns every pair within the radius (and a few more), which the exact
geodesic then filters.
"""

import numpy as np
from pyproj import Geod

WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563
WGS84_E2 = WGS84_F * (2 - WGS84_F)
GEOD = Geod(ellps="WGS84")


def ecef(lon, lat):
    """(n, 3) Earth-centred coordinates in metres of points on the ellipsoid surface."""
    lon = np.radians(np.asarray(lon, dtype=float))
    lat = np.radians(np.asarray(lat, dtype=float))
    sin_lat = np.sin(lat)
    n = WGS84_A / np.sqrt(1 - WGS84_E2 * sin_lat**2)
    return np.column_stack(
        [
            n * np.cos(lat) * np.cos(lon),
            n * np.cos(lat) * np.sin(lon),
            n * (1 - WGS84_E2) * sin_lat,
        ]
    )


def geodesic_m(lon1, lat1, lon2, lat2):
    """Geodesic distance in metres between paired points (arrays of equal length)."""
    lon1, lat1, lon2, lat2 = (np.asarray(a, dtype=float) for a in (lon1, lat1, lon2, lat2))
    if lon1.size == 0:
        return np.zeros(0)
    _, _, dist = GEOD.inv(lon1, lat1, lon2, lat2)
    return np.asarray(dist, dtype=float)


def geodesic_circle(lon, lat, radius_m, vertices=72):
    """Closed ring (lon, lat arrays) of the points at ``radius_m`` around one point."""
    azimuths = np.linspace(0.0, 360.0, vertices, endpoint=False)
    lons, lats, _ = GEOD.fwd(
        np.full(vertices, lon),
        np.full(vertices, lat),
        azimuths,
        np.full(vertices, float(radius_m)),
    )
    return np.append(lons, lons[0]), np.append(lats, lats[0])
