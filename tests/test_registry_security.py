"""Row-level security of the registry with real logins: enterprise A (ent_pp02, owns PP02)
against enterprise B (ent_st01, owns ST01), the regional operator and an anonymous reader."""

import psycopg2
import pytest
from psycopg2 import errors

from symbiosis_qgis.registry.migrations import sql_literal

from .registry_server import (
    ENT_A,
    ENT_B,
    GUEST,
    LOGIN_A,
    LOGIN_B,
    OPERATOR,
    login_database,
    password,
    sample_registry,
)

DB = "security"
NEW_LISTING = (
    "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit, legal_status, "
    "visibility) VALUES ({ent}, 'offer', 'fly_ash', 1000, 't/yr', 'waste', {visibility}) "
    "RETURNING listing_id"
)


@pytest.fixture(scope="module")
def registry(registry_server):
    """The sample registry, with one listing of B per visibility (made by B itself)."""
    owner = sample_registry(registry_server, DB)
    b = login_database(registry_server, DB, LOGIN_B)
    listings = {
        visibility: b.execute(
            NEW_LISTING.format(ent=sql_literal(ENT_B), visibility=sql_literal(visibility))
        )[0][0]
        for visibility in ("public", "members", "operator")
    }
    b.close()
    yield registry_server, owner, listings
    owner.close()


@pytest.fixture()
def as_a(registry):
    db = login_database(registry[0], DB, LOGIN_A)
    yield db
    db.close()


def ids(rows):
    return {row[0] for row in rows}


def test_a_reads_public_and_members_listings_of_b_but_not_operator_only(registry, as_a):
    _, owner, listings = registry
    visible = ids(
        as_a.execute(f"SELECT listing_id FROM registry.listing WHERE ent_id = '{ENT_B}'")
    )
    assert {listings["public"], listings["members"]} <= visible
    assert listings["operator"] not in visible
    for view, key in (("flows", "fid"), ("listings_map", "fid")):
        assert listings["operator"] not in ids(as_a.execute(f"SELECT {key} FROM registry.{view}"))
    # the owner's count says the row exists: it is hidden, not missing
    assert owner.execute(
        f"SELECT count(*) FROM registry.listing WHERE listing_id = {listings['operator']}"
    ) == [(1,)]
    direct = as_a.execute(
        f"SELECT count(*) FROM registry.listing WHERE listing_id = {listings['operator']}"
    )
    assert direct == [(0,)]


def test_a_cannot_update_or_delete_listings_of_b(registry, as_a):
    _, owner, listings = registry
    target = listings["public"]
    count_b = f"SELECT count(*) FROM registry.listing WHERE ent_id = '{ENT_B}'"
    before = owner.execute(count_b)
    assert (
        as_a.execute(
            f"UPDATE registry.listing SET quantity = 1 WHERE listing_id = {target} RETURNING 1"
        )
        == []
    )
    assert as_a.execute(f"DELETE FROM registry.listing WHERE ent_id = '{ENT_B}' RETURNING 1") == []
    assert owner.execute(f"SELECT quantity FROM registry.listing WHERE listing_id = {target}") == [
        (1000,)
    ]
    assert owner.execute(count_b) == before


def test_a_cannot_insert_a_listing_for_b(as_a):
    with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
        as_a.execute(NEW_LISTING.format(ent=sql_literal(ENT_B), visibility="'public'"))
    # nor for an enterprise nobody owns yet (PP04's login does not exist)
    with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
        as_a.execute(NEW_LISTING.format(ent="'PP04'", visibility="'public'"))
    # its own: yes
    assert as_a.execute(NEW_LISTING.format(ent=sql_literal(ENT_A), visibility="'members'"))


def test_a_cannot_change_owner_fields(registry, as_a):
    _, owner, _ = registry
    mine = as_a.execute(NEW_LISTING.format(ent=sql_literal(ENT_A), visibility="'members'"))[0][0]
    with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
        as_a.execute(f"UPDATE registry.listing SET ent_id = '{ENT_B}' WHERE listing_id = {mine}")
    with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
        as_a.execute(
            f"UPDATE registry.enterprise SET owner_login = 'someone' WHERE ent_id = '{ENT_A}'"
        )
    with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
        as_a.execute(
            f"UPDATE registry.listing SET updated_by = '{LOGIN_B}' WHERE listing_id = {mine}"
        )
    # B's enterprise description is out of reach; A's own is A's to edit
    assert (
        as_a.execute(
            f"UPDATE registry.enterprise SET name = 'x' WHERE ent_id = '{ENT_B}' RETURNING 1"
        )
        == []
    )
    assert as_a.execute(
        f"UPDATE registry.enterprise SET node = node WHERE ent_id = '{ENT_A}' RETURNING 1"
    ) == [(1,)]
    assert owner.execute(
        f"SELECT ent_id, updated_by FROM registry.listing WHERE listing_id = {mine}"
    ) == [(ENT_A, LOGIN_A)]


@pytest.mark.parametrize(
    "statement",
    [
        f"SET ROLE {LOGIN_B}",
        f"SET ROLE {OPERATOR}",
        "SET ROLE registry_operator",
        "SET ROLE postgres",
        f"SET SESSION AUTHORIZATION {LOGIN_B}",
    ],
)
def test_a_cannot_become_another_role(as_a, statement):
    with pytest.raises(errors.InsufficientPrivilege):
        as_a.execute(statement)


def test_a_cannot_log_in_as_b_with_its_own_password(registry):
    server = registry[0]
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        psycopg2.connect(server.dsn(DB, LOGIN_B, password(LOGIN_A)))


def test_a_cannot_create_objects_or_touch_matches(registry, as_a):
    _, owner, listings = registry
    for statement in (
        "CREATE TABLE public.spy (x text)",
        "CREATE TEMP TABLE spy (x text)",
        "CREATE FUNCTION registry.spy() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        f"INSERT INTO registry.match (supply_listing, demand_listing, rule_id) VALUES "
        f"({listings['public']}, {listings['members']}, 'R')",
        "SELECT registry.create_login('intruder', 'x', 'operator')",
    ):
        with pytest.raises(errors.InsufficientPrivilege):
            as_a.execute(statement)
    assert owner.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'intruder'") == [(0,)]


def test_matches_are_the_operators_and_parties_see_their_own(registry, as_a):
    server, owner, listings = registry
    operator = login_database(server, DB, OPERATOR)
    try:
        a_need = as_a.execute(
            "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit) VALUES "
            f"('{ENT_A}', 'need', 'fly_ash', 10, 't/yr') RETURNING listing_id"
        )[0][0]
        # the operator reads every listing, operator-only ones included, and proposes matches
        seen = ids(operator.execute("SELECT listing_id FROM registry.listing"))
        assert set(listings.values()) | {a_need} <= seen
        for supply in (listings["public"], listings["operator"]):
            operator.execute(
                "INSERT INTO registry.match (supply_listing, demand_listing, rule_id) "
                f"VALUES ({supply}, {a_need}, 'R-sec')"
            )
        other = owner.execute(
            "SELECT listing_id FROM registry.listing WHERE ent_id NOT IN "
            f"('{ENT_A}', '{ENT_B}') AND kind = 'need' LIMIT 1"
        )[0][0]
        operator.execute(
            "INSERT INTO registry.match (supply_listing, demand_listing, rule_id) "
            f"VALUES ({listings['members']}, {other}, 'R-sec')"
        )
        operator.execute("UPDATE registry.match SET status = 'contacted' WHERE rule_id = 'R-sec'")
        changed = operator.execute(
            "SELECT DISTINCT changed_by FROM registry.match WHERE rule_id = 'R-sec'"
        )
        assert changed == [(OPERATOR,)]
        # A sees its match with B's public offer; neither the one with B's operator-only
        # offer (that would reveal it) nor the one between B and a third enterprise
        seen = as_a.execute("SELECT supply_listing FROM registry.match WHERE rule_id = 'R-sec'")
        assert seen == [(listings["public"],)]
        with pytest.raises(errors.InsufficientPrivilege):
            as_a.execute("UPDATE registry.match SET status = 'agreed'")
    finally:
        operator.close()
    # and the operator writes no listing of its own
    operator = login_database(server, DB, OPERATOR)
    try:
        with pytest.raises(errors.InsufficientPrivilege):
            operator.execute(NEW_LISTING.format(ent=sql_literal(ENT_A), visibility="'public'"))
    finally:
        operator.close()


def test_anonymous_reader_sees_totals_without_identities(registry):
    server, owner, _ = registry
    guest = login_database(server, DB, GUEST)
    try:
        for relation in ("enterprise", "listing", "match", "enterprises", "flows", "listings_map"):
            with pytest.raises(errors.InsufficientPrivilege):
                guest.execute(f"SELECT * FROM registry.{relation} LIMIT 1")
        columns = guest.execute(
            "SELECT DISTINCT column_name FROM information_schema.columns "
            "WHERE table_schema = 'registry_public'"
        )
        assert {c for (c,) in columns} == {
            "node",
            "material",
            "direction",
            "unit",
            "enterprises",
            "listings",
            "quantity",
        }
        totals = guest.execute("SELECT * FROM registry_public.tonnes_by_node_material")
        assert totals, "the sample has public totals"
        assert all(row[4] >= 3 for row in totals)  # no total stands for fewer than 3
        texts = {str(v) for row in totals for v in row}
        names = owner.execute("SELECT ent_id, name, owner_login FROM registry.enterprise")
        assert not texts & {str(v) for row in names for v in row}
        # the totals agree with the public listings behind them
        expected = owner.execute(
            "SELECT e.node, l.material, sum(l.quantity)::float8 FROM registry.listing l "
            "JOIN registry.enterprise e USING (ent_id) WHERE l.visibility = 'public' "
            "GROUP BY 1, 2, l.kind, l.unit HAVING count(DISTINCT l.ent_id) >= 3 ORDER BY 1, 2, 3"
        )
        assert sorted((r[0], r[1], r[6]) for r in totals) == sorted(expected)
        # region-wide totals add up the node totals shown, so nothing held back can be
        # recovered by subtraction
        by_material = guest.execute(
            "SELECT material, direction, unit, quantity FROM registry_public.tonnes_by_material"
        )
        sums = {}
        for _node, material, direction, unit, _, _, quantity in totals:
            key = (material, direction, unit)
            sums[key] = sums.get(key, 0.0) + quantity
        assert {(m, d, u): q for m, d, u, q in by_material} == pytest.approx(sums)
    finally:
        guest.close()


VERBATIM = [
    "O'Brien \"Kuzbass\" Coal \\ Co; backslash \\' and quote ''",
    "x'); DROP TABLE registry.listing; --",
    "1 OR 1=1; SELECT pg_sleep(10); $$ $tag$ E'\\x00' /* */ %s %(name)s",
    "Угольная компания «Кузбасс» ⛏️🏭♻️ 👷🏽‍♀️ \U0001f9ea",
    "Ж" * 10_000,
]


@pytest.mark.parametrize("text", VERBATIM, ids=["quotes", "sql", "fragments", "emoji", "10k"])
def test_names_and_notes_are_stored_verbatim(registry, as_a, text):
    _, owner, _ = registry
    as_a.execute(
        f"UPDATE registry.enterprise SET name = {sql_literal(text)} WHERE ent_id = '{ENT_A}'"
    )
    listing = as_a.execute(
        "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit, quality, "
        f"contract_term) VALUES ('{ENT_A}', 'need', 'fly_ash', 1, 't/yr', {sql_literal(text)}, "
        f"{sql_literal(text[::-1])}) RETURNING listing_id"
    )[0][0]
    assert owner.execute(f"SELECT name FROM registry.enterprise WHERE ent_id = '{ENT_A}'") == [
        (text,)
    ]
    assert as_a.execute(
        f"SELECT quality, contract_term FROM registry.listing WHERE listing_id = {listing}"
    ) == [(text, text[::-1])]
    assert owner.execute("SELECT count(*) FROM registry.listing")[0][0] > 254  # nothing dropped
