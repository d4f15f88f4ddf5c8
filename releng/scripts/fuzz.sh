#!/usr/bin/env bash
# Longer fuzzing than the build's few seconds: runs Jazzer standalone on one fuzz target, growing its
# committed corpus in place. Needs a build first (./confab build, or ./mvnw verify) for the classes.
#   releng/scripts/fuzz.sh frame-decoder|message-parser [SECONDS]   (default 600)
# A crash leaves crash-<sha1> in the current directory: copy it into the target's corpus folder
# (bundles/org.confab.protocol/src/test/fuzz-corpus/TARGET) so FuzzCorpusRegressionTest keeps it, then fix the bug.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=/dev/null
source "$ROOT/releng/scripts/java-home.sh"
target="${1:?usage: fuzz.sh frame-decoder|message-parser [SECONDS]}"
seconds="${2:-600}"
case "$target" in
  frame-decoder) class=org.confab.protocol.fuzz.FrameDecoderFuzzTest ;;
  message-parser) class=org.confab.protocol.fuzz.MessageParserFuzzTest ;;
  *) echo "fuzz.sh: unknown target $target" >&2; exit 2 ;;
esac
bundle="$ROOT/bundles/org.confab.protocol"
repo="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
jazzer_version=0.24.0
jackson_version=2.18.2
classpath="$bundle/target/classes:$bundle/target/test-classes"
for jar in "com/code-intelligence/jazzer/$jazzer_version/jazzer-$jazzer_version.jar" \
           "com/code-intelligence/jazzer-api/$jazzer_version/jazzer-api-$jazzer_version.jar" \
           "com/fasterxml/jackson/core/jackson-core/$jackson_version/jackson-core-$jackson_version.jar" \
           "com/fasterxml/jackson/core/jackson-databind/$jackson_version/jackson-databind-$jackson_version.jar" \
           "com/fasterxml/jackson/core/jackson-annotations/$jackson_version/jackson-annotations-$jackson_version.jar"; do
  [ -f "$repo/$jar" ] || { echo "fuzz.sh: $repo/$jar missing; run the build once" >&2; exit 1; }
  classpath="$classpath:$repo/$jar"
done
[ -d "$bundle/target/test-classes/org/confab/protocol/fuzz" ] || { echo "fuzz.sh: build first (./confab build)" >&2; exit 1; }
exec "$JAVA_HOME/bin/java" -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED -Xmx2g \
  -cp "$classpath" com.code_intelligence.jazzer.Jazzer --target_class="$class" \
  --instrumentation_includes='org.confab.**:com.fasterxml.jackson.**' \
  -max_total_time="$seconds" -rss_limit_mb=2048 "$bundle/src/test/fuzz-corpus/$target"
