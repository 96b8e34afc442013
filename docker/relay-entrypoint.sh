#!/bin/sh
# Writes the relay's chatmail.ini from the environment, then serves. MAIL_DOMAIN is required;
# DNS_RESOLVER (host:port) points federation at the fixture DNS of the compose world.
set -eu
: "${MAIL_DOMAIN:?set MAIL_DOMAIN to the relay's domain}"
config=/var/lib/relay/chatmail.ini
{
  echo "[params]"
  echo "mail_domain = ${MAIL_DOMAIN}"
  # test relays share a busy machine: its load must not stop account creation (chatmail's default is 5)
  echo "max_load_1m = ${MAX_LOAD_1M:-1000}"
  echo "[relay]"
  echo "bind_address = 0.0.0.0"
  echo "smtp_port = 25"
  echo "submission_port = 587"
  echo "smtps_port = 465"
  echo "imap_port = 143"
  echo "imaps_port = 993"
  echo "https_port = 443"
  echo "data_dir = /var/lib/relay/data"
  if [ -n "${DNS_RESOLVER:-}" ]; then echo "dns_resolver = ${DNS_RESOLVER}"; fi
} > "$config"
# The shipped launcher: the JVM settings in relay.jvm-options (RELAY_JAVA_OPTS adds to them).
exec /bin/sh /opt/relaycert/relaycert-relay serve --config "$config"
