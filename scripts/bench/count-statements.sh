#!/usr/bin/env bash
# Statements per application: which SQL a target sends to PostgreSQL for one application, counted from
# PostgreSQL's own statement log while the load driver pushes a few applications through a running server.
#   scripts/bench/count-statements.sh powerconnect|baseline URL DATABASE [applications]
# e.g. while run-benchmark.sh's server is up, or a server started as in the README on PostgreSQL. Needs
# superuser access (it turns log_statement on for the whole cluster for the run, then off again) and the
# server log at /var/log/postgresql/postgresql-*-main.log (Debian's layout). Prints the statements per
# application by kind (verb and table), most frequent first.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGET=${1:?powerconnect or baseline} URL=${2:?server url} DB=${3:?database} N=${4:-20}
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
LOG=$(ls /var/log/postgresql/postgresql-*-main.log | tail -n 1)
[ -s target/bench/classpath.txt ] || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"
off() { psql -q -d postgres -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null; }
trap off EXIT
from=$(stat -c %s "$LOG")
psql -q -d postgres -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
sleep 1
java -cp "$CP" benchmark.LoadDriver --target="$TARGET" --url="$URL" --applications="$N" --clients=1 --warmup=0 \
    --out="target/bench/count-$TARGET.json" >/dev/null
off
tail -c +"$((from + 1))" "$LOG" | python3 -c '
import re, sys, collections
db, n = sys.argv[1], int(sys.argv[2])
def entries(lines):
    # a statement over several lines goes on in lines that start with a tab
    entry = None
    for line in lines:
        if line.startswith("\t") and entry is not None:
            entry += " " + line.strip()
            continue
        if entry is not None:
            yield entry
        entry = line.rstrip("\n")
    if entry is not None:
        yield entry
kinds = collections.Counter()
total = 0
for line in entries(sys.stdin):
    if "@" + db + " " not in line:
        continue
    m = re.search(r"LOG:  (?:statement|execute [^:]*): (.*)", line, re.S)
    if not m:
        continue
    sql = m.group(1).strip()
    words = sql.split()
    verb = words[0].lower() if words else "?"
    if verb in ("begin", "commit", "rollback", "set", "show"):
        kind = verb
    else:
        t = re.search(r"(?i)\b(?:from|into|update)\s+([a-z_\.]+)", sql)
        kind = verb + " " + (t.group(1).lower() if t else "?")
    kinds[kind] += 1
    total += 1
print(f"{total / n:.1f} statements per application ({total} for {n})")
for kind, count in kinds.most_common(40):
    print(f"{count / n:8.1f}  {kind}")
' "$DB" "$N"
