"""What the resource generators in tools/ share: the ``--out`` option, a QGIS session whose
XML comes out byte-stable, and the clean-up of what QGIS writes (absolute paths of this
checkout, random uuids) before a file is committed.

Every generator runs as ``python tools/<generator>.py [--out DIR]`` and exits non-zero on any
failure; ``make resources`` runs them all, tests/test_resources.py checks their output.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"

# A sample layer's label in the QGIS interface's language: the Russian name in a Russian
# interface (the name where there is none), the English name otherwise, never a mix.
NAME_IN_UI_LANGUAGE = (
    'if(left(@qgis_locale, 2) = \'ru\', coalesce(nullif("name_ru", \'\'), "name"), "name")'
)

# Strings that betray a machine-specific path; none may reach a committed resource.
ABSOLUTE_MARKERS = ("/work/", "/home/", "/tmp/", "C:\\", str(ROOT))

# Fixed namespace: an item keeps its uuid from one regeneration to the next.
_UUID_NAMESPACE = uuid.UUID("5d6b0c1e-8f0a-4c7e-9a55-3a1f2b7c9e10")
_UUID = re.compile(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}")
# an element that owns a uuid: layout items (uuid="..."), renderer rules (key="...")
_TAG_WITH_UUID = re.compile(r"<([A-Za-z]\w*)\s[^>]*?\b(?:uuid|key)=\"(\{[0-9a-f-]{36}\})\"[^>]*>")
_ITEM_ID = re.compile(r"\bid=\"([^\"]+)\"")


class GeneratorError(Exception):
    """A resource could not be generated as it must be committed."""


def restart_with_stable_hash() -> None:
    """Re-run this script with ``QT_HASH_SEED=0`` unless it already runs with it.

    Qt 5 writes XML attributes in QHash order, which is random per process unless the seed is
    fixed; with a fixed seed two runs write the same bytes.
    """
    if os.environ.get("QT_HASH_SEED") == "0":
        return
    env = dict(os.environ, QT_HASH_SEED="0")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable, *sys.argv], env)


def output_folder(description: str, default: Path) -> Path:
    """The folder named by ``--out`` (``default``: the one under resources/ that is committed)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--out",
        type=Path,
        default=default,
        help=f"folder to write into (default: {default.relative_to(ROOT)})",
    )
    folder = parser.parse_args().out.resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        parser.error(f"cannot use {folder} as the output folder: {error}")
    return folder


@contextmanager
def qgis_session() -> Iterator[object]:
    """A headless QGIS application for the duration of the block."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if Path("/usr/share/proj").is_dir():  # Debian: pyproj in a venv misses PROJ's data
        os.environ.setdefault("PROJ_LIB", "/usr/share/proj")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        yield app
    finally:
        app.exitQgis()


def relative_paths(text: str) -> str:
    """Paths under resources/ become relative to it (``icons/sectors/mine.svg``).

    Raises
    ------
    GeneratorError
        When any other machine-specific path remains.
    """
    text = text.replace(RESOURCES.as_posix() + "/", "")
    for marker in ABSOLUTE_MARKERS:
        if marker in text:
            raise GeneratorError(f"an absolute path ({marker}...) is left in the output")
    return text


def stable_uuids(text: str, name: str) -> str:
    """Replace QGIS's random ``{uuid}``s by uuid5 of ``name`` and the item's id.

    Elements without an id (the page, a table's multi-frame, renderer rules) are keyed by
    their tag and rank.
    Every occurrence of a uuid is replaced, so references between items (a legend's or a scale
    bar's map, a table's frames) stay linked.
    """
    mapping: dict[str, str] = {}
    unnamed: dict[str, int] = {}
    for match in _TAG_WITH_UUID.finditer(text):
        tag, old = match.group(1), match.group(2)
        if old in mapping:
            continue
        item_id = _ITEM_ID.search(match.group(0))
        if item_id:
            key = f"{tag}:{item_id.group(1)}"
        else:
            rank = unnamed.get(tag, 0)
            unnamed[tag] = rank + 1
            key = f"{tag}#{rank}"
        mapping[old] = "{" + str(uuid.uuid5(_UUID_NAMESPACE, f"{name}/{key}")) + "}"
    if len(set(mapping.values())) != len(mapping):
        raise GeneratorError(f"{name}: two items share an id, their uuids would collide")
    # uuids only referred to (never an item's own) cannot be made stable: refuse them
    stray = set(_UUID.findall(text)) - set(mapping)
    if stray:
        raise GeneratorError(f"{name}: uuids of no item: {sorted(stray)}")
    return _UUID.sub(lambda m: mapping[m.group(0)], text)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with ``\\n`` line ends, whatever the platform."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def finish(path: Path) -> None:
    """Clean the file QGIS just wrote at ``path``: relative paths, uuids stable per file name."""
    text = stable_uuids(path.read_text(encoding="utf-8"), path.stem)
    write_text(path, relative_paths(text))


def run(main) -> None:
    """Call ``main()``; any failure ends the script with a message and exit status 1."""
    restart_with_stable_hash()
    try:
        main()
    except GeneratorError as error:
        sys.exit(f"{Path(sys.argv[0]).name}: {error}")
