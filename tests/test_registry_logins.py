"""Login names: every login, the anonymous reader included, can list the names of all roles
(pg_roles). Opaque login names (reg_<16 hex digits>) keep those names from saying which
enterprises are registered; only registry.enterprise.owner_login, which the anonymous reader
cannot read, ties a login to its enterprise."""

import contextlib
import io
import re

import pytest
from psycopg2 import errors

from symbiosis_qgis.registry import migrations
from symbiosis_qgis.registry.__main__ import main
from symbiosis_qgis.registry.listings import MY_ENTERPRISE_SQL

from .registry_server import ENT_A, ENT_B, LOGIN_A, password

DB = "opaque"
OPAQUE = re.compile(r"^reg_[0-9a-f]{16}$")


@pytest.fixture(scope="module")
def registry(registry_server):
    """The sample loaded by the command line with opaque owner logins; the login of
    enterprise A and an anonymous reader made by it too."""
    registry_server.create_database(DB)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(
            [
                "--dsn",
                registry_server.dsn(DB),
                "upgrade",
                "--sample",
                "--opaque-logins",
                "--enterprise-login",
                f"{ENT_A}:pw-opaque-a",
                "--login",
                "*:pw-opaque-guest:anonymous",
            ]
        )
    assert status == 0, out.getvalue()
    printed = out.getvalue()
    login_a = re.search(rf"login (\S+) \(enterprise {ENT_A}\) ready", printed)[1]
    guest = re.search(r"login (\S+) \(anonymous\) ready", printed)[1]
    owner = migrations.psycopg_database(registry_server.dsn(DB))
    yield registry_server, owner, login_a, guest
    owner.close()


def connect(registry, login, secret):
    return migrations.psycopg_database(registry[0].dsn(DB, login, secret))


def test_sample_enterprises_are_owned_by_opaque_logins(registry):
    _, owner, login_a, guest = registry
    owners = dict(owner.execute("SELECT ent_id, owner_login FROM registry.enterprise"))
    assert len(owners) == 113
    assert len(set(owners.values())) == len(owners)  # one login per enterprise
    assert all(OPAQUE.match(login) for login in owners.values())
    assert owners[ENT_A] == login_a
    assert OPAQUE.match(guest) and guest not in owners.values()


def test_an_opaque_login_owns_its_enterprise_and_nothing_else(registry):
    _, owner, login_a, _ = registry
    a = connect(registry, login_a, "pw-opaque-a")
    try:
        assert [row[0] for row in a.execute(MY_ENTERPRISE_SQL)] == [ENT_A]
        insert = (
            "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit) "
            "VALUES ('{}', 'need', 'fly_ash', 10, 't/yr') RETURNING listing_id, updated_by"
        )
        listing_id, updated_by = a.execute(insert.format(ENT_A))[0]
        assert updated_by == login_a
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            a.execute(insert.format(ENT_B))
    finally:
        a.close()
    owner.execute(f"DELETE FROM registry.listing WHERE listing_id = {listing_id}")


def test_the_anonymous_reader_lists_login_names_but_cannot_tie_them_to_enterprises(registry):
    _, owner, login_a, guest = registry
    # a readable name, as `make registry` makes for the demonstration, is seen as it is
    migrations.create_login(owner, LOGIN_A, password(LOGIN_A), "enterprise")
    reader = connect(registry, guest, "pw-opaque-guest")
    try:
        names = {row[0] for row in reader.execute("SELECT rolname FROM pg_roles")}
        assert LOGIN_A in names  # the leak opaque names are for: "ent_pp02" says PP02
        assert login_a in names  # an opaque name is listed too, but says nothing
        for table in ("registry.enterprise", "registry.enterprises", "registry.listing"):
            with pytest.raises(errors.InsufficientPrivilege):
                reader.execute(f"SELECT owner_login FROM {table} LIMIT 1")
        columns = reader.execute(
            "SELECT DISTINCT column_name FROM information_schema.columns "
            "WHERE table_schema = 'registry_public'"
        )
        assert {"ent_id", "owner_login", "name"}.isdisjoint(c for (c,) in columns)
        assert columns  # the totals are there to read
    finally:
        reader.close()
