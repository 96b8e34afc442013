#!/bin/bash
# The reference relay standalone, as an operator would run it: its own process (bin/relaycert-relay serve), the
# standard ports, a self-signed certificate, and a domain with a leading underscore (chatmail's convention for
# self-signed relays). A target the suite judges in external mode, like any chatmail host. Run as root (ports < 1024).
#
#   reference-relay.sh start | stop | status
#
# Environment: REF_STATE (default /var/lib/relaycert-reference), REF_DOMAIN (default _standalone.localhost),
# REF_IP (default 127.0.0.15), JAVA_HOME (a JDK 21+; else the newest one under /usr/lib/jvm); for federation with
# relays that public DNS does not know: REF_DNS_RESOLVER (host:port) and REF_TRUST_ANCHORS (PEM of their CA).
set -euo pipefail

KIT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$KIT/../.." && pwd)
STATE=${REF_STATE:-/var/lib/relaycert-reference}
DOMAIN=${REF_DOMAIN:-_standalone.localhost}
IP=${REF_IP:-127.0.0.15}
PIDFILE=$STATE/relay.pid

die() { echo "reference-relay.sh: $*" >&2; exit 1; }
log() { echo "reference-relay.sh: $*"; }

# shellcheck source=../../.mvn/find-java.sh
. "$KIT/../../.mvn/find-java.sh"

running() { [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

answers() { timeout 2 bash -c "exec 3<>/dev/tcp/$IP/993" 2>/dev/null; }

start() {
    running && { log "already running (pid $(cat "$PIDFILE"))"; return 0; }
    local jdk; jdk=$(find_java) || die "no JDK 21+ found (set JAVA_HOME)"
    export JAVA_HOME=$jdk
    if [[ ! -f $ROOT/server/target/relaycert-server.jar ]]; then
        log "building the relay jar"
        (cd "$ROOT" && ./mvnw -q -B -pl server -am package -DskipTests)
    fi
    mkdir -p "$STATE/data"
    cat >"$STATE/chatmail.ini" <<INI
[params]
mail_domain = $DOMAIN
# as the chatmail peer kit does: a busy 2-core CI machine (load over chatmail's 5) must not stop account creation
max_load_1m = 100
[relay]
bind_address = $IP
smtp_port = 25
submission_port = 587
smtps_port = 465
imap_port = 143
imaps_port = 993
https_port = 443
data_dir = $STATE/data
INI
    if [[ -n ${REF_DNS_RESOLVER:-} ]]; then
        sed -i "/^\[relay\]/a dns_resolver = $REF_DNS_RESOLVER" "$STATE/chatmail.ini"
    fi
    if [[ -n ${REF_TRUST_ANCHORS:-} ]]; then
        printf '[federation]\ntrust_anchors = %s\n' "$REF_TRUST_ANCHORS" >>"$STATE/chatmail.ini"
    fi
    "$ROOT/bin/relaycert-relay" check-config --config "$STATE/chatmail.ini" >/dev/null
    # the relay runs from a copy: the suite's own Maven run rebuilds server/target/relaycert-server.jar meanwhile
    cp "$ROOT/server/target/relaycert-server.jar" "$STATE/relaycert-server.jar"
    export RELAYCERT_JAR=$STATE/relaycert-server.jar
    # setsid: the relay leaves this shell's process group, so a CI trap's kill of the group spares nothing by accident
    setsid "$ROOT/bin/relaycert-relay" serve --config "$STATE/chatmail.ini" >"$STATE/relay.log" 2>&1 </dev/null &
    echo $! >"$PIDFILE"
    for _ in $(seq 1 100); do
        answers && { log "started: $DOMAIN on $IP (pid $(cat "$PIDFILE")), log $STATE/relay.log"; return 0; }
        running || { tail -20 "$STATE/relay.log" >&2; die "the relay exited during start"; }
        sleep 0.2
    done
    tail -20 "$STATE/relay.log" >&2
    stop
    die "the relay did not answer on $IP:993 within 20 s"
}

stop() {
    if running; then
        local pid; pid=$(cat "$PIDFILE")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
        log "stopped (pid $pid)"
    fi
    rm -f "$PIDFILE"
}

case ${1:-} in
    start) start ;;
    dkim-txt) # the DKIM record's name and text, for a DNS server of the federation target
        JAVA_HOME=$(find_java) || die "no JDK 21+ found (set JAVA_HOME)"
        export JAVA_HOME
        "$ROOT/bin/relaycert-relay" dns --config "$STATE/chatmail.ini" | awk '/_domainkey/ && /DKIM1/ {
            name = $1; sub(/\.$/, "", name); text = ""
            while (match($0, /"[^"]*"/)) { text = text substr($0, RSTART + 1, RLENGTH - 2); $0 = substr($0, RSTART + RLENGTH) }
            print name "=" text }' ;;
    stop) stop ;;
    status) if running && answers; then log "up: $DOMAIN on $IP"; else log "down"; exit 1; fi ;;
    *) echo "usage: $0 start | stop | status | dkim-txt" >&2; exit 2 ;;
esac
