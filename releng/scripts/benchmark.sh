#!/usr/bin/env bash
# The benchmark suite behind docs/performance.md: starts the real server product on H2 and on MySQL,
# sweeps chat load, measures the do-nothing relay under the same load, opens many sessions, and
# writes docs/perf-results.jsonl and docs/perf-latency.png. Run on an otherwise idle machine.
#   releng/scripts/benchmark.sh            (everything; about 15 minutes)
# Tunables: CONFAB_BENCH_RATES, CONFAB_BENCH_USERS, CONFAB_BENCH_DURATION, CONFAB_BENCH_SESSIONS;
# CONFAB_BENCH_ONLY=chat runs only the chat sweeps (no connect, no relay, no plot); CONFAB_BENCH_ONLY=files
# only the file transfers (over TLS, against a plain TLS copy, into docs/perf-files.jsonl;
# CONFAB_BENCH_FILE_MIB, CONFAB_BENCH_FILE_CONCURRENCY);
# CONFAB_BENCH_PRODUCT_ROOT=DIR measures the products built in another checkout (see benchmark-compare.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROOT="${CONFAB_BENCH_PRODUCT_ROOT:-$ROOT}"
ONLY="${CONFAB_BENCH_ONLY:-all}"
RESULTS="${CONFAB_BENCH_RESULTS:-$ROOT/docs/perf-results.jsonl}"
RATES="${CONFAB_BENCH_RATES:-500 1000 2000 4000 6000 8000 10000 12000}"
USERS="${CONFAB_BENCH_USERS:-100}"
DURATION="${CONFAB_BENCH_DURATION:-10}"
SESSIONS="${CONFAB_BENCH_SESSIONS:-15000}"
FILE_MIB="${CONFAB_BENCH_FILE_MIB:-200}"
FILE_CONCURRENCY="${CONFAB_BENCH_FILE_CONCURRENCY:-1 4}"
FILE_RESULTS="${CONFAB_BENCH_FILE_RESULTS:-$ROOT/docs/perf-files.jsonl}"
WORK="$(mktemp -d /tmp/confab-bench.XXXXXX)"
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

# Load generation runs PBKDF2 for every simulated user; 4096 iterations (RFC 7677's minimum) keep
# that affordable. The server's per-login work is two HMACs whatever the count (SCRAM).
# The load generator is one address playing every user: the per-address connection and abuse limits
# and the per-session request rate (20/s by default) are lifted, or they, not the server, would be measured.
start_server() {
  local label="$1"; shift
  local tls="--plain"
  if [ "${1:-}" = "--tls" ]; then tls=""; shift; fi
  rm -rf "${WORK:?}/$label"
  # shellcheck disable=SC2086
  "$ROOT/confab" server --port 0 --bind 127.0.0.1 --data "$WORK/$label" --scram-iterations 4096 $tls \
    --max-connections 200000 --max-connections-per-address 200000 --limits-exempt 127.0.0.1,127.0.0.2 \
    --request-rate 1000000 --request-burst 1000000 "$@" \
    </dev/null >"$WORK/$label.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    grep -q "listening on" "$WORK/$label.log" && break
    sleep 0.5
  done
  PORT="$(sed -n 's/.*listening on [0-9.]*:\([0-9]*\).*/\1/p' "$WORK/$label.log" | head -1)"
  [ -n "$PORT" ] || { echo "benchmark: server $label did not start" >&2; cat "$WORK/$label.log" >&2; exit 1; }
  JAVA_PID="$(pgrep -f "confab.data=$WORK/$label" | head -1)"
  FINGERPRINT="$(sed -n 's/.*fingerprint \(SHA256:[A-Za-z0-9+\/]*\).*/\1/p' "$WORK/$label.log" | head -1)"
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# File transfers over TLS (what users run), each against a plain TLS copy of the same files in the same run.
bench_files() {
  echo "== file transfers (TLS)" >&2
  start_server files --tls
  : > "$FILE_RESULTS"
  for concurrency in $FILE_CONCURRENCY; do
    "$ROOT/confab" bench files --json --server "127.0.0.1:$PORT" --fingerprint "$FINGERPRINT" --size "$FILE_MIB" \
      --concurrency "$concurrency" --server-pid "$JAVA_PID" --label files | tee -a "$FILE_RESULTS"
  done
  stop_server
}

if [ "$ONLY" = files ]; then
  bench_files
  exit 0
fi

bench() {
  "$ROOT/confab" bench "$@" --json | tee -a "$RESULTS"
}

: > "$RESULTS"
echo "== H2 (embedded)" >&2
start_server h2
[ "$ONLY" = chat ] || bench connect --server "127.0.0.1:$PORT" --sessions "$SESSIONS" --users 200 --sources 2 --hold 5 --server-pid "$JAVA_PID" --label h2
for rate in $RATES; do
  bench chat --server "127.0.0.1:$PORT" --users "$USERS" --rate "$rate" --duration "$DURATION" --size 100 --label h2
done
stop_server

if "$ROOT/releng/scripts/test-database.sh" >/dev/null; then
  echo "== MySQL/MariaDB" >&2
  mariadb -uroot -e "DROP DATABASE IF EXISTS confab_bench; CREATE DATABASE confab_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    GRANT ALL ON confab_bench.* TO 'confab_test'@'127.0.0.1'; GRANT ALL ON confab_bench.* TO 'confab_test'@'localhost';" 2>/dev/null \
    || mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS confab_bench; CREATE DATABASE confab_bench; GRANT ALL ON confab_bench.* TO 'confab_test'@'127.0.0.1';"
  start_server mysql --db-url "jdbc:mysql://127.0.0.1:3306/confab_bench?rewriteBatchedStatements=true" \
    --db-user confab_test --db-password-file "$HOME/.confab-test-mysql-password"
  for rate in $RATES; do
    bench chat --server "127.0.0.1:$PORT" --users "$USERS" --rate "$rate" --duration "$DURATION" --size 100 --label mysql
  done
  stop_server
fi

[ "$ONLY" = chat ] && exit 0
bench_files
echo "== do-nothing relay" >&2
for rate in $RATES; do
  bench relay --users "$USERS" --rate "$rate" --duration "$DURATION" --size 100 --label baseline
done
"$ROOT/confab" bench plot --input "$RESULTS" --output "$ROOT/docs/perf-latency.png"
