#!/usr/bin/env bash
# The test command: scripts/run-tests.sh [extra Maven arguments]
#
# Runs the whole suite (unit, process and HTTP integration tests) against PostgreSQL. It uses the server
# at $PGHOST:$PGPORT (default 127.0.0.1:5432, user postgres) and recreates the database powerconnect_test
# there. When nothing answers at that address, it starts a throwaway PostgreSQL from the installed binaries
# in a temporary folder (as the unprivileged user "postgres" or "nobody" when run as root, since
# PostgreSQL refuses to run as root), and removes it afterwards.
# First it checks the Prometheus alert rules and runs their unit tests with promtool; the Java suite then
# starts a real Prometheus against a running server (MonitoringEndToEndTest). Both come with Debian's
# prometheus package.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
TEST_DB="${POWERCONNECT_TEST_DB:-powerconnect_test}"

pg_bin() {
    # the newest installed PostgreSQL's binaries, for a machine where they are not on PATH
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/$1" ]; then echo "$dir/$1"; elif command -v "$1" >/dev/null; then command -v "$1"; fi
}

for tool in promtool prometheus; do
    if ! command -v "$tool" >/dev/null; then
        echo "run-tests.sh: $tool not found. The alert rules and the monitoring test need Prometheus, e.g. on Debian:" >&2
        echo "    apt-get install --no-install-recommends prometheus" >&2
        exit 1
    fi
done
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "run-tests.sh: /usr/bin/chromium or /usr/bin/chromedriver not found. The Tasklist browser test needs them, e.g. on Debian:" >&2
    echo "    apt-get install --no-install-recommends chromium chromium-driver" >&2
    exit 1
fi
echo "run-tests.sh: checking the Prometheus scrape config and alert rules, and running the rules' unit tests"
promtool check config grafana/prometheus/prometheus.yml >/dev/null
promtool check rules grafana/prometheus/alerts.yml
promtool test rules grafana/prometheus/alerts-test.yml

PSQL=$(pg_bin psql)
PG_ISREADY=$(pg_bin pg_isready)
if [ -z "$PSQL" ] || [ -z "$PG_ISREADY" ]; then
    echo "run-tests.sh: PostgreSQL client tools not found. Install PostgreSQL 15, e.g. on Debian:" >&2
    echo "    apt-get install postgresql-15   (or: apt-get install postgresql)" >&2
    exit 1
fi

throwaway=""
cleanup() {
    if [ -n "$throwaway" ]; then
        echo "run-tests.sh: stopping the throwaway PostgreSQL in $throwaway"
        as_pg_owner "$(pg_bin pg_ctl)" -D "$throwaway/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$throwaway"
    fi
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: as root, the throwaway server belongs to "postgres" (or "nobody").
pg_owner() {
    if id -u postgres >/dev/null 2>&1; then echo postgres; else echo nobody; fi
}

as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u "$(pg_owner)" -- "$@"; else "$@"; fi
}

if ! "$PG_ISREADY" -q -h "$PGHOST" -p "$PGPORT"; then
    INITDB=$(pg_bin initdb)
    PG_CTL=$(pg_bin pg_ctl)
    if [ -z "$INITDB" ] || [ -z "$PG_CTL" ]; then
        echo "run-tests.sh: no PostgreSQL answers at $PGHOST:$PGPORT and no server binaries (initdb) are installed." >&2
        echo "    Install PostgreSQL 15 (Debian: apt-get install postgresql-15), or point PGHOST/PGPORT at a server." >&2
        exit 1
    fi
    throwaway=$(mktemp -d /tmp/powerconnect-pg.XXXXXX)
    chmod 755 "$throwaway"
    if [ "$(id -u)" = 0 ]; then chown "$(pg_owner)" "$throwaway"; fi
    asked="$PGHOST:$PGPORT"
    PGPORT=$(( 20000 + RANDOM % 20000 ))
    echo "run-tests.sh: no PostgreSQL at $asked; starting a throwaway one on port $PGPORT in $throwaway"
    as_pg_owner "$INITDB" -D "$throwaway/data" -U postgres -A trust -E UTF8 >/dev/null
    as_pg_owner "$PG_CTL" -D "$throwaway/data" -l "$throwaway/server.log" -w \
        -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $throwaway" start >/dev/null
    export PGHOST=127.0.0.1 PGPORT
fi

echo "run-tests.sh: recreating database $TEST_DB on $PGHOST:$PGPORT"
"$PSQL" -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $TEST_DB WITH (FORCE)" \
    -c "CREATE DATABASE $TEST_DB ENCODING 'UTF8'" >/dev/null

export POWERCONNECT_TEST_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$TEST_DB"
export POWERCONNECT_TEST_DB_USER="$PGUSER"
./mvnw -B verify "$@"
