# Sourced by ./mvnw, ./confab and .ci/run: make JAVA_HOME a JDK 21 or newer, or stop with a clear message.
# The Eclipse platform bundles require JavaSE-21.
confab_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1
}
confab_pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                   /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(confab_java_major "$candidate")"
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "Confab needs a JDK 21 or newer (found none; set JAVA_HOME to one, e.g. Debian: apt-get install openjdk-21-jdk)" >&2
  return 1
}
confab_pick_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
