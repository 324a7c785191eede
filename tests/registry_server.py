"""A throw-away PostgreSQL 15 + PostGIS server for the registry tests (real, never mocked).

initdb refuses to run as root, and CI and the development sessions run as root: then the
server runs as the `postgres` system user (installed with postgresql-15) in a folder it owns.
"""

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

PG_BIN = Path("/usr/lib/postgresql/15/bin")
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")
SUPERUSER = "postgres"


def missing_binaries():
    """Why a server cannot be started here, or "" when it can."""
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 15 is not installed ({PG_BIN}/initdb missing): run `make setup`"
    if not POSTGIS_CONTROL.exists():
        return "PostGIS 3 for PostgreSQL 15 is not installed: run `make setup`"
    return ""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalServer:
    """initdb + pg_ctl in a temporary folder, on a free port, password logins only."""

    def __init__(self, fsync=False):
        self.fsync = fsync  # off for the tests: they never crash the server itself
        self.folder = Path(tempfile.mkdtemp(prefix="symbiosis_registry_"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.password = secrets.token_hex(12)
        self.as_root = os.geteuid() == 0

    def _run(self, *args):
        command = [str(a) for a in args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self):
        pwfile = self.folder / "pwfile"
        pwfile.write_text(self.password + "\n")
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
        self._run(
            PG_BIN / "initdb",
            "-D",
            self.data,
            "-U",
            SUPERUSER,
            "--auth=scram-sha-256",
            f"--pwfile={pwfile}",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        pwfile.unlink()
        options = (
            f"-c port={self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.folder} -c fsync={'on' if self.fsync else 'off'} "
            "-c max_connections=120 -c shared_buffers=64MB"
        )
        self._run(
            PG_BIN / "pg_ctl", "-D", self.data, "-l", self.folder / "server.log", "-w",
            "-o", options, "start",
        )  # fmt: skip
        return self

    def stop(self):
        try:
            self._run(PG_BIN / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def dsn(self, dbname="postgres", user=SUPERUSER, password=None):
        password = self.password if password is None else password
        return (
            f"host=127.0.0.1 port={self.port} dbname={dbname} user={user} "
            f"password={password} connect_timeout=10"
        )

    def connect(self, dbname="postgres", user=SUPERUSER, password=None, autocommit=True):
        import psycopg2

        connection = psycopg2.connect(self.dsn(dbname, user, password))
        connection.autocommit = autocommit
        return connection

    def create_database(self, name):
        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()
        return name


@pytest.fixture(scope="session")
def registry_server():
    """One server for the whole session, stopped at its end; each test makes its database."""
    reason = missing_binaries()
    if reason:
        pytest.skip(reason)
    server = LocalServer().start()
    yield server
    server.stop()


# Logins of the sample registry: two enterprises (A owns PP02, B owns ST01), the operator
# and an anonymous reader. Roles are cluster-wide, so every test database shares them.
LOGIN_A, LOGIN_B = "ent_pp02", "ent_st01"
ENT_A, ENT_B = "PP02", "ST01"
OPERATOR, GUEST = "kuzbass_operator", "registry_guest"
LOGINS = {LOGIN_A: "enterprise", LOGIN_B: "enterprise", OPERATOR: "operator", GUEST: "anonymous"}


def password(login):
    return f"pw-{login}"


def sample_registry(server, dbname):
    """A fresh database `dbname` with the schema, the catalogue, the Kuzbass sample and the
    four logins; returns the owner's database handle (psycopg2)."""
    from symbiosis_qgis.registry import migrations

    server.create_database(dbname)
    owner = migrations.psycopg_database(server.dsn(dbname))
    migrations.upgrade(owner)
    migrations.sync_materials(owner)
    migrations.load_sample(
        owner, Path(__file__).resolve().parents[1] / "sample_layers" / "kuzbass.gpkg"
    )
    for login, kind in LOGINS.items():
        migrations.create_login(owner, login, password(login), kind)
    return owner


def login_database(server, dbname, login):
    from symbiosis_qgis.registry import migrations

    return migrations.psycopg_database(server.dsn(dbname, login, password(login)))
