#!/usr/bin/env bash
# Builds Steward and runs every test suite: the integration tests on SQLite and on PostgreSQL,
# and the browser journeys in Chromium (on both databases too). Provisions what is missing
# when it can (a throwaway PostgreSQL cluster, Debian's Chromium); otherwise it says plainly
# what it could not run. With STEWARD_REQUIRE_ALL=1 (as in CI) anything not run is a failure.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

require_all=${STEWARD_REQUIRE_ALL:-0}
results=TestResults
rm -rf "$results"; mkdir -p "$results"
not_run=()
is_root() { [ "$(id -u)" = "0" ]; }
can_apt() { is_root && command -v apt-get >/dev/null 2>&1; }

summary() {
  local passed=0 failed=0 trx counters
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    passed=$((passed + $(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")))
    failed=$((failed + $(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters") + $(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")))
  done
  failed=$((failed + ${1:-0}))
  if [ ${#not_run[@]} -gt 0 ]; then
    echo
    echo "NOT RUN:"; printf '  - %s\n' "${not_run[@]}"
    [ "$require_all" = "1" ] && failed=$((failed + ${#not_run[@]}))
  fi
  echo
  echo "$passed passed, $failed failed" | tee "$results/summary.txt"
  [ "$failed" -eq 0 ]
}

echo "== Build (warnings are errors)"
if ! dotnet build Steward.slnx -c Release -nologo -v quiet; then
  echo "The build failed."; summary 1; exit 1
fi

echo "== Formatting (dotnet format --verify-no-changes)"
format_failures=0
if ! dotnet format Steward.slnx --verify-no-changes --no-restore -v quiet; then
  echo "Formatting differs: run 'dotnet format Steward.slnx'."; format_failures=1
fi

# PostgreSQL: use STEWARD_TEST_POSTGRES when given, else start a throwaway cluster.
pg_dir=""
if [ -z "${STEWARD_TEST_POSTGRES:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1 && can_apt; then
    echo "== Installing PostgreSQL (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1; }
  fi
  pg_dir=$(mktemp -d /tmp/steward-pg.XXXXXX)
  if cs=$(scripts/postgres.sh start "$pg_dir" 2>"$pg_dir/start.err"); then
    export STEWARD_TEST_POSTGRES="$cs"
    trap 'scripts/postgres.sh stop "$pg_dir"' EXIT
    echo "== Started a throwaway PostgreSQL at ${cs%%;Username*}"
  else
    not_run+=("the PostgreSQL runs: no PostgreSQL server could be started ($(tail -n 1 "$pg_dir/start.err")). Install the 'postgresql' package or set STEWARD_TEST_POSTGRES.")
  fi
fi

# Chromium for the browser journeys.
chromium=${STEWARD_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] && can_apt; then
  echo "== Installing Chromium (Debian package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core fonts-liberation2 >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core fonts-liberation2 >/dev/null 2>&1; }
fi

# Node.js checks the calendar feed with ical.js (Thunderbird's parser), a second, independent reader.
if ! command -v node >/dev/null 2>&1 && can_apt; then
  echo "== Installing Node.js (Debian package) for the calendar feed check"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null 2>&1; }
fi
command -v node >/dev/null 2>&1 || echo "Node.js is missing: the calendar feed's ical.js check will fail (apt-get install -y nodejs npm)."

run_suite() {
  local name=$1 project=$2 provider=$3
  echo "== $name"
  STEWARD_TEST_PROVIDER=$provider dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" \
    || true
  if [ ! -f "$results/$name.trx" ]; then not_run+=("$name: the test run crashed before writing results"); fi
}

run_suite integration-sqlite tests/Steward.Tests sqlite
if [ -n "${STEWARD_TEST_POSTGRES:-}" ]; then
  run_suite integration-postgres tests/Steward.Tests postgres
fi
if [ -x "$chromium" ]; then
  export STEWARD_CHROMIUM="$chromium"
  run_suite browser-sqlite tests/Steward.E2E sqlite
  if [ -n "${STEWARD_TEST_POSTGRES:-}" ]; then run_suite browser-postgres tests/Steward.E2E postgres; fi
else
  not_run+=("the browser journeys: Chromium was not found at $chromium (apt-get install -y chromium, or set STEWARD_CHROMIUM)")
fi

summary "$format_failures"
