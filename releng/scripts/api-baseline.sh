#!/usr/bin/env bash
# The API baseline: the released state of every API bundle (one with Export-Package), kept as its jar
# in releng/api-baseline/. The build (releng/api-check) compares each built API bundle with it and fails
# on a change whose package version does not say so (incompatible without a major bump, added without
# a minor bump), and on package-info.java @Version differing from MANIFEST.MF.
#   releng/scripts/api-baseline.sh check    build the API bundles and run the check
#   releng/scripts/api-baseline.sh update   at a release: build the API bundles and record them as the
#                                           new baseline (commit releng/api-baseline/ afterwards)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASELINE="$ROOT/releng/api-baseline"

api_bundles() {
  for manifest in "$ROOT"/bundles/*/META-INF/MANIFEST.MF; do
    grep -q '^Export-Package:' "$manifest" && basename "$(dirname "$(dirname "$manifest")")"
  done
}

build() {
  # -o: offline once the local repository is warm; the check module depends on every API bundle
  "$ROOT/mvnw" -B -q -o verify -pl releng/api-check -am -DskipTests "$@"
}

case "${1:-}" in
  check)
    build  # the check's own tests run even with -DskipTests (releng/api-check/pom.xml)
    ;;
  update)
    build
    mkdir -p "$BASELINE"
    rm -f "$BASELINE"/*.jar
    for bundle in $(api_bundles); do
      jars=("$ROOT/bundles/$bundle/target/$bundle"-*.jar)
      [ -f "${jars[0]}" ] || { echo "api-baseline: $bundle was not built" >&2; exit 1; }
      cp "${jars[0]}" "$BASELINE/$bundle.jar"
      echo "baseline: $bundle $(unzip -p "${jars[0]}" META-INF/MANIFEST.MF | sed -n 's/^Bundle-Version: //p' | tr -d '\r')"
    done
    echo "recorded; commit releng/api-baseline/"
    ;;
  *)
    echo "usage: releng/scripts/api-baseline.sh check|update" >&2
    exit 2
    ;;
esac
