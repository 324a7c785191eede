"""GeoPackage tables read through SQLite: a whole point or attribute table with one SELECT
(read_points, read_table) instead of a QgsFeature per row."""

import os
import sqlite3
import struct
from contextlib import closing
from urllib.parse import quote

import numpy as np

from .gpkg_bulk import listed, quoted

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}  # by the header's envelope indicator
_POINT_TYPES = {1, 1001, 2001, 3001, 0x80000001, 0x40000001, 0xC0000001}  # 2D, Z, M, ZM


def read_points(path, table, fields):
    """A GeoPackage point table read through SQLite: (fids, {field: values}, xy (n, 2)).

    Values are what SQLite stores (text, int, float; NULL as None); a feature without
    geometry or with an empty point has NaN coordinates. Returns None when some geometry
    is not a single point, so that QGIS reads the layer instead.
    """
    with closing(_read_only(path)) as db:
        (geometry,) = db.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
        ).fetchone()
        key = _primary_key(db, table)
        rows = db.execute(
            f"SELECT {listed([key, geometry, *fields])} FROM {quoted(table)} "
            f"ORDER BY {quoted(key)}"
        ).fetchall()
    columns = list(zip(*rows)) if rows else [()] * (len(fields) + 2)
    xy = _points_of(columns[1])
    if xy is None:
        return None
    return list(columns[0]), dict(zip(fields, map(list, columns[2:]))), xy


def read_table(path, table, fields):
    """(fids, {field: values}) of a GeoPackage table read through SQLite, in fid order."""
    with closing(_read_only(path)) as db:
        key = _primary_key(db, table)
        rows = db.execute(
            f"SELECT {listed([key, *fields])} FROM {quoted(table)} ORDER BY {quoted(key)}"
        ).fetchall()
    columns = list(zip(*rows)) if rows else [()] * (len(fields) + 1)
    return list(columns[0]), dict(zip(fields, map(list, columns[1:])))


def _read_only(path):
    return sqlite3.connect("file:" + quote(os.path.abspath(path)) + "?mode=ro", uri=True)


def _primary_key(db, table):
    info = db.execute(f"PRAGMA table_info({quoted(table)})").fetchall()
    return next((row[1] for row in info if row[5] == 1), "rowid")


def _points_of(blobs):
    """(n, 2) x, y of GeoPackage point blobs (NaN: null or empty), or None when a blob is
    not a point. Blobs of one layout (the usual case) are parsed at once in numpy."""
    xy = np.full((len(blobs), 2), np.nan)
    present = [i for i, blob in enumerate(blobs) if blob is not None]
    sizes = {len(blobs[i]) for i in present}
    if len(sizes) == 1 and sizes.pop() >= 29:
        raw = np.frombuffer(b"".join(bytes(blobs[i]) for i in present), np.uint8)
        raw = raw.reshape(len(present), -1)
        flags = raw[0, 3]
        envelope = _ENVELOPE_BYTES.get((flags >> 1) & 0b111)
        uniform = (raw[:, :4] == raw[0, :4]).all() and not flags & 0x10
        if uniform and envelope is not None and raw.shape[1] == 8 + envelope + 21:
            wkb = raw[:, 8 + envelope :]
            order = "<" if wkb[0, 0] == 1 else ">"
            kind = np.ascontiguousarray(wkb[:, 1:5]).view(order + "u4")[:, 0]
            if (wkb[:, 0] == wkb[0, 0]).all() and np.isin(kind, list(_POINT_TYPES)).all():
                xy[present] = np.ascontiguousarray(wkb[:, 5:21]).view(order + "f8")
                return xy
    for i in present:  # mixed layouts: blob by blob
        point = _point_of(blobs[i])
        if point is False:
            return None
        if point is not None:
            xy[i] = point
    return xy


def _point_of(blob):
    """(x, y) of a GeoPackage point blob; None when null or empty; False when no point."""
    if blob is None:
        return None
    blob = bytes(blob)
    if blob[:2] != b"GP" or len(blob) < 8:
        return False
    flags = blob[3]
    if flags & 0x10:  # the empty-geometry flag
        return None
    envelope = _ENVELOPE_BYTES.get((flags >> 1) & 0b111)
    wkb = blob[8 + envelope :] if envelope is not None else b""
    if len(wkb) < 21:
        return False
    order = "<" if wkb[0] == 1 else ">"
    (kind,) = struct.unpack(order + "I", wkb[1:5])
    if kind not in _POINT_TYPES:
        return False
    x, y = struct.unpack(order + "dd", wkb[5:21])
    return None if np.isnan(x) and np.isnan(y) else (x, y)
