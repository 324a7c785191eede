"""Rows of an empty SQLite table written as B-tree pages, without an INSERT per row.

Python's sqlite3 binds each value and steps SQLite's machine once per row: for the 2 million
candidates of 100,000 enterprises that was about 8 of the 11 seconds spent writing them. When
a table is empty and its file is held locked by us, its B-tree can be built directly
(https://www.sqlite.org/fileformat2.html): records encoded by a compiled kernel (numba) or,
without numba, in numpy, two batches at a time, packed into full leaf pages, interior pages
above them, all appended to the file; then the header's page count
and change counter are updated and the top page is written over the table's empty root page,
last, so that an interrupted write leaves the table empty. SQLite reads the result as its own
(`PRAGMA integrity_check` passes) and later edits go through SQLite as usual.

The caller holds the file locked through its own SQLite connection (BEGIN EXCLUSIVE) while
the pages are written. Covered: rowid tables (no WITHOUT ROWID, no index on them),
rollback-journal files in UTF-8 without reserved bytes or auto-vacuum, rows of one page or
less. `TablePages.open` answers None for a file outside that, `TablePages.write_table` False
for rows outside it; the caller then inserts through SQLite.
"""

import os
import queue
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.compiled import njit

_HEADER = 100  # bytes of the database header on page 1
_PENDING_BYTE = 0x4000_0000  # the page holding this offset is SQLite's lock page: never used
_LEAF, _INTERIOR = 13, 5  # table B-tree page types
_CHUNK_BYTES = 64 << 20  # rows are encoded this many padded bytes at a time
# without numba: small batches, whose padded arrays the allocator hands out again once freed
# instead of fresh memory faulted in page by page (2 M rows: 4.5 s instead of 7.7 s)
_NUMPY_CHUNK_BYTES = 3 << 20
_CHUNK_ROWS = 1 << 16  # and at most this many rows: each batch's arrays stay small
_MAX_ROWID = (1 << 35) - 1  # rowids up to 5-byte varints
_WORKERS = 2  # batches encoded into pages at once (numba releases the GIL, pwrite too)


# Each column's encode(rows) gives, for the rows of a slice: serial types, a byte table, the
# row of that table holding each row's body (None: row i of the slice is row i of the
# table), and body sizes; the body is the first `size` bytes of its row.


@dataclass
class RowidAlias:
    """The INTEGER PRIMARY KEY column: its value is the rowid, the record holds NULL."""

    def take(self, index):
        return self

    def encode(self, rows):
        nothing = np.zeros(rows.stop - rows.start, np.int64)
        return nothing, np.zeros((1, 1), np.uint8), nothing, nothing


@dataclass
class Reals:
    """Floats; NaN is NULL. As SQLite does in a REAL column, a whole value that fits six
    bytes is stored as an integer (it reads back as a float): 10.0 takes 1 byte, not 8."""

    values: np.ndarray

    def take(self, index):
        return Reals(self.values[index])

    def encode(self, rows):
        values = self.values[rows]
        present = ~np.isnan(values)
        whole = present & (np.abs(values) < 2.0**47)
        whole[whole] = values[whole] == np.trunc(values[whole])
        serial, body, width = _integer_bytes(np.where(whole, values, 0).astype(np.int64))
        floats = values.astype(">f8").view(np.uint8).reshape(-1, 8)
        body = np.where(whole[:, None], body, floats)
        serial = np.where(whole, serial, np.where(present, 7, 0))
        return serial, body, None, np.where(whole, width, np.where(present, 8, 0))


@dataclass
class Integers:
    """64-bit integers stored in the fewest bytes SQLite allows; ``present`` False is NULL."""

    values: np.ndarray
    present: np.ndarray

    def take(self, index):
        return Integers(self.values[index], self.present[index])

    def encode(self, rows):
        values, present = self.values[rows], self.present[rows]
        serial, body, width = _integer_bytes(values)
        return np.where(present, serial, 0), body, None, np.where(present, width, 0)


def _integer_bytes(values):
    """(serial type, (n, 8) body with the value's bytes first, byte count) of int64s."""
    magnitude = np.where(values < 0, ~values, values)  # -128 fits a byte as 127 does
    fits = np.searchsorted(_INT_LIMITS, magnitude)  # first width that holds it
    width = _INT_WIDTHS[fits]
    # shifted so that the value's `width` low bytes come first in big-endian order
    shifted = values.view(np.uint64) << (8 * (8 - width)).astype(np.uint64)
    return _INT_SERIALS[fits], shifted.astype(">u8").view(np.uint8).reshape(-1, 8), width


_INT_LIMITS = np.array([1 << 7, 1 << 15, 1 << 23, 1 << 31, 1 << 47]) - 1
_INT_WIDTHS = np.array([1, 2, 3, 4, 6, 8])  # bytes of serial types 1 .. 6
_INT_SERIALS = np.arange(1, 7)


@dataclass
class Texts:
    """UTF-8 text given as codes into ``uniques``; code -1 is NULL."""

    codes: np.ndarray
    uniques: list

    def take(self, index):
        return Texts(self.codes[index], self.uniques)

    def encode(self, rows):
        table, lengths = self._encoded()
        codes = self.codes[rows]  # -1 picks the last row of the table: NULL, no bytes
        size = lengths[codes]
        return np.where(codes >= 0, 2 * size + 13, 0), table, codes, size

    def _encoded(self):
        if not hasattr(self, "_table"):
            encoded = [text.encode("utf-8") for text in self.uniques] + [b""]
            lengths = np.fromiter(map(len, encoded), np.int64, len(encoded))
            width = max(int(lengths.max()), 1)
            table = np.array(encoded, f"S{width}").view(np.uint8).reshape(len(encoded), width)
            self._table, self._lengths = table, lengths
        return self._table, self._lengths


@dataclass
class Blobs:
    """Blobs of one width, (n, width) bytes; ``present`` False is NULL."""

    data: np.ndarray
    present: np.ndarray

    def take(self, index):
        return Blobs(self.data[index], self.present[index])

    def encode(self, rows):
        data, present = self.data[rows], self.present[rows]
        width = data.shape[1]
        return np.where(present, 2 * width + 12, 0), data, None, np.where(present, width, 0)


def column_of(series, declared):
    """The encoding of a pandas Series for a column of SQL type ``declared``, storing what
    SQLite would store for the same values bound from Python (NaN and NA as NULL); None
    when its values need SQLite's own conversions (text in a number column, say)."""
    affinity = _affinity(declared)
    if isinstance(series.dtype, pd.CategoricalDtype):
        categories = series.cat.categories
        if affinity != "TEXT" or not all(isinstance(c, str) for c in categories):
            return None
        return Texts(series.cat.codes.to_numpy().astype(np.int64), list(categories))
    kind = series.dtype.kind
    missing = series.isna().to_numpy()  # NaN, None and pandas' NA alike
    if kind in "iub" and affinity in ("REAL", "INTEGER", "BLOB"):
        if kind == "u" and len(series) and series.max() >= 2**63:
            return None  # beyond SQLite's integers
        values = series.to_numpy(dtype=np.int64, na_value=0)
        if affinity == "REAL":
            return Reals(np.where(missing, np.nan, values.astype(float)))
        return Integers(values, ~missing)
    if kind == "f" and affinity == "REAL":
        return Reals(series.to_numpy(dtype=float, na_value=np.nan))
    if kind == "f" and affinity == "INTEGER":  # SQLite keeps a whole float as an integer
        values = series.to_numpy(dtype=float, na_value=np.nan)
        present = ~np.isnan(values)
        whole = np.all(values[present] == np.round(values[present]))
        if not whole or np.any(np.abs(values[present]) >= 2.0**63):
            return None
        return Integers(np.where(present, values, 0).astype(np.int64), present)
    if kind in "OU" and affinity == "TEXT":
        codes, uniques = pd.factorize(series)
        if not all(isinstance(value, str) for value in uniques):
            return None
        return Texts(codes.astype(np.int64), list(uniques))
    return None


def _affinity(declared):
    """SQLite's column affinity of a declared type (https://www.sqlite.org/datatype3.html)."""
    name = (declared or "").upper()
    if "INT" in name:
        return "INTEGER"
    if any(word in name for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in name or not name:
        return "BLOB"
    if any(word in name for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def varints(values, width):
    """SQLite varints of values 0 <= v < 2**(7 * width) (width <= 8): ((n, width) bytes,
    left-aligned; the number of bytes of each)."""
    values = np.asarray(values, np.int64)
    count = np.ones(len(values), np.int64)
    for k in range(1, width):
        count += values >= (1 << (7 * k))
    out = np.zeros((len(values), width), np.uint8)
    for j in range(width):
        shift = np.maximum(7 * (count - 1 - j), 0)
        more = (j < count - 1).astype(np.int64) << 7
        out[:, j] = ((values >> shift) & 0x7F) | more
    return out, count


def record_sizes(rowids, encoded):
    """(record header size, payload size, leaf cell size) of each row, from its columns'
    encode() results."""
    header = 1 + len(encoded)  # a serial type takes one byte, or two from 128 on
    payload = 0
    for serial, _, _, size in encoded:
        header = header + (serial >= 1 << 7) + (serial >= 1 << 14)
        payload = payload + size
    header = header + (header >= 128)  # the header's own size takes a second byte
    payload = payload + header
    return header, payload, _varint_sizes(payload) + _varint_sizes(rowids) + payload


def _varint_sizes(values):
    size = np.ones(len(values), np.int64)
    for k in range(1, 9):
        size += values >= (1 << (7 * k))
    return size


def leaf_pages(rowids, encoded, header, payload, cell, page_size, buffers=None):
    """Leaf pages (k, page size) holding the rows' cells in order, each page as full as it
    goes, and the largest rowid on each. buffers: a Buffers reused batch after batch."""
    if _compiled_leaves is None:
        stream = _padded_cells(rowids, payload, header, encoded)
        return _stream_pages(stream, cell, rowids, page_size)
    buffers = buffers or Buffers()
    # each page but the last holds at least (usable - largest cell) bytes of cells
    filled = page_size - 8 - int(cell.max()) - 2
    count = int((cell + 2).sum()) // filled + 1
    pages = buffers.get("pages", (count, page_size), np.uint8, zeroed=True)
    last = buffers.get("last", (count,), np.int64)
    shape = (len(encoded), len(rowids))
    serials, index, sizes = (
        buffers.get(name, shape, np.int32) for name in ("serials", "index", "sizes")
    )
    for k, (serial, _, rows, size) in enumerate(encoded):
        serials[k], sizes[k] = serial, size
        if rows is not None:
            index[k] = rows
    count = _compiled_leaves(
        pages,
        last,
        rowids,
        header,
        payload,
        cell,
        serials,
        tuple(np.ascontiguousarray(table) for _, table, _, _ in encoded),  # one array type
        index,
        np.array([rows is None for _, _, rows, _ in encoded]),
        sizes,
    )
    return pages[:count], last[:count]


class Buffers:
    """Arrays reused from one batch of rows to the next: fresh memory costs a page fault
    per 4 KiB on first touch (about 0.15 s per batch of 64 MiB here)."""

    def __init__(self):
        self.arrays = {}

    def get(self, name, shape, dtype, zeroed=False):
        size = int(np.prod(shape))
        held = self.arrays.get(name)
        if held is None or held.size < size or held.dtype != dtype:
            held = self.arrays[name] = np.zeros(max(size, 1), dtype)
        else:
            held = held[:size]
            if zeroed:
                held.fill(0)
        return held[:size].reshape(shape)


def _kernel_leaves(
    pages, last, rowids, header, payload, cell, serials, tables, index, identity, sizes
):
    """numba: cells placed into pages row by row, each page filled from its end down as
    SQLite fills one, sizes and serial types written; then the bodies column by column
    (one table at a time). Returns the number of pages used."""
    page_size = pages.shape[1]
    out = pages.reshape(-1)
    bodies = np.empty(len(rowids), np.int64)  # where each cell's next body goes
    page, count, top = 0, 0, page_size
    for i in range(len(rowids)):
        if count and top - cell[i] < 8 + 2 * (count + 1):  # full: the next page
            _close_leaf(out, page * page_size, count, top)
            last[page] = rowids[i - 1]
            page, count, top = page + 1, 0, page_size
        top -= cell[i]
        start = page * page_size
        at = _put_varint(out, start + top, payload[i])
        at = _put_varint(out, at, rowids[i])
        at = _put_varint(out, at, header[i])
        for k in range(len(tables)):
            at = _put_varint(out, at, serials[k, i])
        bodies[i] = at
        out[start + 8 + 2 * count] = top >> 8
        out[start + 9 + 2 * count] = top & 0xFF
        count += 1
    _close_leaf(out, page * page_size, count, top)
    last[page] = rowids[len(rowids) - 1]
    for k in range(len(tables)):
        table = tables[k]
        for i in range(len(rowids)):
            size = sizes[k, i]
            if size:
                # unsigned positions: numba then skips its negative-index check per byte
                at = np.uint64(bodies[i])
                row = np.uint64(i if identity[k] else index[k, i])
                for b in range(np.uint64(size)):
                    out[at + b] = table[row, b]
                bodies[i] += size
    return page + 1


def _close_leaf(out, start, count, top):
    """numba: the header of the leaf page at ``start``."""
    out[start] = _LEAF
    out[start + 3], out[start + 4] = count >> 8, count & 0xFF
    top = 0 if top == 65536 else top
    out[start + 5], out[start + 6] = top >> 8, top & 0xFF


def _put_varint(out, at, value):
    """numba: the varint of 0 <= value < 2**56 at ``at``; where it ends."""
    if value < 0x80:  # serial types, header sizes: almost always one byte
        out[at] = value
        return at + 1
    count, rest = 1, value >> 7
    while rest:
        count, rest = count + 1, rest >> 7
    for j in range(count):
        byte = (value >> (7 * (count - 1 - j))) & 0x7F
        out[at + j] = byte | 0x80 if j < count - 1 else byte
    return at + count


def _padded_cells(rowids, payload, header, encoded):
    """numpy (no numba): every piece laid out at its widest in a padded (rows, width) array
    with a mask of the bytes in use; one boolean selection gives the cells in order."""
    serials, tables, indexes, sizes = zip(*encoded)
    serials, sizes = np.column_stack(serials), np.column_stack(sizes)
    n = len(rowids)
    serial_bytes, serial_sizes = varints(serials.ravel(), 3)  # long texts: three bytes
    serial_sizes = serial_sizes.reshape(serials.shape)
    pieces = [varints(payload, 3), varints(rowids, 5), varints(header, 2)]
    pieces.append((serial_bytes.reshape(n, -1), serial_sizes))
    for k, (table, index) in enumerate(zip(tables, indexes)):
        pieces.append((table if index is None else table[index], sizes[:, k]))
    width = sum(data.shape[1] for data, _ in pieces)
    padded = np.empty((n, width), np.uint8)
    used = np.empty((n, width), bool)
    start = 0
    for data, size in pieces:
        end = start + data.shape[1]
        padded[:, start:end] = data
        if size.ndim == 2:  # the serial types: one to three bytes each
            used[:, start:end] = (size[:, :, None] > np.arange(3)).reshape(n, -1)
        elif size.min() == data.shape[1]:  # every row uses all of it
            used[:, start:end] = True
        else:
            used[:, start:end] = _leading(data.shape[1])[size]
        start = end
    return padded[used]


def _leading(width):
    """Masks of the first k of ``width`` bytes, for k = 0 .. width."""
    if width not in _LEADING:
        _LEADING[width] = np.arange(width)[None, :] < np.arange(width + 1)[:, None]
    return _LEADING[width]


_LEADING = {}


class TablePages:
    """Tables written as pages into a database file the caller holds locked (an open
    EXCLUSIVE transaction of its own connection): `open`, `write_table` per empty table,
    then `commit` (header and roots) or `abort` (file back to its length)."""

    def __init__(self, fd, page_size, page_count, file_size):
        self.fd, self.page_size = fd, page_size
        self.page_count, self.file_size = page_count, file_size
        self.roots = []  # (root page number, its bytes), written by finish
        self.numbering = threading.Lock()  # page numbers are handed out to one batch at a time
        self.spare = queue.SimpleQueue()  # a worker's buffers, kept from table to table
        for _ in range(_WORKERS):
            self.spare.put(Buffers())
        self.finished = False

    @classmethod
    def open(cls, path):
        """The file's pages for writing, or None when its format is one this does not write."""
        fd = os.open(path, os.O_RDWR)
        try:
            header = os.pread(fd, _HEADER, 0)
            page_size = int.from_bytes(header[16:18], "big")
            page_size = 65536 if page_size == 1 else page_size
            supported = (
                header[:16] == b"SQLite format 3\x00"
                and header[18:20] == b"\x01\x01"  # rollback journal, not WAL
                and header[20] == 0  # no reserved bytes at the end of pages
                and int.from_bytes(header[52:56], "big") == 0  # no auto-vacuum
                and int.from_bytes(header[56:60], "big") == 1  # UTF-8
                and header[24:28] == header[92:96]  # the in-header page count is valid
            )
            if not supported:
                os.close(fd)
                return None
            count = int.from_bytes(header[28:32], "big")
            return cls(fd, page_size, count, os.fstat(fd).st_size)
        except BaseException:
            os.close(fd)
            raise

    def write_table(self, root, rowids, columns, is_canceled=None, progress=None):
        """Rows with ascending ``rowids`` into the empty table rooted at page ``root``;
        ``columns`` one encoding per table column. False when a row needs overflow pages or
        a rowid is out of range, None when canceled: then call `abort`. progress(fraction)
        after each batch of rows."""
        if len(rowids) == 0:
            return True
        if rowids[0] < 1 or rowids[-1] > _MAX_ROWID or np.any(np.diff(rowids) <= 0):
            return False
        rowids = np.asarray(rowids, np.int64)
        limit = self.page_size - 35  # largest payload kept on a leaf page
        width = max(1, sum(c.encode(slice(0, 1))[1].shape[1] + 2 for c in columns) + 12)
        budget = _CHUNK_BYTES if _compiled_leaves is not None else _NUMPY_CHUNK_BYTES
        step = max(1, min(min(budget, _CHUNK_BYTES) // width, _CHUNK_ROWS))
        batches = [slice(at, min(at + step, len(rowids))) for at in range(0, len(rowids), step)]
        leaves = [None] * len(batches)  # each batch's leaf page numbers and largest rowids
        if len(batches) == 1:  # maybe a single leaf: then it is the root
            encoded = [column.encode(batches[0]) for column in columns]
            header, payload, cell = record_sizes(rowids, encoded)
            if payload.max() > limit:
                return False
            buffers = self.spare.get()
            pages, last = leaf_pages(
                rowids, encoded, header, payload, cell, self.page_size, buffers
            )
            self.spare.put(buffers)
            if len(pages) == 1:
                self.roots.append((root, pages[0].tobytes()))
                return True
            leaves[0] = (self._append(pages), last)
        outcome = True
        with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
            running = deque()
            for k, rows in enumerate(batches if len(batches) > 1 else ()):
                while len(running) >= _WORKERS:  # a batch at a time per worker
                    outcome = outcome and running.popleft().result()
                    if progress is not None:
                        progress(sum(leaf is not None for leaf in leaves) / len(batches))
                if is_canceled is not None and is_canceled():
                    outcome = None
                if not outcome:
                    break
                job = (rowids, rows, columns, limit, leaves, k)
                running.append(pool.submit(self._write_batch, *job))
            for job in running:
                outcome = outcome and job.result()
        if outcome and is_canceled is not None and is_canceled():
            outcome = None
        if not outcome:
            return outcome
        if progress is not None:
            progress(1.0)
        level = tuple(np.concatenate(part) for part in zip(*leaves))
        while True:
            pages, last = _interior_pages(*level, self.page_size)
            if len(pages) == 1:
                self.roots.append((root, pages[0].tobytes()))
                return True
            level = (self._append(pages), last)

    def _write_batch(self, rowids, rows, columns, limit, leaves, k):
        """A worker: one batch of rows encoded, its leaf pages written, their page numbers
        and largest rowids put in leaves[k]. False when a row needs overflow pages."""
        encoded = [column.encode(rows) for column in columns]
        header, payload, cell = record_sizes(rowids[rows], encoded)
        if payload.max() > limit:
            return False
        buffers = self.spare.get()
        try:
            size = self.page_size
            pages, last = leaf_pages(rowids[rows], encoded, header, payload, cell, size, buffers)
            leaves[k] = (self._append(pages), last.copy())  # the buffer is the next batch's
        finally:
            self.spare.put(buffers)
        return True

    def finish(self):
        """The header (page count, change counter), then the roots: the tables are in."""
        header = bytearray(os.pread(self.fd, _HEADER, 0))
        counter = (int.from_bytes(header[24:28], "big") + 1) & 0xFFFF_FFFF
        header[24:28] = header[92:96] = counter.to_bytes(4, "big")
        header[28:32] = self.page_count.to_bytes(4, "big")
        os.pwrite(self.fd, bytes(header), 0)
        for number, page in self.roots:
            os.pwrite(self.fd, page, (number - 1) * self.page_size)
        self.finished = True

    def abort(self):
        """Drop the pages appended so far: the file is as it was."""
        os.ftruncate(self.fd, self.file_size)

    def close(self):
        """Close the file; only once SQLite has let go of its lock (closing any descriptor
        of a file drops every POSIX lock the process holds on it)."""
        os.close(self.fd)

    def _append(self, pages):
        """Pages (k, page size) written after the last one (any thread); their numbers."""
        with self.numbering:
            numbers = self.page_count + 1 + np.arange(len(pages))
            lock_page = _PENDING_BYTE // self.page_size + 1  # stays empty: SQLite's lock page
            if self.page_count < lock_page <= numbers[-1]:
                numbers[numbers >= lock_page] += 1
            self.page_count = int(numbers[-1])
        for run in np.split(np.arange(len(pages)), np.flatnonzero(np.diff(numbers) > 1) + 1):
            at = int(numbers[run[0]] - 1) * self.page_size
            os.pwrite(self.fd, pages[run[0] : run[-1] + 1], at)  # the array's own buffer
        return numbers


def _stream_pages(stream, sizes, rowids, page_size):
    """numpy (no numba): leaf pages of the cells one after another in ``stream``, each as
    full as it goes, cells in order at its end; the largest rowid on each."""
    first = _fill(sizes + 2, page_size - 8, 1)  # each cell with its 2-byte pointer
    ends = np.cumsum(sizes)
    starts = ends - sizes
    last = np.r_[first[1:], len(sizes)] - 1
    content = ends[last] - starts[first]
    pages = _pages(page_size, _LEAF, last - first + 1, content)
    top = page_size - content
    for page, start, end, at in zip(pages, starts[first], ends[last], top):
        page[at:] = stream[start:end]  # cells in order, filling the page's end
    _pointers(pages, first, starts + np.repeat(top - starts[first], last - first + 1), 8)
    return pages, rowids[last]


def _interior_pages(numbers, lasts, page_size):
    """Interior pages over children (their page numbers and largest rowids): a cell per
    child with its page number and largest rowid, the last child in the right pointer."""
    key_bytes, key_sizes = varints(lasts, 5)
    sizes = 4 + key_sizes
    # each page's children: cells for all but its last, which needs no room of its own
    first = _fill(sizes + 2, page_size - 12, 2)
    last = np.r_[first[1:], len(numbers)] - 1
    counts = last - first  # cells on each page
    in_cells = np.ones(len(numbers), bool)
    in_cells[last] = False
    cell_sizes = sizes[in_cells]
    ends = np.cumsum(cell_sizes)
    starts = ends - cell_sizes
    cell_first = np.r_[0, np.cumsum(counts)[:-1]]
    content = np.zeros(len(first), np.int64)
    has = counts > 0
    content[has] = ends[cell_first[has] + counts[has] - 1] - starts[cell_first[has]]
    pages = _pages(page_size, _INTERIOR, counts, content)
    top = page_size - content
    stream = np.zeros((int(in_cells.sum()), 9), np.uint8)
    stream[:, :4] = numbers[in_cells, None] >> np.array([24, 16, 8, 0]) & 0xFF
    stream[:, 4:] = key_bytes[in_cells]
    used = np.arange(9) < cell_sizes[:, None]
    stream = stream[used]
    for page, k, count, at in zip(pages, cell_first, counts, top):
        if count:
            page[at:] = stream[starts[k] : ends[k + count - 1]]
    pages[:, 8:12] = numbers[last, None] >> np.array([24, 16, 8, 0]) & 0xFF
    offsets = (
        top[np.repeat(np.arange(len(first)), counts)]
        + starts
        - np.repeat(starts[cell_first], counts)
    )
    _pointers(pages, cell_first, offsets, 12, counts)
    return pages, lasts[last]


def _fill(room, usable, least):
    """First item of each page when items taking ``room`` bytes fill pages of ``usable``
    bytes in order, each page taking at least ``least`` items, the last one too. Interior
    pages (least 2) hold one child more than their cells: its page is the right pointer."""
    total = np.cumsum(room)
    first = [0]
    while True:
        before = total[first[-1] - 1] if first[-1] else 0
        end = int(np.searchsorted(total, before + usable, "right")) + least - 1
        end = max(end, first[-1] + least)
        if end >= len(room):
            return np.array(first, np.int64)
        first.append(min(end, len(room) - least))


def _pages(page_size, kind, counts, content):
    """Empty pages of a kind with their headers: cell counts, start of the cell content."""
    pages = np.zeros((len(counts), page_size), np.uint8)
    top = page_size - content
    pages[:, 0] = kind
    pages[:, 3], pages[:, 4] = counts >> 8, counts & 0xFF
    top = np.where(top == 65536, 0, top)  # SQLite writes a 65,536 content start as 0
    pages[:, 5], pages[:, 6] = top >> 8, top & 0xFF
    return pages


def _pointers(pages, first, offsets, header, counts=None):
    """Each page's cell pointers (the offset of each cell, in order) after its header."""
    if counts is None:
        counts = np.diff(np.r_[first, len(offsets)])
    page = np.repeat(np.arange(len(pages)), counts)
    slot = np.arange(len(offsets)) - np.repeat(np.r_[0, np.cumsum(counts)[:-1]], counts)
    flat = pages.reshape(-1)
    at = page * pages.shape[1] + header + 2 * slot
    flat[at], flat[at + 1] = offsets >> 8, offsets & 0xFF


if njit is not None:
    _put_varint = njit(cache=True, nogil=True)(_put_varint)
    _close_leaf = njit(cache=True, nogil=True)(_close_leaf)
    _compiled_leaves = njit(cache=True, nogil=True)(_kernel_leaves)
else:  # pragma: no cover - depends on the machine
    _compiled_leaves = None
