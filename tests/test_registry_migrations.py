"""Registry migrations on a real PostgreSQL 15 + PostGIS: empty database, re-apply, upgrade."""

import pytest

from symbiosis_qgis.registry import migrations
from symbiosis_qgis.registry.migrations import Migration, MigrationError

from .conftest import SAMPLE_GPKG

# what a migration creates, as the catalogues list it
SCHEMA_OBJECTS = """
SELECT 'relation', n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'registry%'
UNION ALL SELECT 'policy', tablename || '.' || policyname || ':' || cmd::text || ':'
  || coalesce(qual, '') || ':' || coalesce(with_check, '') FROM pg_policies
  WHERE schemaname = 'registry'
UNION ALL SELECT 'function', p.proname FROM pg_proc p JOIN pg_namespace n
  ON n.oid = p.pronamespace WHERE n.nspname = 'registry'
UNION ALL SELECT 'grant', grantee || ':' || table_name || ':' || privilege_type
  FROM information_schema.role_table_grants WHERE table_schema LIKE 'registry%'
ORDER BY 1, 2
"""
# every row of every table, as text, for before/after comparisons
TABLE_CONTENTS = {
    table: f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')), count(*) "
    f"FROM registry.{table} t"
    for table in ("material", "enterprise", "listing", "match")
}


@pytest.fixture()
def empty_db(registry_server, request):
    name = registry_server.create_database(f"mig_{request.node.name[:40].lower()}")
    db = migrations.psycopg_database(registry_server.dsn(name))
    yield db
    db.close()


def test_migrations_create_the_registry_in_an_empty_database(empty_db):
    files = migrations.load_migrations()
    assert [m.version for m in files] == list(range(1, len(files) + 1))
    assert migrations.schema_version(empty_db) == 0
    assert migrations.upgrade(empty_db) == [m.version for m in files]
    recorded = empty_db.execute("SELECT version, name, checksum FROM registry.schema_version")
    assert sorted(recorded) == [(m.version, m.name, m.checksum) for m in files]
    tables = {
        row[0]
        for row in empty_db.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_schema LIKE 'registry%'"
        )
    }
    assert tables >= {
        "registry.enterprise",
        "registry.listing",
        "registry.match",
        "registry.enterprises",
        "registry.flows",
        "registry_public.tonnes_by_node_material",
    }
    # the views carry exactly the plugin's layer fields (and fid for QGIS)
    columns = empty_db.execute(
        "SELECT table_name, string_agg(column_name, ',' ORDER BY ordinal_position) "
        "FROM information_schema.columns WHERE table_schema = 'registry' "
        "AND table_name IN ('enterprises', 'flows') GROUP BY table_name ORDER BY 1"
    )
    assert columns == [
        ("enterprises", "fid,ent_id,name,name_ru,sector,node,operator,geom"),
        ("flows", "fid,flow_id,ent_id,direction,material,quantity,unit,fkko,price,source,year"),
    ]
    rls = empty_db.execute(
        "SELECT relname FROM pg_class WHERE relrowsecurity AND relnamespace = "
        "'registry'::regnamespace ORDER BY 1"
    )
    assert rls == [("enterprise",), ("listing",), ("match",)]


def test_reapplying_is_a_no_op(empty_db):
    migrations.upgrade(empty_db)
    before = empty_db.execute(SCHEMA_OBJECTS)
    versions = empty_db.execute("SELECT version, applied_at FROM registry.schema_version")
    assert migrations.upgrade(empty_db) == []
    assert empty_db.execute(SCHEMA_OBJECTS) == before
    assert empty_db.execute("SELECT version, applied_at FROM registry.schema_version") == versions


def test_upgrade_from_the_previous_version_keeps_every_row(empty_db):
    latest = migrations.load_migrations()[-1].version
    assert migrations.upgrade(empty_db, target=latest - 1) == list(range(1, latest))
    migrations.sync_materials(empty_db)
    migrations.load_sample(empty_db, SAMPLE_GPKG)
    empty_db.execute(
        "INSERT INTO registry.match (supply_listing, demand_listing, rule_id, status) "
        "SELECT s.listing_id, d.listing_id, 'R-test', 'contacted' FROM registry.listing s, "
        "registry.listing d WHERE s.kind = 'offer' AND d.kind = 'need' LIMIT 7"
    )
    before = {t: empty_db.execute(sql)[0] for t, sql in TABLE_CONTENTS.items()}
    assert before["enterprise"][1] == 113 and before["listing"][1] == 254
    assert before["match"][1] == 7

    assert migrations.upgrade(empty_db) == [latest]
    after = {t: empty_db.execute(sql)[0] for t, sql in TABLE_CONTENTS.items()}
    assert after == before
    # and the upgraded schema shows the same rows through its views
    assert empty_db.execute("SELECT count(*) FROM registry.flows")[0][0] == 254
    assert empty_db.execute("SELECT count(*) FROM registry.enterprises")[0][0] == 113


def test_a_changed_applied_migration_is_refused(empty_db):
    files = migrations.load_migrations()
    migrations.upgrade(empty_db)
    edited = [Migration(m.version, m.name, m.sql + "\n-- edited") for m in files]
    with pytest.raises(MigrationError, match="001_core was changed"):
        migrations.upgrade(empty_db, migrations=edited)


def test_a_failing_migration_leaves_nothing_behind(empty_db):
    files = migrations.load_migrations()
    migrations.upgrade(empty_db)
    broken = Migration(
        len(files) + 1,
        "broken",
        "CREATE TABLE registry.half_done (x int);\nSELECT no_such_function();",
    )
    with pytest.raises(MigrationError, match="no_such_function"):
        migrations.upgrade(empty_db, migrations=[*files, broken])
    assert empty_db.execute("SELECT to_regclass('registry.half_done')") == [(None,)]
    assert migrations.schema_version(empty_db) == len(files)
