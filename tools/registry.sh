#!/usr/bin/env bash
# `make registry`: a local PostgreSQL 15 + PostGIS registry in ./.registry with the Kuzbass
# sample, two enterprise logins, the regional operator and an anonymous reader.
#   bash tools/registry.sh         start (initialising on first use), migrate, print logins
#   bash tools/registry.sh stop    stop the server (the data stay in .registry)
#   bash tools/registry.sh destroy stop and delete .registry
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIR=$ROOT/.registry
PG_BIN=/usr/lib/postgresql/15/bin
DB=symbiosis_registry
PY=$ROOT/.venv/bin/python
[ -x "$PY" ] || PY=/usr/bin/python3

if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL 15 is not installed: run 'make setup' first" >&2
  exit 1
fi

# initdb refuses to run as root: then the server runs as the postgres system user.
as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$DIR"
chmod 700 "$DIR"
DATA=$DIR/data
SOCKETS=$DIR
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$DIR"
  if ! runuser -u postgres -- test -x "$DIR"; then
    # a parent folder (a home directory, say) is closed to the postgres user
    DATA=/var/lib/postgresql/symbiosis_registry_$(echo "$ROOT" | md5sum | cut -c1-8)
    mkdir -p "$DATA" && chown postgres:postgres "$DATA" && chmod 700 "$DATA"
    SOCKETS=$DATA
    echo "note: $DIR is not reachable by the postgres user; data in $DATA"
  fi
fi

case "${1:-start}" in
  stop)
    as_server "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop || true
    exit 0 ;;
  destroy)
    as_server "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop 2>/dev/null || true
    rm -rf "$DIR" "$DATA"
    echo "removed $DIR"
    exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|stop|destroy]" >&2; exit 2 ;;
esac

if [ ! -f "$DIR/port" ]; then
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
    > "$DIR/port"
fi
PORT=$(cat "$DIR/port")
secret() { "$PY" -c 'import secrets; print(secrets.token_urlsafe(12))'; }
if [ ! -f "$DIR/logins" ]; then
  umask 077
  {
    echo "postgres:$(secret):owner"
    echo "ent_pp02:$(secret):enterprise"
    echo "ent_st01:$(secret):enterprise"
    echo "kuzbass_operator:$(secret):operator"
    echo "registry_guest:guest:anonymous"
  } > "$DIR/logins"
  umask 022
fi
password_of() { awk -F: -v n="$1" '$1 == n { print $2 }' "$DIR/logins"; }
OWNER_PASSWORD=$(password_of postgres)

if [ ! -f "$DATA/PG_VERSION" ]; then
  echo "initialising a PostgreSQL cluster in $DATA"
  PWFILE=$(mktemp)
  echo "$OWNER_PASSWORD" > "$PWFILE"
  [ "$(id -u)" = 0 ] && chown postgres "$PWFILE"
  as_server "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=scram-sha-256 \
    --pwfile="$PWFILE" -E UTF8 --no-locale > "$DIR/initdb.log"
  rm -f "$PWFILE"
fi

if ! as_server "$PG_BIN/pg_ctl" -D "$DATA" status > /dev/null 2>&1; then
  as_server "$PG_BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-c port=$PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$SOCKETS" start
fi

OWNER_DSN="host=127.0.0.1 port=$PORT user=postgres password=$OWNER_PASSWORD"
if ! "$PY" -c "import psycopg2, sys; c = psycopg2.connect(sys.argv[1] + ' dbname=postgres'); \
cur = c.cursor(); cur.execute('SELECT 1 FROM pg_database WHERE datname = %s', ('$DB',)); \
sys.exit(0 if cur.fetchone() else 1)" "$OWNER_DSN"; then
  "$PY" -c "import psycopg2, sys; c = psycopg2.connect(sys.argv[1] + ' dbname=postgres'); \
c.autocommit = True; c.cursor().execute('CREATE DATABASE $DB')" "$OWNER_DSN"
fi

LOGIN_ARGS=()
while IFS=: read -r name password kind; do
  [ "$kind" = owner ] || LOGIN_ARGS+=(--login "$name:$password:$kind")
done < "$DIR/logins"
"$PY" -m symbiosis_qgis.registry --dsn "$OWNER_DSN dbname=$DB" upgrade --sample "${LOGIN_ARGS[@]}"

cat <<EOF

The registry runs on 127.0.0.1:$PORT, database $DB (data in $DATA).
Add one connection per login in QGIS: Browser panel -> PostgreSQL -> New Connection...
  Name: e.g. "registry $(echo ent_pp02)"; Host: 127.0.0.1; Port: $PORT; Database: $DB;
  Authentication -> Basic: the user name and password below (tick "Store").
  login             password                  role
$(awk -F: '$3 != "owner" { printf "  %-17s %-25s %s\n", $1, $2, $3 }' "$DIR/logins")
  ent_pp02 owns PP02 (Tom-Usinskaya GRES), ent_st01 owns ST01 (EVRAZ ZSMK); each edits only
  its own listings in Industrial symbiosis -> Resource registry. kuzbass_operator reads
  everything and runs symbiosis:publishmatches; registry_guest sees only the totals in
  schema registry_public. Every other sample enterprise X is owned by login ent_x, which
  does not exist until the owner makes it:
    SELECT registry.create_login('ent_pp04', 'a password', 'enterprise');
  (as postgres, password in .registry/logins).
  Login names are readable by every login (pg_roles): outside this demonstration give them
  opaque names (--opaque-logins, docs/registry.md "Login names are public").
From the command line: psql "host=127.0.0.1 port=$PORT dbname=$DB user=ent_pp02"
Stop the server: bash tools/registry.sh stop   (remove it: bash tools/registry.sh destroy)
EOF
