"""processing/sqlite_pages.py: rows of an empty SQLite table written as B-tree pages.

Everything is checked against SQLite itself: the same rows INSERTed by SQLite into a
reference table read back equal, value and type (`typeof`), `PRAGMA integrity_check` walks
the written tree, later edits by SQLite keep it valid, and GeoPackages written through
gpkg_bulk.append_lines open in OGR with a valid R*Tree. Both encoders run: numba's when it
is installed, numpy's (the module's compiled kernels set to None) always.
"""

import os
import sqlite3
import struct
import subprocess
from contextlib import closing, contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr, osr

from symbiosis_qgis.processing import gpkg_bulk, sqlite_pages
from symbiosis_qgis.processing.sqlite_pages import (
    Blobs,
    Integers,
    Reals,
    RowidAlias,
    TablePages,
    Texts,
    column_of,
)

INTEGERS = [0, 1, -1, 127, 128, -129, 40000, -(2**31), 2**40, -(2**50), 2**62]
# each width's limits (1, 2, 3, 4, 6, 8 bytes): the values it holds at each end, and beyond
INTEGERS += [
    value
    for limit in (2**7, 2**15, 2**23, 2**31, 2**47)
    for value in (limit - 1, -limit, limit, -limit - 1)
]
INTEGERS += [2**63 - 1, -(2**63)]
TEXTS = ["", "ash", "шлак доменный", "x" * 300, None]
# NaN is NULL; -0.0, infinities and a subnormal must come back as SQLite keeps them
REALS = [np.nan, 0.0, -0.0, np.inf, -np.inf, 5e-324, 1.5, -2.25e300]
# whole floats SQLite stores as integers in an INTEGER column (2**62 too), NaN as NULL
WHOLE_FLOATS = [np.nan, -0.0, 3.0, -7.0, 2.0**52, 2.0**62, -(2.0**62)]
SCHEMA = (
    "fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom BLOB, i INTEGER, s TEXT, r REAL, "
    "kind TEXT, whole INTEGER"
)
VALUE_COLUMNS = ["i", "s", "r", "kind", "whole"]
SELECTED = "fid, geom, i, s, r, kind, whole, " + ", ".join(
    f"typeof({name})" for name in ["geom", *VALUE_COLUMNS]
)


@pytest.fixture(params=["numba", "numpy"])
def engine(request, monkeypatch):
    """The encoder under test: numba's kernels, or numpy's (the kernels hidden)."""
    if request.param == "numba":
        if sqlite_pages._compiled_leaves is None:
            pytest.skip("numba is not installed")
    else:
        monkeypatch.setattr(sqlite_pages, "_compiled_leaves", None)
    return request.param


def shuffled(values, n, rng, dtype=object):
    """n values cycling through ``values`` (each of them present once n >= len(values))."""
    return rng.permutation(np.resize(np.array(values, dtype), n))


def sample_rows(n, seed=0):
    """(blobs (n, 77), blob present, {column: Series}) of every kind the writer encodes."""
    rng = np.random.default_rng(seed)
    reals = rng.normal(0, 1e6, n)
    reals[: min(n, len(REALS))] = REALS[: min(n, len(REALS))]
    whole = rng.integers(-1000, 1000, n).astype(float)
    whole[rng.random(n) < 0.1] = np.nan
    whole[: min(n, len(WHOLE_FLOATS))] = WHOLE_FLOATS[: min(n, len(WHOLE_FLOATS))]
    columns = {
        "i": pd.Series(shuffled(INTEGERS, n, rng, np.int64)),
        "s": pd.Series(shuffled(TEXTS, n, rng)),
        "r": pd.Series(rng.permutation(reals)),
        "kind": pd.Series(pd.Categorical(shuffled(["coal", "шлак", None], n, rng))),
        "whole": pd.Series(rng.permutation(whole)),
    }
    blobs = rng.integers(0, 256, (n, 77)).astype(np.uint8)
    present = rng.random(n) > 0.05
    present[0] = n == 1 or present[0]
    return blobs, present, columns


def python_values(series):
    return series.astype(object).where(series.notna(), None).tolist()


def reference_db(n, blobs, present, columns):
    """The same rows INSERTed by SQLite, bound from Python."""
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE TABLE t ({SCHEMA})")
    geoms = [bytes(b) if p else None for b, p in zip(blobs, present)]
    db.executemany(
        "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)",
        zip(range(1, n + 1), geoms, *(python_values(columns[c]) for c in VALUE_COLUMNS)),
    )
    return db


def empty_table(path, page_size, schema=SCHEMA, **pragmas):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA page_size = {page_size}")
    for name, value in pragmas.items():
        db.execute(f"PRAGMA {name} = {value}")
    db.execute("CREATE TABLE other (a)")  # the table written is not the first one
    db.execute("INSERT INTO other VALUES ('before')")
    db.execute(f"CREATE TABLE t ({schema})")
    db.close()


def write_pages(path, rowids, encodings, table="t", **options):
    """The caller's protocol (gpkg_bulk._append_as_pages): write_table's answer."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN EXCLUSIVE")
        (root,) = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,)  # root cached
        pages = TablePages.open(path)
        assert pages is not None, "a plain rollback-journal file is supported"
        try:
            written = pages.write_table(root, rowids, encodings, **options)
            if written:
                pages.finish()
                db.execute("COMMIT")
                # the writer's own connection sees the rows: the change counter told it
                # its cached pages are stale
                count = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
                assert count == (len(rowids),)
                header = Path(path).read_bytes()[:100]
                assert header[24:28] == header[92:96], "the page count is valid, as SQLite has it"
                page_size = int.from_bytes(header[16:18], "big")
                page_size = 65536 if page_size == 1 else page_size
                pages_in_file = os.path.getsize(path) // page_size
                assert int.from_bytes(header[28:32], "big") == pages_in_file
            else:
                pages.abort()
                db.execute("ROLLBACK")
        finally:
            pages.close()
    finally:
        db.close()
    return written


def sample_encodings(blobs, present, columns):
    declared = {"i": "INTEGER", "s": "TEXT", "r": "REAL", "kind": "TEXT", "whole": "INTEGER"}
    encodings = [RowidAlias(), Blobs(blobs, present)]
    for name in VALUE_COLUMNS:
        encoded = column_of(columns[name], declared[name])
        assert encoded is not None, name
        encodings.append(encoded)
    return encodings


@contextmanager
def abandoned_write(path, table="t"):
    """The caller's protocol up to write_table, then what append_lines does when it answers
    False or None: abort (the file cut back) and ROLLBACK. Yields (db, pages, root)."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN EXCLUSIVE")
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    pages = TablePages.open(path)
    try:
        yield db, pages, root
        pages.abort()
        db.execute("ROLLBACK")
    finally:
        pages.close()


def integrity(db):
    return db.execute("PRAGMA integrity_check").fetchall()


def rows_of(db, where=""):
    return db.execute(f"SELECT {SELECTED} FROM t {where} ORDER BY fid").fetchall()


# ------------------------------------------------------------------ rows as SQLite stores them
@pytest.mark.parametrize(
    "n, page_size",
    [
        (1, 4096),
        (5, 4096),
        (30, 4096),
        (1000, 4096),
        (50_000, 4096),
        (30, 512),
        (5_000, 512),
        (5, 65536),
        (1000, 65536),
        (20_000, 65536),
    ],
)
def test_rows_read_back_as_sqlite_inserts_them(tmp_path, engine, n, page_size):
    path = str(tmp_path / "pages.db")
    empty_table(path, page_size)
    blobs, present, columns = sample_rows(n, seed=n)
    rowids = np.arange(1, n + 1)
    assert write_pages(path, rowids, sample_encodings(blobs, present, columns)) is True

    ref = reference_db(n, blobs, present, columns)
    db = sqlite3.connect(path, isolation_level=None)
    assert integrity(db) == [("ok",)]
    assert rows_of(db) == rows_of(ref)
    sample = ", ".join(map(str, np.random.default_rng(1).integers(1, n + 1, 20)))
    assert rows_of(db, f"WHERE fid IN ({sample})") == rows_of(ref, f"WHERE fid IN ({sample})")
    assert db.execute("SELECT * FROM other").fetchall() == [("before",)]

    # later edits go through SQLite as usual: same result as on the reference table
    db.execute("INSERT INTO t (s) VALUES ('later')")
    assert db.execute("SELECT last_insert_rowid()").fetchone() == (n + 1,)
    for edits in (db, ref):
        if edits is ref:
            edits.execute("INSERT INTO t (s) VALUES ('later')")
        edits.execute("DELETE FROM t WHERE fid % 3 = 0")
        edits.execute(f"DELETE FROM t WHERE fid BETWEEN {n // 4} AND {n // 2}")
        edits.execute("UPDATE t SET s = s || ' (edited)' WHERE fid % 5 = 1")
    assert integrity(db) == [("ok",)]
    assert rows_of(db) == rows_of(ref)


def test_many_batches_make_one_tree(tmp_path, engine, monkeypatch):
    """Rows encoded a few at a time (each batch's last leaf part full) still form one tree;
    progress reaches 1."""
    monkeypatch.setattr(sqlite_pages, "_CHUNK_BYTES", 30_000)  # ~60 rows a batch
    path = str(tmp_path / "batches.db")
    empty_table(path, 1024)
    n = 3_000
    blobs, present, columns = sample_rows(n, seed=7)
    fractions = []
    written = write_pages(
        path,
        np.arange(1, n + 1),
        sample_encodings(blobs, present, columns),
        progress=fractions.append,
    )
    assert written is True
    assert len(fractions) > 10 and fractions == sorted(fractions) and fractions[-1] == 1.0
    db = sqlite3.connect(path)
    assert integrity(db) == [("ok",)]
    assert rows_of(db) == rows_of(reference_db(n, blobs, present, columns))


def test_sparse_rowids_and_the_largest_rowid(tmp_path, engine):
    """Rowids with gaps, up to the largest the writer accepts (5-byte varints)."""
    path = str(tmp_path / "rowids.db")
    empty_table(path, 512, schema="fid INTEGER PRIMARY KEY, v INTEGER")
    rng = np.random.default_rng(3)
    rowids = np.unique(rng.integers(1, 2**35 - 1, 4000))
    rowids[-1] = 2**35 - 1
    values = pd.Series(rng.integers(-(2**40), 2**40, len(rowids)))
    assert write_pages(path, rowids, [RowidAlias(), column_of(values, "INTEGER")]) is True
    db = sqlite3.connect(path)
    assert integrity(db) == [("ok",)]
    got = db.execute("SELECT fid, v FROM t ORDER BY fid").fetchall()
    assert got == list(zip(rowids.tolist(), values.tolist()))
    assert db.execute("SELECT v FROM t WHERE fid = ?", (int(rowids[1234]),)).fetchone() == (
        int(values[1234]),
    )


@pytest.mark.parametrize(
    "rowids",
    [[0, 1, 2], [1, 3, 3], [2, 1], [1, 2**35]],
    ids=["zero", "repeated", "descending", "too-large"],
)
def test_bad_rowids_are_refused(tmp_path, rowids):
    path = str(tmp_path / "bad.db")
    empty_table(path, 4096, schema="fid INTEGER PRIMARY KEY, v INTEGER")
    before = Path(path).read_bytes()
    values = Integers(np.arange(len(rowids)), np.ones(len(rowids), bool))
    assert write_pages(path, np.array(rowids), [RowidAlias(), values]) is False
    assert Path(path).read_bytes() == before


def varint(data, at):
    """An SQLite varint at ``at``: (value, where it ends)."""
    value = 0
    for k in range(9):
        byte = data[at + k]
        if k == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + k + 1


def tree_in_order(data, page_size, number, depth=0):
    """The table B-tree under page ``number`` in key order, page numbers left out (batches
    may be numbered in any order): (depth, type, cells) per page, leaf cells as bytes,
    interior cells as their keys."""
    page = page_bytes(data, page_size, number)
    kind, count = page[0], int.from_bytes(page[3:5], "big")
    header = 8 if kind == 13 else 12
    pointers = page[header : header + 2 * count]
    starts = [int.from_bytes(pointers[k : k + 2], "big") for k in range(0, 2 * count, 2)]
    if kind == 13:
        cells = []
        for at in starts:
            payload, end = varint(page, at)
            cells.append(bytes(page[at : varint(page, end)[1] + payload]))
        return [(depth, kind, cells)]
    assert kind == 5, (number, kind)
    keys = [varint(page, at + 4)[0] for at in starts]
    children = [int.from_bytes(page[at : at + 4], "big") for at in starts]
    children.append(int.from_bytes(page[8:12], "big"))  # the right-most child
    tree = [(depth, kind, keys)]
    for child in children:
        tree += tree_in_order(data, page_size, child, depth + 1)
    return tree


def test_engines_put_the_same_cells_on_the_same_pages(tmp_path, monkeypatch):
    """numba and numpy both fill each page as full as it goes (numba lays cells out from the
    page's end down, numpy in order: the bytes differ, the trees' cells do not)."""
    if sqlite_pages._compiled_leaves is None:
        pytest.skip("numba is not installed")
    monkeypatch.setattr(sqlite_pages, "_CHUNK_BYTES", 300_000)  # a few batches
    n, page_size = 20_000, 1024
    blobs, present, columns = sample_rows(n, seed=11)
    trees, sizes = [], []
    for engine in ("numba", "numpy"):
        if engine == "numpy":
            monkeypatch.setattr(sqlite_pages, "_compiled_leaves", None)
        path = str(tmp_path / f"{engine}.db")
        empty_table(path, page_size)
        assert write_pages(path, np.arange(1, n + 1), sample_encodings(blobs, present, columns))
        with closing(sqlite3.connect(path)) as db:
            (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 't'").fetchone()
        trees.append(tree_in_order(Path(path).read_bytes(), page_size, root))
        sizes.append(os.path.getsize(path))
    assert sizes[0] == sizes[1]
    assert len(trees[0]) > 100 and max(depth for depth, _, _ in trees[0]) >= 2
    assert trees[0] == trees[1]


def test_many_columns_need_a_two_byte_record_header(tmp_path, engine):
    """A record header of 128 bytes or more takes a 2-byte size varint."""
    names = [f"c{k}" for k in range(140)]
    schema = "fid INTEGER PRIMARY KEY, " + ", ".join(f"{name} INTEGER" for name in names)
    path = str(tmp_path / "wide.db")
    empty_table(path, 4096, schema=schema)
    n = 50
    rng = np.random.default_rng(5)
    values = rng.integers(-300, 300, (n, len(names)))
    encodings = [RowidAlias()] + [Integers(values[:, k], values[:, k] != 0) for k in range(140)]
    assert write_pages(path, np.arange(1, n + 1), encodings) is True
    db = sqlite3.connect(path)
    assert integrity(db) == [("ok",)]
    got = np.array(db.execute(f"SELECT {', '.join(names)} FROM t ORDER BY fid").fetchall(), float)
    assert np.array_equal(np.nan_to_num(got), values)


# ------------------------------------------------------------------ tree shape
def page_bytes(data, page_size, number):
    return data[(number - 1) * page_size : number * page_size]


def leftmost_path(path, page_size, root):
    """Type bytes of the pages from the root down its first children to a leaf."""
    data = Path(path).read_bytes()
    kinds, number = [], root
    while True:
        page = page_bytes(data, page_size, number)
        kinds.append(page[0])
        if page[0] != 5:
            return kinds
        first_cell = int.from_bytes(page[12:14], "big")
        number = int.from_bytes(page[first_cell : first_cell + 4], "big")


def test_interior_pages_over_interior_pages(tmp_path, engine):
    path = str(tmp_path / "deep.db")
    empty_table(path, 512, schema="fid INTEGER PRIMARY KEY, v INTEGER")
    n = 200_000
    values = np.arange(n) % 100
    written = write_pages(
        path, np.arange(1, n + 1), [RowidAlias(), Integers(values, np.ones(n, bool))]
    )
    assert written is True
    db = sqlite3.connect(path)
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 't'").fetchone()
    kinds = leftmost_path(path, 512, root)
    assert kinds[:2] == [5, 5] and kinds[-1] == 13 and len(kinds) >= 3, kinds
    assert integrity(db) == [("ok",)]
    assert db.execute("SELECT COUNT(*), SUM(v), MAX(fid) FROM t").fetchone() == (
        n,
        int(values.sum()),
        n,
    )


# ------------------------------------------------------------------ rows too big, abort
def text_rows(texts):
    return [RowidAlias(), column_of(pd.Series(texts, dtype=object), "TEXT")]


@pytest.mark.parametrize("page_size", [512, 4096])
def test_largest_row_a_leaf_holds(tmp_path, engine, page_size):
    """A payload of page size - 35 bytes stays on the leaf; one byte more needs overflow."""
    path = str(tmp_path / "edge.db")
    empty_table(path, page_size, schema="fid INTEGER PRIMARY KEY, s TEXT")
    longest = page_size - 35 - 4  # record header: its size, NULL fid, 2-byte text serial
    texts = ["a", "y" * longest, "b"]
    assert write_pages(path, np.arange(1, 4), text_rows(texts)) is True
    db = sqlite3.connect(path)
    assert integrity(db) == [("ok",)]
    assert [r[0] for r in db.execute("SELECT s FROM t ORDER BY fid")] == texts
    db.close()
    path = str(tmp_path / "over.db")
    empty_table(path, page_size, schema="fid INTEGER PRIMARY KEY, s TEXT")
    assert write_pages(path, np.arange(1, 4), text_rows(["a", "y" * (longest + 1), "b"])) is False


@pytest.mark.parametrize("last_batch", [False, True], ids=["first-batch", "later-batch"])
def test_row_too_big_leaves_the_file_as_it_was(tmp_path, engine, last_batch):
    """write_table False, abort: byte-identical file, even after earlier batches' pages
    were appended (the 5,000-byte text in the last of two batches)."""
    path = str(tmp_path / "big.db")
    empty_table(path, 4096, schema="fid INTEGER PRIMARY KEY, s TEXT, v REAL")
    n = 20_000
    texts = [f"row {i}" for i in range(n)]
    texts[-1 if last_batch else 3] = "ж" * 2500  # 5,000 bytes of UTF-8
    before = Path(path).read_bytes()
    encodings = text_rows(texts) + [Reals(np.arange(n, dtype=float))]
    with abandoned_write(path) as (db, pages, root):
        assert pages.write_table(root, np.arange(1, n + 1), encodings) is False
        if last_batch:  # the first batch's pages went to the file already
            assert os.path.getsize(path) > len(before)
    assert Path(path).read_bytes() == before
    assert integrity(db) == [("ok",)]
    assert db.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)
    db.close()


def test_cancel_leaves_the_file_as_it_was(tmp_path, engine, monkeypatch):
    monkeypatch.setattr(sqlite_pages, "_CHUNK_BYTES", 30_000)
    path = str(tmp_path / "cancel.db")
    empty_table(path, 1024)
    n = 3_000
    blobs, present, columns = sample_rows(n, seed=2)
    before = Path(path).read_bytes()
    asked = []

    def is_canceled():
        asked.append(1)
        return len(asked) > 5  # after a few batches went to the file

    encodings = sample_encodings(blobs, present, columns)
    with abandoned_write(path) as (db, pages, root):
        written = pages.write_table(root, np.arange(1, n + 1), encodings, is_canceled)
        assert written is None
        assert os.path.getsize(path) > len(before)
    assert Path(path).read_bytes() == before
    db.close()


@pytest.mark.parametrize("length", [8185, 8186, 20_000])
def test_long_text_on_large_pages(tmp_path, engine, length):
    """A text or blob fits a 64 KiB leaf up to 65,497 bytes: written right, or refused.
    From 8,186 bytes on its serial type (2 * length + 13 or 12) takes a 3-byte varint
    (found here: counted as two bytes, the records were corrupt)."""
    path = str(tmp_path / "long.db")
    empty_table(path, 65536, schema="fid INTEGER PRIMARY KEY, s TEXT, b BLOB")
    texts = ["a", "z" * length, "b"]
    blobs = np.full((3, length), 7, np.uint8)
    encodings = text_rows(texts) + [Blobs(blobs, np.array([False, True, True]))]
    written = write_pages(path, np.arange(1, 4), encodings)
    if written is False:
        return  # refused: the caller inserts by SQL
    db = sqlite3.connect(path)
    assert integrity(db) == [("ok",)]
    got = db.execute("SELECT s, b FROM t ORDER BY fid").fetchall()
    assert got == [(t, None if k == 0 else bytes(blobs[k])) for k, t in enumerate(texts)]


# ------------------------------------------------------------------ unsupported files
def patched_header(path, offset, data):
    with open(path, "r+b") as file:
        file.seek(offset)
        file.write(data)


@pytest.mark.parametrize(
    "make",
    ["wal", "auto_vacuum_full", "auto_vacuum_incremental", "utf16", "reserved", "stale_count"],
)
def test_unsupported_files_are_not_opened(tmp_path, make):
    path = str(tmp_path / "other.db")
    pragmas = {
        "wal": {"journal_mode": "WAL"},
        "auto_vacuum_full": {"auto_vacuum": "FULL"},
        "auto_vacuum_incremental": {"auto_vacuum": "INCREMENTAL"},
        "utf16": {"encoding": "'UTF-16le'"},
    }
    empty_table(path, 4096, **pragmas.get(make, {}))
    if make == "reserved":  # bytes reserved at the end of each page (e.g. for a checksum)
        patched_header(path, 20, b"\x08")
    if make == "stale_count":  # written by an old SQLite: the page count is not to be trusted
        patched_header(path, 92, b"\x00\x00\x00\x63")
    pages = TablePages.open(path)
    assert pages is None
    # the same file without the difference is supported: the test sees the one field
    plain = str(tmp_path / "plain.db")
    empty_table(plain, 4096)
    opened = TablePages.open(plain)
    assert opened is not None
    opened.close()


def test_not_an_sqlite_file(tmp_path):
    """A file like a supported one but for its first 16 bytes."""
    path = str(tmp_path / "text.db")
    empty_table(path, 4096)
    patched_header(path, 0, b"SQLite format 2\x00")
    assert TablePages.open(path) is None


# ------------------------------------------------------------------ the lock page
@pytest.mark.parametrize("page_size, below", [(65536, 1), (65536, 2), (4096, 1)])
def test_lock_page_is_skipped(tmp_path, page_size, below):
    """Pages appended across the page holding byte 2**30 leave that page empty."""
    lock_page = 2**30 // page_size + 1
    page_count = lock_page - below
    path = tmp_path / "sparse.db"
    with open(path, "wb") as file:
        file.truncate(page_count * page_size)  # sparse: no disk used
    fd = os.open(path, os.O_RDWR)
    try:
        pages = TablePages(fd, page_size=page_size, page_count=page_count, file_size=0)
        content = np.repeat(np.array([[11], [22], [33]], np.uint8), page_size, axis=1)
        numbers = pages._append(content)
        expected = [n for n in range(page_count + 1, page_count + 5) if n != lock_page][:3]
        assert list(numbers) == expected
        assert pages.page_count == expected[-1]
        for number, fill in zip(expected, (11, 22, 33)):
            assert os.pread(fd, page_size, (number - 1) * page_size) == bytes([fill]) * page_size
        lock = os.pread(fd, page_size, (lock_page - 1) * page_size)
        assert lock == bytes(page_size)
        assert os.fstat(fd).st_size == expected[-1] * page_size
    finally:
        os.close(fd)


# ------------------------------------------------------------------ column_of
@pytest.mark.parametrize(
    "series, declared",
    [
        (pd.Series(["1.5", "x", None]), "REAL"),  # SQLite turns "1.5" into 1.5
        (pd.Series([1.5, 2.0]), "INTEGER"),  # 1.5 stays REAL, 2.0 becomes 2
        (pd.Series([1.0, 2.0**63]), "INTEGER"),  # beyond int64: SQLite keeps a REAL
        (pd.Series([1, 2]), "TEXT"),  # SQLite stores '1'
        (pd.Series([1.5]), "TEXT"),
        (pd.Series(["a", 3]), "TEXT"),  # mixed objects
        (pd.Series(pd.Categorical([1, 2])), "TEXT"),  # categories not text
        (pd.Series(["a"]), "INTEGER"),
        (pd.Series([1, 2]), "DATE"),  # NUMERIC affinity
        (pd.Series(pd.to_datetime(["2024-01-01"])), "TEXT"),
    ],
)
def test_values_sqlite_would_convert_are_left_to_it(series, declared):
    assert column_of(series, declared) is None


def test_column_of_picks_the_encoding_sqlite_stores():
    assert isinstance(column_of(pd.Series([1, 2]), "MEDIUMINT"), Integers)
    assert isinstance(column_of(pd.Series([1, 2]), "REAL"), Reals)
    assert isinstance(column_of(pd.Series([1.0, np.nan]), "INTEGER"), Integers)
    assert isinstance(column_of(pd.Series([0.5]), "DOUBLE"), Reals)
    assert isinstance(column_of(pd.Series(["a", None]), "VARCHAR(8)"), Texts)
    assert isinstance(column_of(pd.Series(pd.Categorical(["a"])), "TEXT"), Texts)
    assert isinstance(column_of(pd.Series([True, False]), "BLOB"), Integers)


# ------------------------------------------------------------------ through append_lines
def line_gpkg(path, second_table=False):
    """A fresh GeoPackage line table as a Processing sink makes it; second_table: another
    table beside it, so that append_lines goes by SQL."""
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = data.CreateLayer("lines", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("size", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("count", ogr.OFTInteger64))
    if second_table:
        data.CreateLayer("other", srs, ogr.wkbPoint)
    data = None


def line_columns(n, seed=0):
    rng = np.random.default_rng(seed)
    starts = np.array([500_000.0, 6_000_000.0]) + rng.random((n, 2)) * 50_000
    ends = starts + rng.normal(0, 5_000, (n, 2))
    columns = {
        "name": pd.Series(shuffled(["", "ash", "шлак", "x" * 300, None], n, rng)),
        "size": pd.Series(np.where(rng.random(n) < 0.1, np.nan, rng.normal(0, 100, n))),
        "count": pd.Series(rng.integers(-(2**40), 2**40, n)),
    }
    return columns, starts, ends


def line_blob(srs_id, start, end):
    """A GeoPackage 2D LineString blob with its envelope, built independently."""
    (x0, y0), (x1, y1) = start, end
    envelope = (min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1))
    header = b"GP" + struct.pack("<BBi4d", 0, 0b11, srs_id, *envelope)
    return header + struct.pack("<BII4d", 1, 2, 2, x0, y0, x1, y1)


def expected_lines(columns, starts, ends, srs_id=32645):
    """The rows as SQLite stores them when bound from Python into the same declared types."""
    ref = sqlite3.connect(":memory:")
    ref.execute(
        "CREATE TABLE lines (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT, size REAL, "
        "count INTEGER)"
    )
    n = len(starts)
    blobs = [line_blob(srs_id, starts[i], ends[i]) for i in range(n)]
    values = [python_values(columns[name]) for name in LINE_FIELDS]
    ref.executemany(
        "INSERT INTO lines VALUES (?, ?, ?, ?, ?)", zip(range(1, n + 1), blobs, *values)
    )
    return read_lines(ref)


LINE_FIELDS = ["name", "size", "count"]


def read_lines(db):
    return db.execute(
        "SELECT fid, geom, name, typeof(name), size, typeof(size), count, typeof(count) "
        "FROM lines ORDER BY fid"
    ).fetchall()


def check_gpkg(path, starts, ends):
    """Integrity, index, OGR's count, extent and sequence as after SQL inserts; the rows."""
    n = len(starts)
    db = sqlite3.connect(str(path))
    try:
        assert integrity(db) == [("ok",)]
        assert db.execute("SELECT rtreecheck('rtree_lines_geom')").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM rtree_lines_geom").fetchone() == (n,)
        count = db.execute(
            "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'lines'"
        )
        assert count.fetchone() == (n,)
        extent = "SELECT min_x, max_x, min_y, max_y FROM gpkg_contents WHERE table_name = 'lines'"
        points = np.vstack([starts, ends])
        assert db.execute(extent).fetchone() == (
            points[:, 0].min(),
            points[:, 0].max(),
            points[:, 1].min(),
            points[:, 1].max(),
        )
        sequence = "SELECT seq FROM sqlite_sequence WHERE name = 'lines'"
        assert db.execute(sequence).fetchone() == (n,)  # the next fid OGR gives is n + 1
        return read_lines(db)
    finally:
        db.close()


@pytest.fixture()
def page_calls(monkeypatch):
    """What TablePages.open and write_table answered during an append_lines."""
    calls = {"open": [], "write_table": []}
    open_file, write_table = TablePages.open, TablePages.write_table

    def spy_open(cls, path):
        pages = open_file(path)
        calls["open"].append(pages is not None)
        return pages

    def spy_write(self, *args, **kwargs):
        written = write_table(self, *args, **kwargs)
        calls["write_table"].append(written)
        return written

    monkeypatch.setattr(TablePages, "open", classmethod(spy_open))
    monkeypatch.setattr(TablePages, "write_table", spy_write)
    return calls


def test_pages_and_sql_paths_store_the_same(tmp_path, engine, page_calls):
    """A fresh file (pages) and a file with another table (SQL) read back equal, and equal
    to what SQLite stores for the same values."""
    columns, starts, ends = line_columns(3_000, seed=4)
    fresh, shared = tmp_path / "fresh.gpkg", tmp_path / "shared.gpkg"
    line_gpkg(fresh)
    line_gpkg(shared, second_table=True)
    assert gpkg_bulk.append_lines(str(fresh), None, columns, starts, ends) == 3_000
    assert page_calls["write_table"] == [True, True]  # the rows, then the index's rowids
    assert gpkg_bulk.append_lines(str(shared), "lines", columns, starts, ends) == 3_000
    assert page_calls["write_table"] == [True, True]  # no pages in a shared file
    expected = expected_lines(columns, starts, ends)
    assert check_gpkg(fresh, starts, ends) == expected
    assert check_gpkg(shared, starts, ends) == expected


def test_row_too_big_goes_by_sql(tmp_path, engine, page_calls):
    n = 5_000
    columns, starts, ends = line_columns(n, seed=5)
    columns["name"][n - 10] = "щ" * 2500  # 5,000 bytes: no 4096-byte leaf holds it
    path = tmp_path / "big.gpkg"
    line_gpkg(path)
    assert gpkg_bulk.append_lines(str(path), None, columns, starts, ends) == n
    assert page_calls["write_table"] == [False]
    assert check_gpkg(path, starts, ends) == expected_lines(columns, starts, ends)


@pytest.mark.parametrize("journal, vacuum", [("WAL", None), (None, "FULL")])
def test_unsupported_geopackage_goes_by_sql(tmp_path, engine, page_calls, journal, vacuum):
    path = tmp_path / "other.gpkg"
    line_gpkg(path)
    db = sqlite3.connect(str(path), isolation_level=None)
    if journal:
        db.execute(f"PRAGMA journal_mode = {journal}")
    if vacuum:
        db.execute(f"PRAGMA auto_vacuum = {vacuum}")
        db.execute("VACUUM")  # an existing file takes auto-vacuum only so
    db.close()
    assert TablePages.open(str(path)) is None
    page_calls["open"].clear()
    n = 2_000
    columns, starts, ends = line_columns(n, seed=6)
    assert gpkg_bulk.append_lines(str(path), None, columns, starts, ends) == n
    assert page_calls["open"] == [False] and page_calls["write_table"] == []
    with closing(sqlite3.connect(str(path))) as db:  # the file keeps its journal mode
        assert db.execute("PRAGMA journal_mode").fetchone() == ((journal or "delete").lower(),)
    assert check_gpkg(path, starts, ends) == expected_lines(columns, starts, ends)


@pytest.mark.parametrize(
    "name, values",
    [
        ("size", pd.Series(["1.5", "n/a", None, "2", "-0.25e3"] * 40)),  # text in REAL
        ("count", pd.Series([1.5, 2.0, np.nan, -3.25, 1e15] * 40)),  # fractions in INTEGER
        ("name", pd.Series([1, 2, 3, 4, 5] * 40)),  # numbers in TEXT
    ],
)
def test_values_sqlite_converts_are_stored_as_by_sql(tmp_path, engine, page_calls, name, values):
    n = len(values)
    columns, starts, ends = line_columns(n, seed=8)
    columns[name] = values
    fresh, shared = tmp_path / "fresh.gpkg", tmp_path / "shared.gpkg"
    line_gpkg(fresh)
    line_gpkg(shared, second_table=True)
    assert gpkg_bulk.append_lines(str(fresh), None, columns, starts, ends) == n
    assert gpkg_bulk.append_lines(str(shared), "lines", columns, starts, ends) == n
    assert page_calls["write_table"] == []  # column_of refused: by SQL in both
    got = check_gpkg(fresh, starts, ends)
    assert got == check_gpkg(shared, starts, ends) == expected_lines(columns, starts, ends)
    kinds = {row[3 + 2 * LINE_FIELDS.index(name)] for row in got}
    assert len(kinds - {"null"}) >= 1


@pytest.mark.parametrize(
    "name, values",
    [
        ("count", pd.Series([1, None, 3, -4] * 25, dtype="Int64")),
        ("size", pd.Series([1.5, None, 3.0, -4.25] * 25, dtype="Float64")),
        ("count", pd.Series([1.0, None, 3.0, -4.0] * 25, dtype="Float64")),
        ("count", pd.Series([True, None, False, True] * 25, dtype="boolean")),
        ("size", pd.Series([7, None, 0, -4] * 25, dtype="Int64")),
    ],
)
def test_nullable_numbers_with_na(tmp_path, engine, page_calls, name, values):
    """pandas' nullable numbers (results.py passes them) go in as pages, NA as NULL (found
    here: column_of raised TypeError on them)."""
    n = len(values)
    columns, starts, ends = line_columns(n, seed=9)
    columns[name] = values
    path = tmp_path / "nullable.gpkg"
    line_gpkg(path)
    assert gpkg_bulk.append_lines(str(path), None, columns, starts, ends) == n
    assert page_calls["write_table"] == [True, True]
    assert check_gpkg(path, starts, ends) == expected_lines(columns, starts, ends)


def test_geopackage_written_as_pages_opens_in_ogr(tmp_path, engine, page_calls):
    n = 30_000
    columns, starts, ends = line_columns(n, seed=10)
    path = tmp_path / "ogr.gpkg"
    line_gpkg(path)
    assert gpkg_bulk.append_lines(str(path), None, columns, starts, ends) == n
    assert page_calls["write_table"] == [True, True]
    assert check_gpkg(path, starts, ends) == expected_lines(columns, starts, ends)

    info = subprocess.run(
        ["ogrinfo", "-ro", "-so", str(path), "lines"], capture_output=True, text=True, check=True
    )
    assert "Feature Count: 30000" in info.stdout
    assert "ERROR" not in info.stderr, info.stderr
    counted = subprocess.run(
        ["ogrinfo", "-ro", "-q", str(path), "-sql", "SELECT COUNT(*) AS rows_read FROM lines"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "rows_read (Integer) = 30000" in counted.stdout, counted.stdout

    data = ogr.Open(str(path))
    layer = data.GetLayerByName("lines")
    for fid in (1, 12_345, n):  # features read by OGR: the lines given
        feature = layer.GetFeature(fid)
        points = feature.GetGeometryRef().GetPoints()
        assert np.allclose(points, [starts[fid - 1], ends[fid - 1]], rtol=0, atol=0)
        assert feature.GetField("count") == int(columns["count"][fid - 1])
    x, y = starts[777]
    layer.SetSpatialFilterRect(x - 1, y - 1, x + 1, y + 1)
    assert 778 in {feature.GetFID() for feature in layer}
    data = None


@pytest.mark.parametrize("second_table", [False, True])
def test_cancel_during_sql_fallback_leaves_a_valid_file(tmp_path, page_calls, second_table):
    """Canceled while SQLite inserts (a 5,000-byte text keeps the rows off the pages): None,
    and the GeoPackage as it was, empty and valid (found here: a fresh file ran with
    journal_mode OFF, the ROLLBACK undid nothing and the file was left malformed)."""
    n = 30_000
    columns, starts, ends = line_columns(n, seed=12)
    columns["name"][n - 1] = "щ" * 2500
    path = tmp_path / "cancel.gpkg"
    line_gpkg(path, second_table=second_table)
    asked_by_sql = []

    def is_canceled():
        if second_table or page_calls["write_table"] == [False]:  # SQLite at work
            asked_by_sql.append(1)
        return len(asked_by_sql) > 3  # every ~100,000 SQLite steps: inside the INSERTs

    written = gpkg_bulk.append_lines(
        str(path), "lines", columns, starts, ends, (), None, is_canceled
    )
    assert written is None
    db = sqlite3.connect(str(path))
    try:
        assert integrity(db) == [("ok",)]
        assert db.execute("SELECT COUNT(*) FROM lines").fetchone() == (0,)
        triggers = "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'rtree_lines_geom_%'"
        assert db.execute(triggers).fetchone()[0] >= 6  # OGR's index triggers are back
    finally:
        db.close()
    info = subprocess.run(["ogrinfo", "-ro", "-so", str(path), "lines"], capture_output=True)
    assert info.returncode == 0 and b"Feature Count: 0" in info.stdout
