"""The registry under load: 20 enterprise logins writing 500 listings each at the same time,
while the operator publishes matches; and a client killed in the middle of a transaction."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from symbiosis_qgis.registry import migrations

from .registry_server import OPERATOR, login_database, sample_registry

DB = "load"
CLIENTS = 20
LISTINGS_PER_CLIENT = 500
PER_TRANSACTION = 10


@pytest.fixture(scope="module")
def registry(registry_server):
    owner = sample_registry(registry_server, DB)
    ents = [row[0] for row in owner.execute("SELECT ent_id FROM registry.enterprise ORDER BY fid")]
    clients = ents[:CLIENTS]
    for ent_id in clients:
        migrations.create_login(
            owner, migrations.enterprise_login(ent_id), "load-pw", "enterprise"
        )
    yield registry_server, owner, clients
    owner.close()


def _client(server, ent_id, errors):
    """Insert LISTINGS_PER_CLIENT listings, PER_TRANSACTION per transaction, and after each
    commit change one of its own earlier listings (row locks while others insert)."""
    import psycopg2

    try:
        connection = psycopg2.connect(
            server.dsn(DB, migrations.enterprise_login(ent_id), "load-pw")
        )
        for start in range(0, LISTINGS_PER_CLIENT, PER_TRANSACTION):
            with connection, connection.cursor() as cursor:  # one transaction
                for i in range(start, start + PER_TRANSACTION):
                    cursor.execute(
                        "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit, "
                        "legal_status, visibility, quality) VALUES (%s, %s, 'fly_ash', %s, "
                        "'t/yr', %s, 'members', %s)",
                        (
                            ent_id,
                            "offer" if i % 2 == 0 else "need",
                            1000 + i,
                            "waste" if i % 2 == 0 else None,
                            f"load:{ent_id}:{i}",
                        ),
                    )
                cursor.execute(
                    "UPDATE registry.listing SET quantity = quantity + 1 WHERE quality = %s",
                    (f"load:{ent_id}:{start // 2}",),
                )
        connection.close()
    except Exception as err:  # collected and reported by the test
        errors.append(f"{ent_id}: {type(err).__name__}: {err}")


def _operator(server, stop, errors, published):
    """Publish matches between the load listings while they are being written."""
    db = login_database(server, DB, OPERATOR)
    try:
        while not stop.is_set():
            rows = db.execute(
                "INSERT INTO registry.match (supply_listing, demand_listing, rule_id) "
                "SELECT s.listing_id, d.listing_id, 'R-load' FROM registry.listing s "
                "JOIN registry.listing d ON d.kind = 'need' AND d.ent_id <> s.ent_id "
                "WHERE s.kind = 'offer' AND s.quality LIKE 'load:%' "
                "AND d.quality LIKE 'load:%' ORDER BY random() LIMIT 20 "
                "ON CONFLICT DO NOTHING RETURNING match_id"
            )
            published.append(len(rows))
            time.sleep(0.05)
    except Exception as err:
        errors.append(f"operator: {type(err).__name__}: {err}")
    finally:
        db.close()


def test_twenty_clients_writing_at_once_lose_nothing(registry):
    server, owner, clients = registry
    deadlocks = "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"
    deadlocks_before = owner.execute(deadlocks)[0][0]
    errors, published, stop = [], [], threading.Event()
    threads = [threading.Thread(target=_client, args=(server, e, errors)) for e in clients]
    operator = threading.Thread(target=_operator, args=(server, stop, errors, published))
    started = time.perf_counter()
    operator.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.perf_counter() - started
    stop.set()
    operator.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a client hung (lock wait)"
    assert errors == []

    written = owner.execute(
        "SELECT ent_id, count(*), count(DISTINCT quality), "
        "sum(split_part(quality, ':', 3)::int) FROM registry.listing "
        "WHERE quality LIKE 'load:%' GROUP BY ent_id ORDER BY ent_id"
    )
    n = LISTINGS_PER_CLIENT
    assert written == sorted((e, n, n, n * (n - 1) // 2) for e in clients)
    # every listing carries its writer's stamp, and every update landed exactly once
    assert owner.execute(
        "SELECT count(*) FROM registry.listing WHERE quality LIKE 'load:%' "
        "AND updated_by <> 'ent_' || lower(ent_id)"
    ) == [(0,)]
    bumped = owner.execute(
        "SELECT count(*) FROM registry.listing WHERE quality LIKE 'load:%' "
        "AND quantity = 1001 + split_part(quality, ':', 3)::int"
    )
    assert bumped == [(CLIENTS * n // PER_TRANSACTION,)]
    assert owner.execute(deadlocks)[0][0] == deadlocks_before
    matches = owner.execute("SELECT count(*) FROM registry.match WHERE rule_id = 'R-load'")[0][0]
    assert matches == sum(published)
    print(
        f"\nload: {CLIENTS} clients x {n} listings = {CLIENTS * n} rows in {elapsed:.1f} s "
        f"({CLIENTS * n / elapsed:,.0f} listings/s, {CLIENTS * n // PER_TRANSACTION} "
        f"transactions), {matches} matches published meanwhile, 0 deadlocks"
    )


KILLED_CLIENT = """
import sys, time, psycopg2
connection = psycopg2.connect(sys.argv[1])
cursor = connection.cursor()
for i in range(100):
    cursor.execute(
        "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit, quality) "
        "VALUES (%s, 'need', 'fly_ash', 1, 't/yr', %s)", (sys.argv[2], f"killed:{i}"))
cursor.execute("SELECT pg_backend_pid()")
print(cursor.fetchone()[0], flush=True)
time.sleep(120)
"""


def test_a_client_killed_mid_transaction_leaves_no_partial_listing(registry):
    server, owner, clients = registry
    ent_id = clients[0]
    dsn = server.dsn(DB, migrations.enterprise_login(ent_id), "load-pw")
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_CLIENT, dsn, ent_id], stdout=subprocess.PIPE, text=True
    )
    try:
        backend = int(process.stdout.readline())
        state = owner.execute(f"SELECT state FROM pg_stat_activity WHERE pid = {backend}")
        assert state == [("idle in transaction",)]  # 100 rows written, not committed
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    for _ in range(300):  # the server notices the closed socket and rolls back
        if owner.execute(f"SELECT count(*) FROM pg_stat_activity WHERE pid = {backend}") == [(0,)]:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"backend {backend} of the killed client is still there")
    assert owner.execute(
        "SELECT count(*) FROM registry.listing WHERE quality LIKE 'killed:%'"
    ) == [(0,)]
    # the server still takes writes of that enterprise
    db = migrations.psycopg_database(dsn)
    try:
        assert db.execute(
            "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit) VALUES "
            f"('{ent_id}', 'need', 'fly_ash', 1, 't/yr') RETURNING listing_id"
        )
    finally:
        db.close()
