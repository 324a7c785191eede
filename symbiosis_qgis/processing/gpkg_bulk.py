"""GeoPackage tables in bulk, through SQLite: millions of lines written, points read.

Through a Processing sink every feature is a QgsFeature built in Python and an OGR insert
that updates the spatial index row by row: about 2 minutes for the 2 million candidates of
100,000 enterprises. A GeoPackage is an SQLite file, so when the output is a fresh GeoPackage
table the sink only creates it (fields, CRS, spatial index) and is closed empty; the index
triggers are set aside while the rows go in, then restored, and the table's extent and
feature count are updated as OGR would. Fields whose values repeat together (those of a
supply flow, say) go once per distinct combination into a temporary table, and one
INSERT ... SELECT joins them to the staged rows: fewer values cross from Python to SQLite.

The spatial index (an SQLite R*Tree) of an empty table is bulk-loaded: inserting 2 million
boxes one by one into the virtual table takes 35 s (GDAL's CreateSpatialIndex too), while a
packed tree (gpkg_rtree.py) written straight into the R*Tree's shadow tables takes about two
seconds. `SELECT rtreecheck(...)` accepts the result and later edits by QGIS go through the
usual triggers into a valid tree.

Reading: a whole GeoPackage point or attribute table is read with one SELECT (read_points,
read_table) instead of a QgsFeature per row.
"""

import json
import os
import sqlite3
import struct
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from urllib.parse import quote

import numpy as np
import pandas as pd

from .gpkg_rtree import packed_rtree

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


def line_blobs(starts, ends, srs_id, box=None):
    """GeoPackage geometry blobs of 2D lines from starts (n, 2) to ends (n, 2); box: their
    envelopes when already known."""
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
    blobs["envelope"] = envelopes(starts, ends) if box is None else box
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


def append_lines(path, table, columns, starts, ends, shared=(), progress=None, is_canceled=None):
    """Append rows with lines starts -> ends to ``table`` of the GeoPackage ``path`` (None:
    its only table). Returns the number of rows written, None when canceled.

    columns: {field: pandas Series}, NaN and NA written as NULL. shared: groups of fields
    whose values repeat together (e.g. every field of a supply flow); each group's distinct
    combinations go to a temporary table once and are joined in by SQLite, so only a code per
    group passes from Python to SQLite with each row. progress(fraction) is called between
    stages; is_canceled() is asked while SQLite works and stops it.
    """
    try:
        return _append_lines(path, table, columns, starts, ends, shared, progress, is_canceled)
    except sqlite3.OperationalError:
        if is_canceled is not None and is_canceled():  # SQLite was interrupted
            return None
        raise


def _append_lines(path, table, columns, starts, ends, shared, progress, is_canceled):
    progress = progress or (lambda fraction: None)
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA temp_store = MEMORY")  # rows staged in RAM, not in a temporary file
        if is_canceled is not None:  # asked every ~100,000 SQLite instructions (~1 ms)
            db.set_progress_handler(lambda: bool(is_canceled()), 100_000)
        if table is None:
            (table,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
        geometry, srs_id = db.execute(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
            (table,),
        ).fetchone()
        (first_fid,) = db.execute(
            f"SELECT COALESCE(MAX(rowid), 0) + 1 FROM {_quoted(table)}"
        ).fetchone()
        fresh_file = _only_table(db) and first_fid == 1
        if fresh_file:  # a crash leaves a broken new file either way: no journal, no fsync
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
        db.execute("BEGIN")
        try:
            triggers = db.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                (table,),
            ).fetchall()
            for name, _ in triggers:  # they call OGR's SQL functions, unknown to plain SQLite
                db.execute(f"DROP TRIGGER {_quoted(name)}")
            box = envelopes(starts, ends)
            fids = np.arange(first_fid, first_fid + len(box))
            key = "fid" if _has_fid(db, table) else "rowid"
            rows = {key: fids.tolist(), geometry: line_blobs(starts, ends, srs_id, box)}
            progress(0.1)
            with ThreadPoolExecutor(max_workers=1) as pool:  # packed while SQLite inserts
                index = _IndexLoad(db, f"rtree_{table}_{geometry}", fids, box, pool)
                _insert_rows(db, table, rows, columns, [g for g in shared if g], progress)
                index.write()
            progress(0.95)
            for _, sql in triggers:
                db.execute(sql)
            _update_contents(db, table, box)
            db.execute("COMMIT")
        except BaseException:
            db.set_progress_handler(None, 0)  # the rollback must not be interrupted
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            if fresh_file:
                db.execute("PRAGMA journal_mode = DELETE")
    return len(box)


def _insert_rows(db, table, rows, columns, shared, progress):
    """INSERT every row: {field: list} ``rows`` and the Series ``columns``; the ``shared``
    groups through temporary tables joined to a staging table in one INSERT ... SELECT."""
    grouped = {name for group in shared for name in group}
    rows.update((n, python_values(c)) for n, c in columns.items() if n not in grouped)
    if not shared:
        db.executemany(
            f"INSERT INTO {_quoted(table)} ({_listed(rows)}) "
            f"VALUES ({', '.join('?' * len(rows))})",
            zip(*rows.values()),
        )
        progress(0.85)
        return
    names = list(rows) + [name for group in shared for name in group]
    # the staged table's own rowid (1, 2, ...) gives the first column, the fid
    key, fids = next(iter(rows.items()))
    del rows[key]
    selected = [f"r.rowid + {int(fids[0]) - 1}"] + [f"r.{_quoted(name)}" for name in rows]
    joins, packed, shift = [], np.zeros(len(fids), np.int64), 0
    for k, group in enumerate(shared):
        codes, first = _group_codes([columns[name] for name in group])
        lookup = f"symbiosis_group_{k}"
        db.execute(f"CREATE TEMP TABLE {lookup} (k INTEGER PRIMARY KEY, {_listed(group)})")
        db.executemany(
            f"INSERT INTO temp.{lookup} VALUES ({', '.join('?' * (len(group) + 1))})",
            zip(range(len(first)), *(python_values(columns[n].iloc[first]) for n in group)),
        )
        bits = max(int(len(first) - 1).bit_length(), 1)
        if shift + bits <= 62:  # the groups' codes share one integer: fewer values to bind
            packed |= codes.astype(np.int64) << shift
            code = f"((r.symbiosis_codes >> {shift}) & {(1 << bits) - 1})"
            shift += bits
        else:
            rows[lookup] = codes.tolist()
            code = f"r.{lookup}"
        joins.append(f"CROSS JOIN temp.{lookup} AS g{k} ON g{k}.k = {code}")
        selected += [f"g{k}.{_quoted(name)}" for name in group]
    rows["symbiosis_codes"] = packed.tolist()
    db.execute(f"CREATE TEMP TABLE symbiosis_rows ({_listed(rows)})")
    db.executemany(
        f"INSERT INTO temp.symbiosis_rows VALUES ({', '.join('?' * len(rows))})",
        zip(*rows.values()),
    )
    rows.clear()  # SQLite holds them now
    progress(0.5)
    db.execute(
        f"INSERT INTO {_quoted(table)} ({_listed(names)}) SELECT {', '.join(selected)} "
        f"FROM temp.symbiosis_rows AS r {' '.join(joins)} ORDER BY r.rowid"
    )
    for k in range(len(shared)):
        db.execute(f"DROP TABLE temp.symbiosis_group_{k}")
    db.execute("DROP TABLE temp.symbiosis_rows")
    progress(0.85)


def _group_codes(series):
    """(code of each row's combination of values, numbered in order of first appearance;
    the first row of each combination)."""
    combined, combinations = np.zeros(len(series[0]), np.int64), 1
    for values in series:
        if isinstance(values.dtype, pd.CategoricalDtype):  # its codes, NaN -1 -> 0: no hashing
            codes = values.cat.codes.to_numpy().astype(np.int64) + 1
            count = len(values.cat.categories) + 1
        else:
            codes, uniques = pd.factorize(values, use_na_sentinel=False)
            count = len(uniques)
        if combinations * count >= 2**62:  # renumber before int64 overflows
            combined, uniques_so_far = pd.factorize(combined)
            combinations = len(uniques_so_far)
        combined = combined * count + codes
        combinations *= count
    combined = pd.factorize(combined)[0]
    return combined, np.unique(combined, return_index=True)[1]


def python_values(column):
    """A Series as plain Python values, NaN and NA as None (NULL)."""
    if column.dtype.kind in "iuf" and not column.hasnans:
        return column.to_numpy().tolist()  # Python ints and floats, equal to the above
    values = column.astype(object)
    return values.where(column.notna(), None).tolist()


def _listed(names):
    return ", ".join(map(_quoted, names))


def _only_table(db):
    """True when the GeoPackage holds a single table: nothing else to protect from a crash."""
    return db.execute("SELECT COUNT(*) FROM gpkg_contents").fetchone()[0] == 1


def _has_fid(db, table):
    return any(row[1] == "fid" for row in db.execute(f"PRAGMA table_info({_quoted(table)})"))


class _IndexLoad:
    """Boxes into the R*Tree ``index``: bulk-loaded when it is empty (the packing runs on
    ``pool`` meanwhile), else inserted one by one by SQLite."""

    def __init__(self, db, index, fids, box, pool):
        self.db, self.index, self.fids, self.box = db, index, fids, box
        self.packing = None
        exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (index,)).fetchone()
        if not len(box) or not exists:
            self.index = None
            return
        (node_bytes,) = db.execute(
            f"SELECT length(data) FROM {_quoted(index + '_node')} WHERE nodeno = 1"
        ).fetchone()
        (indexed,) = db.execute(f"SELECT COUNT(*) FROM {_quoted(index + '_rowid')}").fetchone()
        if not indexed:
            self.packing = pool.submit(packed_rtree, fids, box, node_bytes)

    def write(self):
        db, index, fids = self.db, self.index, self.fids
        if index is None:
            return
        if self.packing is None:  # an index in use: SQLite inserts into it
            db.executemany(
                f"INSERT INTO {_quoted(index)} VALUES (?, ?, ?, ?, ?)",
                zip(fids.tolist(), *self.box.T.tolist()),
            )
            return
        nodes, leaf_of, parent_of = self.packing.result()
        for suffix in ("_node", "_rowid", "_parent"):
            db.execute(f"DELETE FROM {_quoted(index + suffix)}")
        db.executemany(f"INSERT INTO {_quoted(index + '_node')} VALUES (?, ?)", nodes)
        # one JSON array parsed by SQLite: about twice as fast as 2 million bound rows
        db.execute(
            f"INSERT INTO {_quoted(index + '_rowid')} (rowid, nodeno) "
            "SELECT key + ?, value FROM json_each(?)",
            (int(fids[0]), json.dumps(leaf_of.tolist())),
        )
        db.executemany(
            f"INSERT INTO {_quoted(index + '_parent')} VALUES (?, ?)",
            zip(range(2, len(parent_of) + 2), parent_of.tolist()),
        )


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
            f"SELECT {_listed([key, geometry, *fields])} FROM {_quoted(table)} "
            f"ORDER BY {_quoted(key)}"
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
            f"SELECT {_listed([key, *fields])} FROM {_quoted(table)} ORDER BY {_quoted(key)}"
        ).fetchall()
    columns = list(zip(*rows)) if rows else [()] * (len(fields) + 1)
    return list(columns[0]), dict(zip(fields, map(list, columns[1:])))


def _read_only(path):
    return sqlite3.connect("file:" + quote(os.path.abspath(path)) + "?mode=ro", uri=True)


def _primary_key(db, table):
    info = db.execute(f"PRAGMA table_info({_quoted(table)})").fetchall()
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


def _update_contents(db, table, box):
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
            "UPDATE gpkg_ogr_contents SET feature_count = "
            f"(SELECT COUNT(*) FROM {_quoted(table)}) WHERE table_name = ?",
            (table,),
        )


def _extent(box):
    return [box[:, 0].min(), box[:, 1].max(), box[:, 2].min(), box[:, 3].max()]


def _quoted(name):
    return '"' + name.replace('"', '""') + '"'
