#!/usr/bin/env bash
# The cost of clustering per message: the chat load of ./confab bench against one server without a
# cluster (the baseline), then against 1, 2 and 3 cluster nodes (NATS with JetStream, one MariaDB),
# users spread over the nodes so most messages cross nodes. Appends one JSON line per run to
# docs/perf-cluster.jsonl with throughput, p99 and their ratio to the baseline; see docs/clustering.md.
#   releng/scripts/cluster-benchmark.sh
# Tunables: CONFAB_CLUSTER_BENCH_RATE (2000 msg/s), _USERS (100), _DURATION (10 s), _NODES ("1 2 3").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RATE="${CONFAB_CLUSTER_BENCH_RATE:-2000}"
USERS="${CONFAB_CLUSTER_BENCH_USERS:-100}"
DURATION="${CONFAB_CLUSTER_BENCH_DURATION:-10}"
NODES="${CONFAB_CLUSTER_BENCH_NODES:-1 2 3}"
RESULTS="${CONFAB_CLUSTER_BENCH_RESULTS:-$ROOT/docs/perf-cluster.jsonl}"
WORK="$(mktemp -d /tmp/confab-cluster-bench.XXXXXX)"
# shellcheck source=/dev/null
source "$ROOT/releng/scripts/cluster-nodes.sh"
trap 'stop_cluster; rm -rf "$WORK"' EXIT

# as benchmark.sh: one address plays every user, so the per-address and per-session limits are lifted
LOAD_OPTIONS=(--plain --scram-iterations 4096 --max-connections-per-address 200000 --limits-exempt 127.0.0.1
  --request-rate 1000000 --request-burst 1000000)
NATS_URL="nats://127.0.0.1:$(free_port)"
ensure_nats "$NATS_URL"

run() {
  local label="$1" count="$2"; shift 2
  ensure_database confab_cluster_bench
  local servers=""
  for i in $(seq 1 "$count"); do
    local port; port="$(free_port)"
    start_node "n$i" "$port" "${LOAD_OPTIONS[@]}" "$@" $( [ "$label" = single ] || echo --cluster "$NATS_URL" --node "n$i" --cluster-name "bench$count" )
    servers="${servers:+$servers,}127.0.0.1:$port"
  done
  "$ROOT/confab" bench chat --server "$servers" --users "$USERS" --rate "$RATE" --duration "$DURATION" --size 100 \
    --label "$label-$count" --json | tail -1 > "$WORK/result.json"
  python3 - "$WORK/result.json" "$label" "$count" "${BASELINE:-}" >>"$RESULTS" <<'PY'
import json, sys
row = json.load(open(sys.argv[1]))
row["mode"], row["nodes"] = sys.argv[2], int(sys.argv[3])
if sys.argv[4]:
    base = json.loads(sys.argv[4])
    row["throughputRatio"] = round(row["throughputPerSecond"] / base["throughputPerSecond"], 3)
    row["p99Ratio"] = round(row["p99ms"] / max(base["p99ms"], 0.001), 3)
print(json.dumps(row))
PY
  tail -1 "$RESULTS"
  for pid in "${NODE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${NODE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  NODE_PIDS=()
}

run single 1
BASELINE="$(tail -1 "$RESULTS")"
for count in $NODES; do
  run cluster "$count"
done
