"""Millions of two-point lines into a new GeoPackage table in one SQLite transaction.

Through a Processing sink every feature is a QgsFeature built in Python and an OGR insert
that updates the spatial index row by row: about 2 minutes for the 2 million candidates of
100,000 enterprises. A GeoPackage is an SQLite file, so when the output is a fresh GeoPackage
table the rows go in with one executemany instead: the sink creates the table (fields, CRS,
spatial index) and is closed empty; the index triggers are set aside while the rows and their
index entries are inserted in bulk, then restored, and the table's extent and feature count
are updated as OGR would.
"""

import os
import sqlite3
from contextlib import closing

import numpy as np

# GeoPackage binary header: "GP", version 0, flags (little endian, envelope minx maxx miny maxy)
_HEADER_FLAGS = 0b0000_0011


def gpkg_destination(dest_id):
    """(path, table or None) when a Processing destination is a GeoPackage file, else None."""
    path, _, options = str(dest_id).partition("|")
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    table = None
    for option in options.split("|"):
        if option.startswith("layername="):
            table = option[len("layername=") :]
    return path, table


def line_blobs(starts, ends, srs_id):
    """GeoPackage geometry blobs of 2D lines from starts (n, 2) to ends (n, 2)."""
    record = np.dtype(
        [
            ("magic", "S2"),
            ("version", "u1"),
            ("flags", "u1"),
            ("srs_id", "<i4"),
            ("envelope", "<f8", (4,)),
            ("order", "u1"),
            ("kind", "<u4"),
            ("count", "<u4"),
            ("xy", "<f8", (4,)),
        ]
    )
    blobs = np.zeros(len(starts), record)
    blobs["magic"], blobs["flags"], blobs["srs_id"] = b"GP", _HEADER_FLAGS, srs_id
    blobs["order"], blobs["kind"], blobs["count"] = 1, 2, 2
    blobs["envelope"] = envelopes(starts, ends)
    blobs["xy"] = np.hstack([starts, ends])
    return blobs.view(np.dtype((np.void, record.itemsize))).tolist()


def envelopes(starts, ends):
    """(n, 4) minx, maxx, miny, maxy of each line."""
    return np.column_stack(
        [
            np.minimum(starts[:, 0], ends[:, 0]),
            np.maximum(starts[:, 0], ends[:, 0]),
            np.minimum(starts[:, 1], ends[:, 1]),
            np.maximum(starts[:, 1], ends[:, 1]),
        ]
    )


def append_lines(path, table, columns, starts, ends):
    """Append rows (columns: {field: list of values}) with lines starts -> ends to ``table``
    of the GeoPackage ``path`` (None: its only table). Returns the number of rows written."""
    with closing(sqlite3.connect(path)) as db, db:
        if table is None:
            (table,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
        geometry, srs_id = db.execute(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
            (table,),
        ).fetchone()
        triggers = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
            (table,),
        ).fetchall()
        for name, _ in triggers:  # they call OGR's SQL functions, unknown to plain SQLite
            db.execute(f'DROP TRIGGER "{name}"')
        (first_fid,) = db.execute(f'SELECT COALESCE(MAX(rowid), 0) + 1 FROM "{table}"').fetchone()
        names = [geometry, *columns]
        db.executemany(
            f'INSERT INTO "{table}" ({", ".join(_quoted(n) for n in names)}) '
            f"VALUES ({', '.join('?' * len(names))})",
            zip(line_blobs(starts, ends, srs_id), *columns.values()),
        )
        box = envelopes(starts, ends)
        fids = np.arange(first_fid, first_fid + len(box))
        index = f"rtree_{table}_{geometry}"
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (index,)).fetchone():
            db.executemany(
                f'INSERT INTO "{index}" VALUES (?, ?, ?, ?, ?)',
                zip(fids.tolist(), *box.T.tolist()),
            )
        for _, sql in triggers:
            db.execute(sql)
        if len(box):
            db.execute(
                "UPDATE gpkg_contents SET min_x = MIN(COALESCE(min_x, ?), ?), "
                "max_x = MAX(COALESCE(max_x, ?), ?), min_y = MIN(COALESCE(min_y, ?), ?), "
                "max_y = MAX(COALESCE(max_y, ?), ?), "
                "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?",
                (*np.repeat(_extent(box), 2).tolist(), table),
            )
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
            db.execute(
                f'UPDATE gpkg_ogr_contents SET feature_count = (SELECT COUNT(*) FROM "{table}") '
                "WHERE table_name = ?",
                (table,),
            )
    return len(box)


def _extent(box):
    return [box[:, 0].min(), box[:, 1].max(), box[:, 2].min(), box[:, 3].max()]


def _quoted(name):
    return '"' + name.replace('"', '""') + '"'
