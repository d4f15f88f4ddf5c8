#!/usr/bin/env bash
# Before/after comparison of chat throughput and latency on H2 and MySQL, on the same machine in one
# sitting: runs the chat sweeps of benchmark.sh against the products of an older checkout (BEFORE_DIR,
# already built with ./confab build) and of this one, alternating, and prints a table.
#   releng/scripts/benchmark-compare.sh BEFORE_DIR RESULTS.jsonl [ROUNDS]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BEFORE="$(cd "${1:?usage: benchmark-compare.sh BEFORE_DIR RESULTS.jsonl [ROUNDS]}" && pwd)"
RESULTS="${2:?usage: benchmark-compare.sh BEFORE_DIR RESULTS.jsonl [ROUNDS]}"
ROUNDS="${3:-1}"
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    root="$HERE"; [ "$side" = before ] && root="$BEFORE"
    echo "== round $round: $side ($root)" >&2
    CONFAB_BENCH_ONLY=chat CONFAB_BENCH_PRODUCT_ROOT="$root" CONFAB_BENCH_RESULTS="$RESULTS.part" \
      "$HERE/releng/scripts/benchmark.sh"
    sed "s/\"label\":\"\([a-z0-9]*\)\"/\"label\":\"\1-$side\",\"round\":$round/" "$RESULTS.part" >> "$RESULTS"
  done
done
rm -f "$RESULTS.part"
python3 - "$RESULTS" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print("| database | side | round | most delivered msg/s | p99 at ~half of it (ms) |")
print("|---|---|---|---|---|")
for label in sorted({r["label"] for r in rows}):
    for rnd in sorted({r["round"] for r in rows if r["label"] == label}):
        points = [r for r in rows if r["label"] == label and r["round"] == rnd]
        best = max(p["throughputPerSecond"] for p in points)
        half = min(points, key=lambda p: abs(p["targetRate"] - best / 2))
        db, side = label.rsplit("-", 1)
        print(f"| {db} | {side} | {rnd} | {best:,.0f} | {half['p99ms']:.1f} at {half['targetRate']}/s |")
PY
