#!/usr/bin/env bash
# ./confab cluster-demo: three Confab server nodes on loopback sharing one MariaDB/MySQL database
# (database and user confab_demo, made with the local root login) and NATS with JetStream (the one at
# nats://127.0.0.1:4222, or a nats-server started here). Ctrl-C stops what it started.
#   ./confab cluster-demo [--ports 7771,7772,7773] [--nats nats://127.0.0.1:4222]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORTS="7771,7772,7773"
NATS_URL="nats://127.0.0.1:4222"
while [ $# -gt 0 ]; do
  case "$1" in
    --ports) PORTS="$2"; shift 2 ;;
    --nats) NATS_URL="$2"; shift 2 ;;
    *) echo "cluster-demo: unknown option $1" >&2; exit 2 ;;
  esac
done
WORK="${CONFAB_CLUSTER_DEMO_DIR:-$HOME/.confab/cluster-demo}"
mkdir -p "$WORK"
# shellcheck source=/dev/null
source "$ROOT/releng/scripts/cluster-nodes.sh"
trap 'echo; echo "cluster-demo: stopping"; stop_cluster' EXIT INT TERM

ensure_nats "$NATS_URL"
ensure_database confab_demo
IFS=, read -r -a ports <<<"$PORTS"
servers=""
fingerprints=""
for i in "${!ports[@]}"; do
  name="n$((i + 1))"
  start_node "$name" "${ports[$i]}" --cluster "$NATS_URL" --node "$name" --cluster-name demo
  fingerprint="$(sed -n 's/.*fingerprint \(SHA256:[A-Za-z0-9+\/]*\).*/\1/p' "$WORK/$name.log" | head -1)"
  echo "cluster-demo: node $name serves on 127.0.0.1:${ports[$i]} (pid ${NODE_PIDS[-1]}, certificate $fingerprint, log $WORK/$name.log)"
  servers="${servers:+$servers,}127.0.0.1:${ports[$i]}"
  fingerprints="${fingerprints:+$fingerprints,}$fingerprint"
done
admin="$(sed -n "s/.*created the first administrator 'admin' with password \([^ ]*\).*/\1/p" "$WORK"/n1.log | head -1)"
cat <<TEXT

Three nodes are serving ($servers). Try:
  ./confab client --server $servers --profile ann     (register ann; trust the first node: it vouches for the others)
  ./confab client --server 127.0.0.1:${ports[2]},127.0.0.1:${ports[0]},127.0.0.1:${ports[1]} --profile bob
  ./confab cli --server $servers --fingerprint $fingerprints --user ann receive --wait 600
  kill -9 <pid of the node a client is on>   the client moves to another node by itself; nothing is lost
Administrator: admin ${admin:-(password in $WORK/n1/admin-password.txt)}; console command confab:cluster,
request admin.cluster. Ctrl-C stops the nodes (and the nats-server if this script started it).
TEXT
wait "${NODE_PIDS[@]}"
