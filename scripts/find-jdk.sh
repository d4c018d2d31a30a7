# Sourced by ./kycflow and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# Looks at JAVA_HOME, then `java` on the PATH, then the usual install folders.

kycflow_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1
}

kycflow_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*jdk*/bin/java \
           /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java; do
    [ -x "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    major="$(kycflow_java_major "$c")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ -x "$(dirname "$c")/javac" ]; then
      JAVA_HOME="$(cd "$(dirname "$c")/.." && pwd)"
      export JAVA_HOME
      return 0
    fi
  done
  echo "kycflow needs a JDK 21 or newer (found none: the default java is $(java -version 2>&1 | head -n 1 || echo 'absent'))." >&2
  echo "Install one (e.g. Temurin 21) and point JAVA_HOME at it." >&2
  return 1
}
