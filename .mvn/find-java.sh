# The one place that finds a JDK 21+ for relaycert. POSIX sh, sourced by ./mvnw, scripts/setup, scripts/judge-target,
# scripts/fuzz.sh, .ci/run and the target scripts. Works under `set -euf` (the wrapper's settings).

# java_major HOME: the feature version of the JDK at HOME (17, 21, 25), from its release file, else from
# `java -version`; prints nothing when HOME holds no JDK.
java_major() {
    _jm=""
    if [ -f "$1/release" ]; then
        _jm=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
    fi
    if [ -z "$_jm" ] && [ -x "$1/bin/java" ]; then
        _jm=$("$1/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([^"]*\)".*/\1/p')
    fi
    case $_jm in 1.*) _jm=${_jm#1.} ;; esac
    _jm=${_jm%%[!0-9]*}
    if [ -n "$_jm" ]; then echo "$_jm"; fi
}

# jdk_ok HOME: HOME is a JDK (java and javac) of version 21 or newer.
jdk_ok() {
    [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    _ok=$(java_major "$1")
    [ -n "$_ok" ] && [ "$_ok" -ge 21 ]
}

# path_jdk: the home of the javac on the PATH, if any.
path_jdk() {
    _pj=$(command -v javac 2>/dev/null) || return 1
    _pj=$(readlink -f "$_pj" 2>/dev/null || echo "$_pj")
    echo "${_pj%/bin/javac}"
}

# find_java: prints a JDK 21+ home: JAVA_HOME if it is one, then the javac on the PATH, then the newest under
# /usr/lib/jvm (Debian, Ubuntu, Fedora) or /Library/Java/JavaVirtualMachines (macOS). Fails when there is none.
find_java() {
    if jdk_ok "${JAVA_HOME:-}"; then echo "$JAVA_HOME"; return 0; fi
    _fj=$(path_jdk) || _fj=""
    if jdk_ok "$_fj"; then echo "$_fj"; return 0; fi
    _fj_best="" _fj_best_v=0
    case $- in *f*) _fj_noglob=1; set +f ;; *) _fj_noglob=0 ;; esac
    for _fj in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        jdk_ok "$_fj" || continue
        _fj_v=$(java_major "$_fj")
        if [ "$_fj_v" -gt "$_fj_best_v" ]; then _fj_best=$_fj _fj_best_v=$_fj_v; fi
    done
    if [ "$_fj_noglob" = 1 ]; then set -f; fi
    [ -n "$_fj_best" ] || return 1
    echo "$_fj_best"
}

# What to say when no JDK 21+ is found (one line).
JDK_INSTALL_HINT="install a JDK 21 or newer, e.g. Temurin 21 or 25 (Debian 12 has only openjdk-17: add Adoptium's apt repository, https://adoptium.net/installation/linux/, then apt-get install temurin-21-jdk; Debian 13 and Ubuntu 24.04: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to one"

# use_jdk21 NAME: makes JAVA_HOME a JDK 21+ for the rest of the caller. Keeps JAVA_HOME, or the java on the PATH
# when JAVA_HOME is unset, if it is 21+; otherwise picks one with find_java and says so in one line on stderr.
# Sets JDK_MAJOR. Fails with one line naming what to install when there is none.
use_jdk21() {
    _uj_was=${JAVA_HOME:-}
    if [ -z "$_uj_was" ]; then _uj_was=$(path_jdk) || _uj_was=""; fi
    if jdk_ok "$_uj_was"; then
        JDK_MAJOR=$(java_major "$_uj_was")
        return 0
    fi
    _uj_v=$(java_major "$_uj_was") || _uj_v=""
    if [ -n "${JAVA_HOME:-}" ]; then
        if [ -n "$_uj_v" ]; then _uj_what="JAVA_HOME=$JAVA_HOME is Java $_uj_v"; else _uj_what="JAVA_HOME=$JAVA_HOME holds no JDK"; fi
    elif [ -n "$_uj_was" ]; then
        _uj_what="JAVA_HOME is unset and the java on the PATH is Java ${_uj_v:-?}"
    else
        _uj_what="JAVA_HOME is unset and there is no javac on the PATH"
    fi
    if _uj_jdk=$(find_java); then
        JDK_MAJOR=$(java_major "$_uj_jdk")
        echo "$1: $_uj_what; using JDK $JDK_MAJOR at $_uj_jdk (set JAVA_HOME to choose another)" >&2
        JAVA_HOME=$_uj_jdk
        export JAVA_HOME
        return 0
    fi
    echo "$1: relaycert needs a JDK 21+ ($_uj_what, none under /usr/lib/jvm): $JDK_INSTALL_HINT" >&2
    return 1
}
