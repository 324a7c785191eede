"""Versioned plain-SQL migrations of the registry, and loading the Kuzbass sample into it.

No qgis import: ``make registry``, the tests and the Processing algorithm share this module.
Everything goes through a *database*: any object with ``execute(sql) -> list of rows`` that
runs a string of one or more statements as one implicit transaction (the simple-query
protocol does that: one failing statement rolls back the whole string). ``psycopg_database``
wraps a psycopg2 connection; ``qgis_connection.QgisDatabase`` wraps a QGIS connection.
"""

import csv
import hashlib
import math
import re
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..paths import resource_path

MIGRATION_FILE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
LOCK_KEY = 7_401_015  # advisory lock: two runners never migrate the same database at once
LOGIN_KINDS = ("enterprise", "operator", "anonymous")

BOOTSTRAP_SQL = """
CREATE SCHEMA IF NOT EXISTS registry;
CREATE TABLE IF NOT EXISTS registry.schema_version (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by name NOT NULL DEFAULT current_user
);
"""


class MigrationError(RuntimeError):
    """The schema cannot be brought up to date; the message says which migration and why."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ quoting
def sql_literal(value) -> str:
    """A value as an SQL literal. Text uses the E'' form, whose meaning does not depend on
    the session's standard_conforming_strings, so no value can end the literal early."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return repr(value)
    text = str(value)
    if "\x00" in text:
        raise ValueError("text with a NUL character cannot be stored")
    return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def sql_identifier(name: str) -> str:
    if not name or "\x00" in name:
        raise ValueError(f"not a usable SQL name: {name!r}")
    return '"' + name.replace('"', '""') + '"'


# ------------------------------------------------------------------ migrations
def load_migrations(directory=None) -> list:
    """The migrations of ``directory`` (default resources/registry), in version order."""
    directory = Path(directory) if directory is not None else resource_path("registry")
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = MIGRATION_FILE.match(path.name)
        if match is None:
            raise MigrationError(f"{path.name}: migration files are named NNN_name.sql")
        found.append(Migration(int(match[1]), match[2], path.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise MigrationError(f"migration versions must run 1, 2, 3... without gaps: {versions}")
    return found


def applied_migrations(db) -> dict:
    """{version: checksum} of the migrations recorded in registry.schema_version."""
    exists = db.execute("SELECT to_regclass('registry.schema_version') IS NOT NULL")
    if not exists or not exists[0][0]:
        return {}
    rows = db.execute("SELECT version, checksum FROM registry.schema_version ORDER BY version")
    return {int(version): checksum for version, checksum in rows}


def schema_version(db) -> int:
    """The highest applied migration, 0 for a database without the registry."""
    return max(applied_migrations(db), default=0)


def upgrade(db, target=None, migrations=None, progress=None) -> list:
    """Apply the migrations not yet applied, up to ``target`` (default: the latest).

    Each migration and its schema_version row form one transaction, under an advisory lock.
    Raises MigrationError when an applied migration's file has changed since, or when a
    migration fails (nothing of that migration is kept). Returns the versions applied.
    """
    migrations = load_migrations() if migrations is None else migrations
    if target is None:
        target = migrations[-1].version if migrations else 0
    db.execute(BOOTSTRAP_SQL)
    applied = applied_migrations(db)
    for migration in migrations:
        recorded = applied.get(migration.version)
        if recorded is not None and recorded != migration.checksum:
            raise MigrationError(
                f"migration {migration.version:03d}_{migration.name} was changed after it was "
                "applied: add a new migration instead of editing an applied one"
            )
    done = []
    for migration in migrations:
        if migration.version > target or migration.version in applied:
            continue
        if progress is not None:
            progress(migration)
        record = (
            "INSERT INTO registry.schema_version (version, name, checksum) VALUES ("
            f"{migration.version}, {sql_literal(migration.name)}, "
            f"{sql_literal(migration.checksum)});"
        )
        try:
            db.execute(f"SELECT pg_advisory_xact_lock({LOCK_KEY});\n{migration.sql}\n{record}")
        except Exception as err:  # the driver's own error type: psycopg2 or QGIS
            raise MigrationError(
                f"migration {migration.version:03d}_{migration.name} failed: {err}"
            ) from err
        done.append(migration.version)
    return done


# ------------------------------------------------------------------ logins and catalogue
def opaque_login() -> str:
    """A login name that says nothing about its holder: "reg_" and 16 random hex digits.

    Every login can list the names of all roles (pg_roles; PostgreSQL offers no way to hide
    them), the anonymous reader included: names like ent_pp02 would tell it which
    enterprises are registered. Which opaque login owns which enterprise is written only in
    registry.enterprise.owner_login, which the anonymous reader cannot read."""
    return "reg_" + secrets.token_hex(8)


def create_login(db, login, password: str, kind: str) -> str:
    """A real database login of the given kind (enterprise, operator or anonymous); an
    opaque name (``opaque_login``) when ``login`` is None. Returns the login's name.
    Needs a superuser or CREATEROLE connection."""
    if kind not in LOGIN_KINDS:
        raise ValueError(f"login kind must be one of {LOGIN_KINDS}, not {kind!r}")
    login = opaque_login() if login is None else login
    db.execute(
        f"SELECT registry.create_login({sql_literal(login)}, {sql_literal(password)}, "
        f"{sql_literal(kind)})"
    )
    return login


def create_enterprise_login(db, ent_id: str, password: str) -> str:
    """Make (or give a new password to) the login named as the owner of enterprise
    ``ent_id``; returns its name. Raises MigrationError for an unknown enterprise."""
    rows = db.execute(
        f"SELECT owner_login FROM registry.enterprise WHERE ent_id = {sql_literal(ent_id)}"
    )
    if not rows:
        raise MigrationError(f"there is no enterprise {ent_id} in the registry")
    return create_login(db, rows[0][0], password, "enterprise")


def sync_materials(db, catalogue=None) -> int:
    """Insert or update the material catalogue (resources/materials.csv) in the registry."""
    path = Path(catalogue) if catalogue is not None else resource_path("materials.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        return 0
    values = ",\n".join(
        "("
        + ", ".join(sql_literal(row[c]) for c in ("code", "name_en", "name_ru", "category"))
        + f", {sql_literal(row['unit'])})"
        for row in rows
    )
    db.execute(
        "INSERT INTO registry.material (code, name_en, name_ru, category, unit) VALUES\n"
        f"{values}\nON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, "
        "name_ru = EXCLUDED.name_ru, category = EXCLUDED.category, unit = EXCLUDED.unit"
    )
    return len(rows)


# ------------------------------------------------------------------ the Kuzbass sample
def enterprise_login(ent_id: str) -> str:
    """The login that owns a sample enterprise: ent_pp04 for PP04."""
    return "ent_" + re.sub(r"[^a-z0-9_]", "_", ent_id.lower())


def gpkg_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (header: magic, version, flags, srs id,
    optional envelope whose size the flags give)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope_bytes = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0x07]
    return blob[8 + envelope_bytes :]


def _gpkg_layer_srid(gpkg: sqlite3.Connection, table: str) -> int:
    row = gpkg.execute(
        "SELECT s.organization, s.organization_coordsys_id FROM gpkg_geometry_columns g "
        "JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE g.table_name = ?",
        (table,),
    ).fetchone()
    if row is None or str(row[0]).upper() != "EPSG":
        raise MigrationError(f"layer {table}: only EPSG coordinate systems can be loaded")
    return int(row[1])


def load_sample(db, gpkg_path, visibility="public", opaque_logins=False) -> dict:
    """Load the enterprises and flows of a symbiosis GeoPackage (the Kuzbass sample) as
    registry enterprises and listings. Enterprise X is owned by login ent_x (see
    ``enterprise_login``), or with ``opaque_logins`` by a login with an opaque name
    (``opaque_login``); the logins themselves are made with ``create_login`` or
    ``create_enterprise_login``. Runs as the database owner (row-level security does not
    apply to it). Returns the numbers of enterprises and listings loaded and ``owners``,
    {ent_id: owner login}."""
    gpkg = sqlite3.connect(f"file:{Path(gpkg_path)}?mode=ro", uri=True)
    try:
        srid = _gpkg_layer_srid(gpkg, "enterprises")
        ents = gpkg.execute(
            "SELECT ent_id, name, name_ru, sector, node, operator, geom FROM enterprises "
            "ORDER BY fid"
        ).fetchall()
        flows = gpkg.execute(
            "SELECT ent_id, direction, material, quantity, unit, fkko, price, source, year "
            "FROM flows ORDER BY fid"
        ).fetchall()
    finally:
        gpkg.close()
    roles = _material_roles()
    owners = {
        row[0]: opaque_login() if opaque_logins else enterprise_login(row[0]) for row in ents
    }
    ent_values = []
    for ent_id, name, name_ru, sector, node, operator, geom in ents:
        point = (
            f"ST_Transform(ST_SetSRID(ST_GeomFromWKB(decode({sql_literal(gpkg_wkb(geom).hex())}"
            f", 'hex')), {srid}), 4326)"
        )
        ent_values.append(
            "("
            + ", ".join(
                sql_literal(v)
                for v in (ent_id, name, name_ru, sector, node, operator, owners[ent_id])
            )
            + f", {point})"
        )
    listing_values = []
    for ent_id, direction, material, quantity, unit, fkko, price, source, year in flows:
        offer = direction == "supply"
        status = ("waste" if roles.get(material) == "waste" else "by_product") if offer else None
        listing_values.append(
            "("
            + ", ".join(
                sql_literal(v)
                for v in (
                    ent_id,
                    "offer" if offer else "need",
                    material,
                    fkko or None,
                    quantity,
                    unit,
                    status,
                    price,
                    visibility,
                    source or "",
                    year,
                )
            )
            + ")"
        )
    db.execute(
        "INSERT INTO registry.enterprise (ent_id, name, name_ru, sector, node, operator, "
        "owner_login, geom) VALUES\n" + ",\n".join(ent_values) + ";\n"
        "INSERT INTO registry.listing (ent_id, kind, material, fkko, quantity, unit, "
        "legal_status, price, visibility, source, year) VALUES\n" + ",\n".join(listing_values)
    )
    return {"enterprises": len(ent_values), "listings": len(listing_values), "owners": owners}


def _material_roles() -> dict:
    with resource_path("materials.csv").open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row.get("role", "") for row in csv.DictReader(handle)}


# ------------------------------------------------------------------ psycopg2
class PsycopgDatabase:
    """A psycopg2 connection in autocommit mode: each execute() is its own transaction."""

    def __init__(self, connection):
        self.connection = connection
        self.connection.autocommit = True

    def execute(self, sql: str) -> list:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description is not None else []

    def close(self):
        self.connection.close()


def psycopg_database(dsn: str) -> PsycopgDatabase:
    import psycopg2  # only the runner and the tests need it; the plugin uses QGIS's driver

    return PsycopgDatabase(psycopg2.connect(dsn))
