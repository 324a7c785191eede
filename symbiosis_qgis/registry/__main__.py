"""Command line of the registry runner (used by `make registry`; needs psycopg2).

    python -m symbiosis_qgis.registry --dsn "host=... dbname=... user=... password=..." \
        upgrade [--sample [--opaque-logins]] [--login NAME:PASSWORD:KIND ...] \
        [--enterprise-login ENT_ID:PASSWORD ...]
    python -m symbiosis_qgis.registry --dsn "..." status
"""

import argparse
import sys

from ..paths import sample_data_path
from .migrations import (
    LOGIN_KINDS,
    MigrationError,
    create_enterprise_login,
    create_login,
    load_migrations,
    load_sample,
    psycopg_database,
    schema_version,
    sync_materials,
    upgrade,
)


def _login(text):
    name, _, rest = text.partition(":")
    password, _, kind = rest.rpartition(":")
    if not name or not password or kind not in LOGIN_KINDS:
        raise argparse.ArgumentTypeError(f"expected NAME:PASSWORD:KIND ({'|'.join(LOGIN_KINDS)})")
    return (None if name == "*" else name), password, kind  # *: an opaque name


def _enterprise_login(text):
    ent_id, _, password = text.partition(":")
    if not ent_id or not password:
        raise argparse.ArgumentTypeError("expected ENT_ID:PASSWORD")
    return ent_id, password


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m symbiosis_qgis.registry")
    parser.add_argument("--dsn", required=True, help="libpq connection string of the owner")
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("upgrade", help="create or upgrade the schema")
    up.add_argument("--sample", action="store_true", help="load the Kuzbass sample if empty")
    up.add_argument(
        "--opaque-logins",
        action="store_true",
        help="the sample's enterprises are owned by logins with opaque names (reg_<hex>)",
    )
    up.add_argument(
        "--login",
        action="append",
        type=_login,
        default=[],
        help="make a login NAME:PASSWORD:KIND; NAME * makes an opaque name (reg_<hex>)",
    )
    up.add_argument(
        "--enterprise-login",
        action="append",
        type=_enterprise_login,
        default=[],
        help="make the login that owns enterprise ENT_ID, with this password",
    )
    commands.add_parser("status", help="print the schema version")
    args = parser.parse_args(argv)

    db = psycopg_database(args.dsn)
    try:
        if args.command == "status":
            latest = load_migrations()[-1].version
            print(f"schema version {schema_version(db)} (latest {latest})")
            return 0
        applied = upgrade(db, progress=lambda m: print(f"applying {m.version:03d}_{m.name}"))
        print(f"schema version {schema_version(db)}; applied now: {applied or 'none'}")
        print(f"{sync_materials(db)} catalogue materials")
        if args.sample:
            present = db.execute("SELECT count(*) FROM registry.enterprise")[0][0]
            if present:
                print(f"sample not loaded: the registry already holds {present} enterprises")
            else:
                loaded = load_sample(
                    db, sample_data_path("kuzbass.gpkg"), opaque_logins=args.opaque_logins
                )
                print(f"sample loaded: {loaded['enterprises']} enterprises, "
                      f"{loaded['listings']} listings")  # fmt: skip
        for name, password, kind in args.login:
            name = create_login(db, name, password, kind)
            print(f"login {name} ({kind}) ready")
        for ent_id, password in args.enterprise_login:
            name = create_enterprise_login(db, ent_id, password)
            print(f"login {name} (enterprise {ent_id}) ready")
    except MigrationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
