#!/usr/bin/env bash
# Regenerates the metatype descriptions (OSGI-INF/metatype/*.xml) of the server bundles from their
# @ObjectClassDefinition/@Designate annotations with bnd (Tycho generates only the DS descriptions).
# Run after changing a configuration type; releng/api-check's MetatypeTest fails until then.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=/dev/null
source "$ROOT/releng/scripts/java-home.sh"
"$ROOT/mvnw" -B -q -o verify -pl releng/api-check -am -DskipTests -Dconfab.api.check.skip=true
CLASSPATH_FILE="$ROOT/releng/api-check/target/classpath.txt"
"$ROOT/mvnw" -B -q -o dependency:build-classpath -pl releng/api-check -Dmdep.outputFile="$CLASSPATH_FILE" \
  -Dmdep.includeScope=runtime
bundles=()
for dir in "$ROOT"/bundles/*/; do
  grep -rqs "@ObjectClassDefinition" "$dir/src" && bundles+=("${dir%/}")
done
"$JAVA_HOME/bin/java" -cp "$ROOT/releng/api-check/target/classes:$(cat "$CLASSPATH_FILE")" \
  org.confab.releng.api.Metatype "${bundles[@]}"
