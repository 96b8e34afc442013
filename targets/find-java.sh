# Sourced by the target scripts: find_java prints a JDK 21+ home (JAVA_HOME first, then the usual places).
find_java() {
    local j
    for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
        [[ -n $j && -x $j/bin/java ]] || continue
        if "$j/bin/java" -version 2>&1 | head -1 | grep -qE '"(2[1-9]|[3-9][0-9])'; then echo "$j"; return 0; fi
    done
    return 1
}
