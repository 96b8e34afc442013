#!/bin/bash
# Federation across two implementations: the real chatmail relay of ../shared/peer (chat-a.test, 127.0.0.10) and the
# reference relay standalone (_standalone.localhost, 127.0.0.15), delivering to each other both ways. There is no public
# DNS for either, so a fixture DNS server (127.0.0.14:53) answers MX, A and both DKIM keys for the reference relay
# and the suite, and the peer reaches the reference relay through a transport route (peer.sh route). Run as root.
#
#   federation.sh start | stop | status
#
# Environment: PEER_KIT (default: ../shared/peer beside the checkout), FED_STATE (default /var/lib/relaycert-federation).
set -euo pipefail

KIT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$KIT/../.." && pwd)
PEER_KIT=${PEER_KIT:-$(cd "$ROOT/.." && pwd)/shared/peer}
PEER_STATE=${PEER_STATE:-/var/lib/relaycert-peer}
STATE=${FED_STATE:-/var/lib/relaycert-federation}
DNS_IP=127.0.0.14
REF_DOMAIN=_standalone.localhost
REF_IP=127.0.0.15
PEER_DOMAIN=chat-a.test
PEER_IP=127.0.0.10

die() { echo "federation.sh: $*" >&2; exit 1; }
log() { echo "federation.sh: $*"; }

# shellcheck source=../../.mvn/find-java.sh
. "$KIT/../../.mvn/find-java.sh"

dns_running() { [[ -f $STATE/dns.pid ]] && kill -0 "$(cat "$STATE/dns.pid")" 2>/dev/null; }

# the peer's DKIM record as name=text, from the BIND file opendkim-genkey wrote
peer_dkim() {
    local text
    text=$(grep -o '"[^"]*"' "$PEER_STATE/a/dkim/opendkim.txt" | tr -d '"\n')
    echo "opendkim._domainkey.$PEER_DOMAIN=$text"
}

start() {
    [[ -x $PEER_KIT/peer.sh ]] || die "no chatmail peer kit at $PEER_KIT"
    "$PEER_KIT/peer.sh" status >/dev/null || die "the chatmail peer is not running: $PEER_KIT/peer.sh start"
    local jdk; jdk=$(find_java) || die "no JDK 21+ found (set JAVA_HOME)"
    export JAVA_HOME=$jdk
    local world=$ROOT/fixtures/target/relaycert-world.jar
    [[ -f $world ]] || (cd "$ROOT" && ./mvnw -q -B -pl fixtures -am package -DskipTests)
    mkdir -p "$STATE"
    # the reference relay first: its DKIM key is made on first start, and the DNS publishes it
    REF_DNS_RESOLVER=$DNS_IP:53 REF_TRUST_ANCHORS=$PEER_STATE/tls/ca.pem REF_DOMAIN=$REF_DOMAIN REF_IP=$REF_IP \
        "$ROOT/targets/reference-relay/reference-relay.sh" start
    local ref_dkim; ref_dkim=$(REF_DOMAIN=$REF_DOMAIN "$ROOT/targets/reference-relay/reference-relay.sh" dkim-txt)
    if ! dns_running; then
        ip -4 -o addr show dev lo | grep -q "inet $DNS_IP/" || ip addr add "$DNS_IP/32" dev lo
        # emptied here, not by the child's redirection: that runs later, and a poll could read the last run's line
        : >"$STATE/dns.log"
        setsid "$JAVA_HOME/bin/java" -cp "$world" org.relaycert.fixtures.world.ServicesMain --bind "$DNS_IP" \
            --dns-port 53 --push-port 10095 --relay "$REF_DOMAIN=$REF_IP" --relay "$PEER_DOMAIN=$PEER_IP" \
            --txt "$(peer_dkim)" --txt "$ref_dkim" >"$STATE/dns.log" 2>&1 </dev/null &
        local pid=$! waited=0
        echo "$pid" >"$STATE/dns.pid"
        # a JVM with WireMock inside starts slowly on a busy machine: wait while it lives, up to 3 minutes
        until grep -q "fixture DNS on" "$STATE/dns.log"; do
            if ! kill -0 "$pid" 2>/dev/null; then
                cat "$STATE/dns.log" >&2
                die "the DNS server (pid $pid) exited during start"
            fi
            if (( waited >= 1800 )); then
                cat "$STATE/dns.log" >&2
                die "the DNS server (pid $pid) did not answer within 180 s"
            fi
            sleep 0.1
            waited=$((waited + 1))
        done
        log "DNS server up after $((waited / 10)) s"
    fi
    "$PEER_KIT/peer.sh" route "$REF_DOMAIN" "$REF_IP" >/dev/null
    log "started: $REF_DOMAIN ($REF_IP) <-> $PEER_DOMAIN ($PEER_IP), DNS $DNS_IP:53"
}

stop() {
    if [[ -x $PEER_KIT/peer.sh ]]; then
        "$PEER_KIT/peer.sh" unroute "$REF_DOMAIN" >/dev/null 2>&1 || true
    fi
    "$ROOT/targets/reference-relay/reference-relay.sh" stop || true
    if dns_running; then
        kill "$(cat "$STATE/dns.pid")" 2>/dev/null || true
        log "stopped the DNS server"
    fi
    rm -f "$STATE/dns.pid"
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    status) dns_running && "$ROOT/targets/reference-relay/reference-relay.sh" status ;;
    *) echo "usage: $0 start | stop | status" >&2; exit 2 ;;
esac
