"""GeoPackage line tables written in bulk: millions of lines without a QgsFeature each.

Through a Processing sink every feature is a QgsFeature built in Python and an OGR insert
that updates the spatial index row by row: about 2 minutes for the 2 million candidates of
100,000 enterprises. A GeoPackage is an SQLite file, so the sink only creates the table
(fields, CRS, spatial index) and is closed empty; then:

- in a fresh file (the table is its only one, empty), the rows and the spatial index's row
  table are written as SQLite pages (sqlite_pages.py: about 3 s for 2 million rows where
  INSERTs took 11 s), then the index nodes, AUTOINCREMENT sequence, extent and feature count
  by SQL, as OGR keeps them;
- otherwise (a file with other tables, an index in use, values SQLite must convert) the
  index triggers are set aside while SQLite INSERTs the rows, then restored. Fields whose
  values repeat together (those of a supply flow, say) go once per distinct combination into
  a temporary table, and one INSERT ... SELECT joins them to the staged rows.

The spatial index (an SQLite R*Tree) of an empty table is bulk-loaded: inserting 2 million
boxes one by one into the virtual table takes 35 s (GDAL's CreateSpatialIndex too), while a
packed tree (gpkg_rtree.py) written straight into the R*Tree's shadow tables takes about a
second. `SELECT rtreecheck(...)` accepts the result and later edits by QGIS go through the
usual triggers into a valid tree.

Reading is in gpkg_read.py.
"""

import json
import os
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing

import numpy as np
import pandas as pd

from .gpkg_rtree import packed_rtree
from .sqlite_pages import Integers, Reals, RowidAlias, TablePages, column_of

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


def line_blob_records(starts, ends, srs_id, box=None):
    """GeoPackage geometry blobs of 2D lines from starts (n, 2) to ends (n, 2), as numpy
    records of their bytes; box: their envelopes when already known."""
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
    return blobs


def _as_bytes(records):
    """Numpy records as a list of bytes objects, one per record."""
    return records.view(np.dtype((np.void, records.dtype.itemsize))).tolist()


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
            f"SELECT COALESCE(MAX(rowid), 0) + 1 FROM {quoted(table)}"
        ).fetchone()
        fresh_file = _only_table(db) and first_fid == 1
        if fresh_file:  # a crash leaves a broken new file either way: no fsync. The journal
            # stays: new pages are not journaled, and a cancel must be able to roll back
            db.execute("PRAGMA synchronous = OFF")
        line = _Lines(table, geometry, srs_id, starts, ends, first_fid)
        if fresh_file:
            written = _append_as_pages(db, path, line, columns, shared, progress, is_canceled)
            if written is not _BY_SQL:
                return written
        _append_by_sql(db, line, columns, shared, progress)
    return len(line.box)


class _Lines:
    """The table the rows go to and their lines: envelopes, fids from ``first_fid``; also
    the geometry column's encoding for sqlite_pages (encode)."""

    def __init__(self, table, geometry, srs_id, starts, ends, first_fid):
        self.table, self.geometry, self.srs_id = table, geometry, srs_id
        self.starts, self.ends = starts, ends
        self.box = envelopes(starts, ends)
        self.fids = np.arange(first_fid, first_fid + len(self.box))
        self.index = f"rtree_{table}_{geometry}"

    def encode(self, rows):
        """The geometry column for sqlite_pages, made batch by batch (all 2 million blobs at
        once would be 165 MB of fresh memory)."""
        records = line_blob_records(
            self.starts[rows], self.ends[rows], self.srs_id, self.box[rows]
        )
        blobs = records.view(np.uint8).reshape(len(records), -1)
        size = np.full(len(records), blobs.shape[1])
        return np.full(len(records), 2 * blobs.shape[1] + 12), blobs, None, size


def _append_by_sql(db, line, columns, shared, progress):
    """The rows INSERTed by SQLite, the index triggers set aside meanwhile."""
    table, geometry = line.table, line.geometry
    db.execute("BEGIN")
    try:
        triggers = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
            (table,),
        ).fetchall()
        for name, _ in triggers:  # they call OGR's SQL functions, unknown to plain SQLite
            db.execute(f"DROP TRIGGER {quoted(name)}")
        key = "fid" if _has_fid(db, table) else "rowid"
        blobs = line_blob_records(line.starts, line.ends, line.srs_id, line.box)
        rows = {key: line.fids.tolist(), geometry: _as_bytes(blobs)}
        progress(0.1)
        with ThreadPoolExecutor(max_workers=1) as pool:  # packed while SQLite inserts
            index = _IndexLoad(db, line.index, line.fids, line.box, pool)
            _insert_rows(db, table, rows, columns, [g for g in shared if g], progress)
            index.write()
        progress(0.95)
        for _, sql in triggers:
            db.execute(sql)
        _update_contents(db, table, line.box)
        db.execute("COMMIT")
    except BaseException:
        db.set_progress_handler(None, 0)  # the rollback must not be interrupted
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


_BY_SQL = "by SQL"  # the page writer does not cover this file or these values


def _append_as_pages(db, path, line, columns, shared, progress, is_canceled):
    """The rows and their index's row table written as pages (sqlite_pages.py) into a fresh
    file's empty table, then the index nodes, sequence and contents by SQL. Returns the
    number of rows, None when canceled (the file as it was), or _BY_SQL."""
    db.execute("BEGIN EXCLUSIVE")  # held while the pages are written: no one reads half
    pages = None
    try:
        layout = _page_layout(db, line) if len(line.box) else None
        pages = TablePages.open(path) if layout is not None else None
        columns = _page_columns(layout, line, columns, shared) if pages is not None else None
        if columns is None:
            db.execute("ROLLBACK")
            return _BY_SQL
        roots, node_bytes = layout[1:]
        progress(0.05)
        with ThreadPoolExecutor(max_workers=1) as pool:  # packed while the rows are encoded
            packing = None
            if node_bytes:
                packing = pool.submit(packed_rtree, line.fids, line.box, node_bytes)
            written = pages.write_table(
                roots[line.table],
                line.fids,
                columns,
                is_canceled,
                progress=lambda fraction: progress(0.05 + 0.85 * fraction),
            )
            tree = packing.result() if packing is not None and written else None
        if tree is not None:
            rowid_table = [RowidAlias(), Integers(tree[1], np.ones(len(tree[1]), bool))]
            written = pages.write_table(roots[line.index + "_rowid"], line.fids, rowid_table)
        if written and is_canceled is not None and is_canceled():
            written = None  # the last word before the rows become visible
        if not written:
            pages.abort()
            db.execute("ROLLBACK")
            return None if written is None else _BY_SQL
        pages.finish()
        db.execute("COMMIT")
    except BaseException:
        if pages is not None and not pages.finished:
            pages.abort()
        db.set_progress_handler(None, 0)
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    finally:
        if pages is not None:
            pages.close()  # after SQLite let go of its lock: closing drops the process's locks
    progress(0.9)
    db.set_progress_handler(None, 0)  # the rows are in: what follows is short, and finishes
    db.execute("BEGIN")
    if tree is not None:
        _write_nodes(db, line.index, *tree)
    if db.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence' AND "
        "(SELECT sql FROM sqlite_master WHERE name = ?) LIKE '%AUTOINCREMENT%'",
        (line.table,),
    ).fetchone():
        db.execute("DELETE FROM sqlite_sequence WHERE name = ?", (line.table,))
        db.execute(
            "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)",
            (line.table, int(line.fids[-1])),
        )
    _update_contents(db, line.table, line.box, count=len(line.box))
    db.execute("COMMIT")
    progress(0.95)
    return len(line.box)


# triggers OGR puts on a GeoPackage table, kept in step by _append_as_pages itself
_OGR_TRIGGERS = ("rtree_{table}_{geometry}_", "trigger_insert_feature_count_{table}")
_OGR_TRIGGERS += ("trigger_delete_feature_count_{table}",)


def _page_layout(db, line):
    """(columns of the table, {table: root page}, index node size or 0) when its rows can be
    written as pages: a rowid table with no SQL index, OGR's triggers only, an empty index;
    else None."""
    table, index = line.table, line.index
    names = [table, index + "_rowid"]
    catalogue = db.execute(
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master WHERE tbl_name IN (?, ?)",
        names,
    ).fetchall()
    known = tuple(t.format(table=table, geometry=line.geometry) for t in _OGR_TRIGGERS)
    roots = {}
    for kind, name, _, root, sql in catalogue:
        if kind == "index" or (kind == "trigger" and not name.startswith(known)):
            return None
        if kind == "table":
            if "WITHOUT ROWID" in (sql or "").upper() or "CHECK" in (sql or "").upper():
                return None
            roots[name] = root
    node_bytes = 0
    if index + "_rowid" in roots:
        (indexed,) = db.execute(f"SELECT COUNT(*) FROM {quoted(index + '_rowid')}").fetchone()
        if indexed:
            return None
        (node_bytes,) = db.execute(
            f"SELECT length(data) FROM {quoted(index + '_node')} WHERE nodeno = 1"
        ).fetchone()
    info = db.execute(f"PRAGMA table_info({quoted(table)})").fetchall()
    return info, roots, node_bytes


def _page_columns(layout, line, columns, shared):
    """One sqlite_pages encoding per column of the table, or None when a value needs SQLite
    (a NOT NULL or defaulted column, text in a number column...)."""
    info = layout[0]
    declared = {row[1]: row[2] for row in info}
    if not set(columns) <= set(declared):
        return None
    encoded = {}
    for group in (g for g in shared if g):  # text to factorize: each combination once
        if all(_encoded_as_is(columns[name]) for name in group):
            continue
        codes, first = _group_codes([columns[name] for name in group])
        for name in group:
            once = column_of(columns[name].iloc[first].reset_index(drop=True), declared[name])
            if once is None:
                return None
            encoded[name] = once.take(codes)
    for name, series in columns.items():
        if name not in encoded:
            encoded[name] = column_of(series.reset_index(drop=True), declared[name])
            if encoded[name] is None:
                return None
    keys = [row for row in info if row[5]]
    alias = keys[0][1] if len(keys) == 1 and keys[0][2].upper() == "INTEGER" else None
    result = []
    for _, name, _, not_null, default, _ in info:
        if name == alias:
            result.append(RowidAlias())
        elif not_null or (name not in columns and name != line.geometry and default is not None):
            return None
        elif name == line.geometry:
            result.append(line)
        elif name in encoded:
            result.append(encoded[name])
        else:  # a field not given: NULL
            result.append(Reals(np.full(len(line.box), np.nan)))
    return result


def _insert_rows(db, table, rows, columns, shared, progress):
    """INSERT every row: {field: list} ``rows`` and the Series ``columns``; the ``shared``
    groups through temporary tables joined to a staging table in one INSERT ... SELECT."""
    grouped = {name for group in shared for name in group}
    rows.update((n, python_values(c)) for n, c in columns.items() if n not in grouped)
    if not shared:
        db.executemany(
            f"INSERT INTO {quoted(table)} ({listed(rows)}) VALUES ({', '.join('?' * len(rows))})",
            zip(*rows.values()),
        )
        progress(0.85)
        return
    names = list(rows) + [name for group in shared for name in group]
    # the staged table's own rowid (1, 2, ...) gives the first column, the fid
    key, fids = next(iter(rows.items()))
    del rows[key]
    selected = [f"r.rowid + {int(fids[0]) - 1}"] + [f"r.{quoted(name)}" for name in rows]
    joins, packed, shift = [], np.zeros(len(fids), np.int64), 0
    for k, group in enumerate(shared):
        codes, first = _group_codes([columns[name] for name in group])
        lookup = f"symbiosis_group_{k}"
        db.execute(f"CREATE TEMP TABLE {lookup} (k INTEGER PRIMARY KEY, {listed(group)})")
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
        selected += [f"g{k}.{quoted(name)}" for name in group]
    rows["symbiosis_codes"] = packed.tolist()
    db.execute(f"CREATE TEMP TABLE symbiosis_rows ({listed(rows)})")
    db.executemany(
        f"INSERT INTO temp.symbiosis_rows VALUES ({', '.join('?' * len(rows))})",
        zip(*rows.values()),
    )
    rows.clear()  # SQLite holds them now
    progress(0.5)
    db.execute(
        f"INSERT INTO {quoted(table)} ({listed(names)}) SELECT {', '.join(selected)} "
        f"FROM temp.symbiosis_rows AS r {' '.join(joins)} ORDER BY r.rowid"
    )
    for k in range(len(shared)):
        db.execute(f"DROP TABLE temp.symbiosis_group_{k}")
    db.execute("DROP TABLE temp.symbiosis_rows")
    progress(0.85)


def _encoded_as_is(series):
    """True when a column is encoded without hashing its values: numbers, categories."""
    return isinstance(series.dtype, pd.CategoricalDtype) or series.dtype.kind in "iufb"


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


def listed(names):
    """SQL identifiers, quoted, comma-separated."""
    return ", ".join(map(quoted, names))


def _only_table(db):
    """True when the GeoPackage holds a single table: nothing else to protect from a crash."""
    return db.execute("SELECT COUNT(*) FROM gpkg_contents").fetchone()[0] == 1


def _has_fid(db, table):
    return any(row[1] == "fid" for row in db.execute(f"PRAGMA table_info({quoted(table)})"))


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
            f"SELECT length(data) FROM {quoted(index + '_node')} WHERE nodeno = 1"
        ).fetchone()
        (indexed,) = db.execute(f"SELECT COUNT(*) FROM {quoted(index + '_rowid')}").fetchone()
        if not indexed:
            self.packing = pool.submit(packed_rtree, fids, box, node_bytes)

    def write(self):
        db, index, fids = self.db, self.index, self.fids
        if index is None:
            return
        if self.packing is None:  # an index in use: SQLite inserts into it
            db.executemany(
                f"INSERT INTO {quoted(index)} VALUES (?, ?, ?, ?, ?)",
                zip(fids.tolist(), *self.box.T.tolist()),
            )
            return
        nodes, leaf_of, parent_of = self.packing.result()
        db.execute(f"DELETE FROM {quoted(index + '_rowid')}")
        # one JSON array parsed by SQLite: about twice as fast as 2 million bound rows
        db.execute(
            f"INSERT INTO {quoted(index + '_rowid')} (rowid, nodeno) "
            "SELECT key + ?, value FROM json_each(?)",
            (int(fids[0]), json.dumps(leaf_of.tolist())),
        )
        _write_nodes(db, index, nodes, leaf_of, parent_of)


def _write_nodes(db, index, nodes, leaf_of, parent_of):
    """The packed tree's nodes and their parents in place of the index's empty root."""
    for suffix in ("_node", "_parent"):
        db.execute(f"DELETE FROM {quoted(index + suffix)}")
    db.executemany(f"INSERT INTO {quoted(index + '_node')} VALUES (?, ?)", nodes)
    db.executemany(
        f"INSERT INTO {quoted(index + '_parent')} VALUES (?, ?)",
        zip(range(2, len(parent_of) + 2), parent_of.tolist()),
    )


def _update_contents(db, table, box, count=None):
    """Extent and feature count as OGR keeps them; ``count`` when known (else counted)."""
    if len(box):
        db.execute(
            "UPDATE gpkg_contents SET min_x = MIN(COALESCE(min_x, ?), ?), "
            "max_x = MAX(COALESCE(max_x, ?), ?), min_y = MIN(COALESCE(min_y, ?), ?), "
            "max_y = MAX(COALESCE(max_y, ?), ?), "
            "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?",
            (*np.repeat(_extent(box), 2).tolist(), table),
        )
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
        counted = f"(SELECT COUNT(*) FROM {quoted(table)})" if count is None else int(count)
        db.execute(
            f"UPDATE gpkg_ogr_contents SET feature_count = {counted} WHERE table_name = ?",
            (table,),
        )


def _extent(box):
    return [box[:, 0].min(), box[:, 1].max(), box[:, 2].min(), box[:, 3].max()]


def quoted(name):
    """An SQL identifier in double quotes."""
    return '"' + name.replace('"', '""') + '"'
