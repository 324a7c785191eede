"""A packed R-tree in SQLite's R*Tree format, built in numpy for a GeoPackage spatial index.

Sort-Tile-Recursive packing: boxes sorted into vertical slices by centre x, each slice by
centre y, cut into full nodes; then the same one level up, to a single root. The node format
is SQLite's (ext/rtree/rtree.c): a node is a blob of the root's length; 2-byte big-endian tree
depth (read from the root only), 2-byte cell count, then cells of an 8-byte rowid (leaf:
feature id, else child node number) and the box as 4-byte big-endian floats minx, maxx, miny,
maxy, rounded outward exactly as SQLite rounds a box it is given.
"""

import numpy as np

# rtree.c rounds a double to float32 outward with these factors (RNDTOWARDS, RNDAWAY)
_ROUND_TOWARDS_ZERO = 1.0 - 1.0 / 8388608.0
_ROUND_AWAY_FROM_ZERO = 1.0 + 1.0 / 8388608.0
_RTREE_CELL = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])  # a 2D cell: 24 bytes


def packed_rtree(ids, box, node_bytes):
    """A Sort-Tile-Recursive packed R-tree of boxes in SQLite's R*Tree node format.

    Parameters
    ----------
    ids : (n,) int array
        Row ids, the leaf cells' keys.
    box : (n, 4) float array
        minx, maxx, miny, maxy of each row (n >= 1).
    node_bytes : int
        Size of a node blob (the length of the existing root node).

    Returns
    -------
    nodes : list of (int, bytes)
        (nodeno, blob) of every node; the root is node 1.
    leaf_of : (n,) int array
        The leaf node holding each id, in the order of ``ids``.
    parent_of : (k - 1,) int array
        Parent node of nodes 2 .. k.
    """
    capacity = (node_bytes - 4) // _RTREE_CELL.itemsize
    boxes = np.column_stack(
        [
            float32_down(box[:, 0]),
            float32_up(box[:, 1]),
            float32_down(box[:, 2]),
            float32_up(box[:, 3]),
        ]
    )
    # levels[i]: the order of level i's items (level 0: the rows; level i: the nodes made at
    # level i - 1), the node each sorted item goes to, and the items' sorted boxes
    levels = []
    while not levels or levels[-1][1][-1] > 0:
        order, group = _str_groups(boxes, capacity)
        sorted_boxes = boxes[order]
        starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
        boxes = np.column_stack(
            [
                np.minimum.reduceat(sorted_boxes[:, 0], starts),
                np.maximum.reduceat(sorted_boxes[:, 1], starts),
                np.minimum.reduceat(sorted_boxes[:, 2], starts),
                np.maximum.reduceat(sorted_boxes[:, 3], starts),
            ]
        )
        levels.append((order, group, sorted_boxes))
    # node numbers from the root down: the root is 1, its children 2.., and so on
    numbers, next_number = [np.array([1])], 2
    for _, group, _ in reversed(levels[:-1]):
        numbers.append(np.arange(next_number, next_number + group[-1] + 1))
        next_number += group[-1] + 1
    numbers.reverse()  # numbers[i]: the nodes made at level i
    node_rows, parent_of = [], np.zeros(next_number - 2, np.int64)
    for level, (order, group, sorted_boxes) in enumerate(levels):
        keys = ids[order] if level == 0 else numbers[level - 1][order]
        blobs = _node_blobs(group, keys, sorted_boxes, node_bytes, capacity)
        if level == len(levels) - 1:  # the root carries the tree's depth
            blobs[0, :2] = np.array([level], ">u2").view(np.uint8)
        node_rows.extend(zip(numbers[level].tolist(), _as_bytes(blobs)))
        if level == 0:
            leaf_of = np.empty(len(ids), np.int64)
            leaf_of[order] = numbers[0][group]
        else:
            parent_of[keys - 2] = numbers[level][group]
    return node_rows, leaf_of, parent_of


def _str_groups(boxes, capacity):
    """Sort-Tile-Recursive: boxes sorted into vertical slices by centre x, each slice by
    centre y, cut into runs of at most ``capacity``, spread evenly. Returns (order, group)."""
    n = len(boxes)
    if n <= capacity:
        return np.arange(n), np.zeros(n, np.int64)
    cx = boxes[:, 0].astype(float) + boxes[:, 1]
    cy = boxes[:, 2].astype(float) + boxes[:, 3]
    slices = int(np.ceil(np.sqrt(-(-n // capacity))))
    per_slice = -(-n // slices)
    slice_of = np.empty(n, np.int64)
    slice_of[np.argsort(cx)] = np.arange(n) // per_slice
    # one sort by slice, then y: y scaled into [0, 1) is added to the slice number
    span = max(cy.max() - cy.min(), 1e-300) * (1 + 1e-9)
    order = np.argsort(slice_of + (cy - cy.min()) / span)
    slice_sizes = np.bincount(slice_of)
    slice_groups = -(-slice_sizes // capacity)
    sorted_slice = slice_of[order]
    position = np.arange(n) - np.r_[0, np.cumsum(slice_sizes)[:-1]][sorted_slice]
    first_group = np.r_[0, np.cumsum(slice_groups)[:-1]]
    group = first_group[sorted_slice] + (
        position * slice_groups[sorted_slice] // slice_sizes[sorted_slice]
    )
    return order, group


def _node_blobs(group, keys, boxes, node_bytes, capacity):
    """(nodes, node_bytes) uint8: each node's cell count and cells; ``group`` is sorted."""
    count = group[-1] + 1
    sizes = np.bincount(group, minlength=count)
    slot = np.arange(len(group)) - np.r_[0, np.cumsum(sizes)[:-1]][group]
    cells = np.zeros((count, capacity), _RTREE_CELL)
    cells["id"][group, slot] = keys
    cells["box"][group, slot] = boxes
    blobs = np.zeros((count, node_bytes), np.uint8)
    blobs[:, 2:4] = sizes.astype(">u2").view(np.uint8).reshape(-1, 2)
    blobs[:, 4 : 4 + cells.itemsize * capacity] = cells.view(np.uint8).reshape(count, -1)
    return blobs


def _as_bytes(blobs):
    return [row.tobytes() for row in blobs]


def float32_down(values):
    """float32 not above each double, as SQLite's R*Tree stores a box's minimum."""
    stored = values.astype(np.float32)
    above = stored > values
    scale = np.where(values[above] < 0, _ROUND_AWAY_FROM_ZERO, _ROUND_TOWARDS_ZERO)
    stored[above] = (values[above] * scale).astype(np.float32)
    return stored


def float32_up(values):
    """float32 not below each double, as SQLite's R*Tree stores a box's maximum."""
    stored = values.astype(np.float32)
    below = stored < values
    scale = np.where(values[below] < 0, _ROUND_TOWARDS_ZERO, _ROUND_AWAY_FROM_ZERO)
    stored[below] = (values[below] * scale).astype(np.float32)
    return stored
