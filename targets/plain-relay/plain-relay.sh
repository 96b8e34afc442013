#!/bin/bash
# relaycert plain-relay: an ORDINARY, correctly configured Postfix + Dovecot (+ nginx) mail server
# from Debian's packages, NOT a chatmail relay. Negative-control target for the conformance suite.
# Run as root.  See README.md.
#
#   plain-relay.sh setup | start | stop | restart | status | selftest | logs | purge
#
# Environment: PLAIN_STATE (default /var/lib/relaycert-plain), PLAIN_SKIP_APT=1 (setup without apt-get).
#
# Private instances only: Postfix with its own config dir (postfix -c), Dovecot with its own config
# (dovecot -c), nginx with its own config (nginx -c); the system's services and /etc/postfix,
# /etc/dovecot, /etc/nginx configs are never started or changed. Everything listens on 127.0.0.12.
set -uo pipefail

KIT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${PLAIN_STATE:-/var/lib/relaycert-plain}
STATE=${STATE%/}
DOMAIN=plain-relay.test
IP=127.0.0.12
NACCOUNTS=400
HOSTS_TAG="# relaycert-plain"
HOSTS_LINE="$IP $DOMAIN mail.$DOMAIN $HOSTS_TAG"
MAILUSER=plainvmail
PY=/usr/bin/python3
INSTANCE=relaycert-plain

PF=$STATE/postfix          # Postfix config_directory
QUEUE=$STATE/spool         # Postfix queue_directory (no chroot)
PFDATA=$STATE/postfix-data # Postfix data_directory
DOV=$STATE/dovecot         # Dovecot config
DRUN=$STATE/run/dovecot    # Dovecot base_dir
NGX=$STATE/nginx
WWW=$STATE/www
TLS=$STATE/tls
LOGS=$STATE/logs
VMAIL=$STATE/vmail
CA=$TLS/ca.pem
CERT=$TLS/$DOMAIN.fullchain.pem
KEY=$TLS/$DOMAIN.key
ACCOUNTS=$STATE/accounts.txt

PACKAGES="postfix dovecot-core dovecot-imapd dovecot-lmtpd nginx openssl iproute2 python3 util-linux procps"

die() { echo "plain-relay.sh: $*" >&2; exit 1; }
log() { echo "plain-relay.sh: $*"; }
need_root() { [[ $(id -u) == 0 ]] || die "must run as root"; }

# refuse state dirs that would make the process sweep in 'stop' or 'purge' dangerous
case $STATE in
    /*/*) ;;
    *) die "PLAIN_STATE must be an absolute path at least two levels deep (got '$STATE')" ;;
esac
[[ $STATE != *[[:space:]]* ]] || die "PLAIN_STATE must not contain spaces"

# ---------------------------------------------------------------- setup
apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    local made_policy=0 pkg missing=""
    for pkg in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    if [[ -z $missing ]]; then log "packages already installed"; return 0; fi
    # never let package scripts start the system's daemons (they would bind 0.0.0.0)
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=1
    fi
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    apt-get update
    # shellcheck disable=SC2086
    if ! apt-get install -y --no-install-recommends $missing; then
        [[ $made_policy == 1 ]] && rm -f /usr/sbin/policy-rc.d
        die "apt-get install failed"
    fi
    [[ $made_policy == 1 ]] && rm -f /usr/sbin/policy-rc.d
    return 0
}

ensure_user() {
    mkdir -p "$STATE"; chmod 755 "$STATE"
    if ! getent group "$MAILUSER" >/dev/null; then
        groupadd --system "$MAILUSER"; touch "$STATE/created-group"
    fi
    if ! getent passwd "$MAILUSER" >/dev/null; then
        useradd --system -g "$MAILUSER" --home-dir "$VMAIL" --no-create-home --shell /usr/sbin/nologin "$MAILUSER"
        touch "$STATE/created-user"
    fi
}

ensure_lo() {
    if [[ $(ip -4 -o addr show dev lo) != *"inet $IP/"* ]]; then
        ip addr add "$IP/32" dev lo || die "cannot add $IP/32 to lo"
        touch "$STATE/created-lo-addr"
    fi
    # Connections from this host to $IP would otherwise come FROM $IP, and Dovecot treats a client
    # whose address equals the server's as "secured" (plaintext LOGIN allowed on 143 without TLS).
    # Make such clients use 127.0.0.1 as source, like a client on another host would use its own address.
    if ! ip route show table local | grep -q "^local $IP dev lo .*src 127.0.0.1"; then
        ip route replace local "$IP" dev lo table local proto kernel scope host src 127.0.0.1 \
            || log "WARNING: could not set source 127.0.0.1 for $IP; unbound local clients will look 'secured' to Dovecot"
    fi
}

ensure_hosts() {
    grep -qF "$HOSTS_LINE" /etc/hosts || echo "$HOSTS_LINE" >>/etc/hosts
}

ensure_tls() {
    mkdir -p "$TLS"; chmod 755 "$TLS"
    if [[ ! -s $CA || ! -s $TLS/ca.key ]]; then
        log "creating CA"
        openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
            -keyout "$TLS/ca.key" -out "$CA" -subj "/CN=relaycert plain-relay test CA" \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null \
            || die "openssl: CA creation failed"
        chmod 600 "$TLS/ca.key"; chmod 644 "$CA"
        rm -f "$CERT"
    fi
    if [[ ! -s $CERT || ! -s $KEY ]]; then
        log "creating leaf certificate for $DOMAIN"
        openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$KEY" -out "$TLS/leaf.csr" -subj "/CN=$DOMAIN" 2>/dev/null \
            || die "openssl: key/CSR failed"
        printf 'subjectAltName=DNS:%s,DNS:*.%s,IP:%s\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' \
            "$DOMAIN" "$DOMAIN" "$IP" >"$TLS/leaf.ext"
        openssl x509 -req -in "$TLS/leaf.csr" -CA "$CA" -CAkey "$TLS/ca.key" -CAcreateserial \
            -days 3650 -sha256 -extfile "$TLS/leaf.ext" -out "$TLS/$DOMAIN.pem" 2>/dev/null || die "openssl: signing failed"
        cat "$TLS/$DOMAIN.pem" "$CA" >"$CERT"
        chmod 600 "$KEY"; chmod 644 "$TLS/$DOMAIN.pem" "$CERT"
        rm -f "$TLS/leaf.csr" "$TLS/leaf.ext"
    fi
}

# 400 provisioned accounts (u0001..u0400) + a postmaster mailbox; stable across setups
ensure_accounts() {
    if [[ ! -s $ACCOUNTS || ! -s $STATE/postmaster.txt ]]; then
        log "generating $NACCOUNTS accounts"
        "$PY" - "$ACCOUNTS" "$STATE/postmaster.txt" "$DOMAIN" "$NACCOUNTS" <<'EOF' || die "account generation failed"
import os, secrets, string, sys
accounts, postmaster, domain, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
alphabet = string.ascii_letters + string.digits
pw = lambda: "".join(secrets.choice(alphabet) for _ in range(20))
with open(accounts + ".tmp", "w") as f:
    for i in range(1, n + 1):
        f.write(f"u{i:04d}@{domain} {pw()}\n")
os.replace(accounts + ".tmp", accounts)
with open(postmaster + ".tmp", "w") as f:
    f.write(f"postmaster@{domain} {pw()}\n")
os.chmod(postmaster + ".tmp", 0o600)
os.replace(postmaster + ".tmp", postmaster)
EOF
        rm -f "$DOV/users"
    fi
    chmod 644 "$ACCOUNTS"
    mkdir -p "$DOV"
    if [[ ! -s $DOV/users ]]; then
        log "hashing passwords (SHA512-CRYPT) into the Dovecot passwd-file"
        local tmp; tmp=$(mktemp -d)
        cat "$ACCOUNTS" "$STATE/postmaster.txt" >"$tmp/all"
        cut -d' ' -f2 "$tmp/all" | openssl passwd -6 -stdin >"$tmp/hashes" || { rm -rf "$tmp"; die "openssl passwd failed"; }
        [[ $(wc -l <"$tmp/hashes") == $(wc -l <"$tmp/all") ]] || { rm -rf "$tmp"; die "password hashing mismatch"; }
        paste -d' ' <(cut -d' ' -f1 "$tmp/all") "$tmp/hashes" | awk '{print $1 ":{SHA512-CRYPT}" $2 "::::::"}' >"$DOV/users.tmp"
        rm -rf "$tmp"
        chown root:dovecot "$DOV/users.tmp"; chmod 640 "$DOV/users.tmp"
        mv "$DOV/users.tmp" "$DOV/users"
    fi
}

render_postfix() {
    mkdir -p "$PF" "$QUEUE" "$PFDATA" "$LOGS"
    chmod 755 "$PF" "$QUEUE" "$LOGS"
    chown postfix:postfix "$PFDATA"; chmod 700 "$PFDATA"
    cat >"$PF/main.cf" <<EOF
# relaycert plain-relay: a private, ordinary Postfix instance (postfix -c $PF). Not chatmail.
compatibility_level = 3.6
config_directory = $PF
meta_directory = /etc/postfix
queue_directory = $QUEUE
data_directory = $PFDATA
maillog_file = $LOGS/postfix.log
syslog_name = postfix-plain
biff = no
append_dot_mydomain = no
readme_directory = no
smtputf8_enable = no
# 50 MiB: room for today's attachments (Debian's default is 10 MB)
message_size_limit = 52428800

myhostname = mail.$DOMAIN
mydomain = $DOMAIN
myorigin = $DOMAIN
mydestination =
inet_interfaces = $IP
inet_protocols = ipv4
# nobody relays by IP address: on loopback every client would otherwise be "local"
mynetworks =
alias_maps =
alias_database =
local_recipient_maps =
recipient_delimiter = +

# one virtual mailbox domain, delivered to Dovecot over LMTP; unknown users are refused at RCPT
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_maps = hash:$PF/vmailbox
virtual_alias_maps = hash:$PF/virtual
virtual_transport = lmtp:unix:private/dovecot-lmtp
smtpd_reject_unlisted_recipient = yes

# outgoing: ordinary opportunistic TLS; loopback test hosts come from /etc/hosts
smtp_bind_address = $IP
smtp_host_lookup = dns, native
smtp_tls_security_level = may
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
smtp_tls_loglevel = 1

# incoming TLS (port 25: opportunistic, STARTTLS offered)
smtpd_tls_cert_file = $CERT
smtpd_tls_key_file = $KEY
smtpd_tls_security_level = may
smtpd_tls_loglevel = 1
smtpd_tls_received_header = yes
smtpd_tls_mandatory_protocols = >=TLSv1.2
smtpd_tls_protocols = >=TLSv1.2
smtpd_tls_session_cache_database = btree:\${data_directory}/smtpd_scache
smtp_tls_session_cache_database = btree:\${data_directory}/smtp_scache

# SASL through Dovecot (enabled only on submission/submissions in master.cf)
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = no
smtpd_sender_login_maps = hash:$PF/sender_login

smtpd_helo_required = yes
disable_vrfy_command = yes
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions = reject_non_fqdn_recipient, reject_unauth_destination
smtpd_sender_restrictions = reject_non_fqdn_sender
EOF
    cat >"$PF/master.cf" <<'EOF'
# relaycert plain-relay: Debian's master.cf services, none chrooted (the queue is not a chroot jail).
# service    type  private unpriv chroot wakeup maxproc command + args
smtp         inet  n       -      n      -      -       smtpd
submission   inet  n       -      n      -      -       smtpd
  -o syslog_name=postfix-plain/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_sender_restrictions=reject_sender_login_mismatch,permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=
  -o milter_macro_daemon_name=ORIGINATING
submissions  inet  n       -      n      -      -       smtpd
  -o syslog_name=postfix-plain/submissions
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_sender_restrictions=reject_sender_login_mismatch,permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=
  -o milter_macro_daemon_name=ORIGINATING
pickup       unix  n       -      n      60     1       pickup
cleanup      unix  n       -      n      -      0       cleanup
qmgr         unix  n       -      n      300    1       qmgr
tlsmgr       unix  -       -      n      1000?  1       tlsmgr
rewrite      unix  -       -      n      -      -       trivial-rewrite
bounce       unix  -       -      n      -      0       bounce
defer        unix  -       -      n      -      0       bounce
trace        unix  -       -      n      -      0       bounce
verify       unix  -       -      n      -      1       verify
flush        unix  n       -      n      1000?  0       flush
proxymap     unix  -       -      n      -      -       proxymap
proxywrite   unix  -       -      n      -      1       proxymap
smtp         unix  -       -      n      -      -       smtp
relay        unix  -       -      n      -      -       smtp
showq        unix  n       -      n      -      -       showq
error        unix  -       -      n      -      -       error
retry        unix  -       -      n      -      -       error
discard      unix  -       -      n      -      -       discard
lmtp         unix  -       -      n      -      -       lmtp
anvil        unix  -       -      n      -      1       anvil
scache       unix  -       -      n      -      1       scache
postlog      unix-dgram n  -      n      -      1       postlogd
EOF
    # maps: recipients, sender ownership (each account may only send as itself), RFC 5321 aliases
    awk -v d="$DOMAIN" '{print $1 "\t" d "/" substr($1, 1, index($1, "@") - 1) "/"}' "$ACCOUNTS" "$STATE/postmaster.txt" >"$PF/vmailbox"
    awk '{print $1 "\t" $1}' "$ACCOUNTS" "$STATE/postmaster.txt" >"$PF/sender_login"
    printf 'abuse@%s\tpostmaster@%s\nhostmaster@%s\tpostmaster@%s\nroot@%s\tpostmaster@%s\n' \
        "$DOMAIN" "$DOMAIN" "$DOMAIN" "$DOMAIN" "$DOMAIN" "$DOMAIN" >"$PF/virtual"
    local m
    for m in vmailbox sender_login virtual; do postmap -c "$PF" "hash:$PF/$m" || die "postmap $m failed"; done
    touch "$LOGS/postfix.log"; chmod 644 "$LOGS/postfix.log"
    # create the queue directories with Debian's ownerships
    postfix -c "$PF" check 2>&1 | grep -v '^$' || true
}

render_dovecot() {
    local uid gid
    uid=$(id -u "$MAILUSER"); gid=$(id -g "$MAILUSER")
    mkdir -p "$DOV" "$DRUN" "$STATE/dovecot-state" "$VMAIL"
    chmod 755 "$DOV" "$STATE/run" "$DRUN"
    chown "$MAILUSER:$MAILUSER" "$VMAIL"; chmod 700 "$VMAIL"
    cat >"$DOV/dovecot.conf" <<EOF
# relaycert plain-relay: a private, ordinary Dovecot instance (dovecot -c $DOV/dovecot.conf). Not chatmail.
instance_name = $INSTANCE
base_dir = $DRUN
state_dir = $STATE/dovecot-state
log_path = $LOGS/dovecot.log
protocols = imap lmtp
listen = $IP

ssl = required
ssl_cert = <$CERT
ssl_key = <$KEY
ssl_dh = </usr/share/dovecot/dh.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login

mail_location = maildir:$VMAIL/%d/%n/Maildir
mail_uid = $uid
mail_gid = $gid
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid
mail_privileged_group =

# provisioned accounts only (no account is created on first login)
passdb {
  driver = passwd-file
  args = scheme=SHA512-CRYPT username_format=%u $DOV/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $DOV/users
  default_fields = uid=$uid gid=$gid home=$VMAIL/%d/%n
}

namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}

service imap-login {
  inet_listener imap {
    address = $IP
    port = 143
  }
  inet_listener imaps {
    address = $IP
    port = 993
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
service lmtp {
  unix_listener $QUEUE/private/dovecot-lmtp {
    user = postfix
    group = postfix
    mode = 0600
  }
}
service auth {
  unix_listener $QUEUE/private/auth {
    user = postfix
    group = postfix
    mode = 0660
  }
}
protocol lmtp {
  postmaster_address = postmaster@$DOMAIN
}
# No growing auth penalty (anvil): the suite's deliberate refused logins all come from one address and would slow
# every later login of the run by up to 15 s, past Postfix's SASL patience (454 "Connection lost to authentication
# server"). The 2 s delay of each failed login stays, as shipped.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
EOF
    doveconf -c "$DOV/dovecot.conf" -n >/dev/null || die "doveconf rejected $DOV/dovecot.conf"
    touch "$LOGS/dovecot.log"
}

render_nginx() {
    mkdir -p "$NGX" "$WWW" "$STATE/run/nginx-tmp"
    chmod 755 "$NGX" "$WWW"
    cat >"$NGX/nginx.conf" <<EOF
# relaycert plain-relay: a private nginx instance (nginx -c $NGX/nginx.conf): an ordinary website.
user www-data;
worker_processes 1;
pid $STATE/run/nginx.pid;
error_log $LOGS/nginx-error.log;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $LOGS/nginx-access.log;
    client_body_temp_path $STATE/run/nginx-tmp/body;
    proxy_temp_path $STATE/run/nginx-tmp/proxy;
    fastcgi_temp_path $STATE/run/nginx-tmp/fastcgi;
    uwsgi_temp_path $STATE/run/nginx-tmp/uwsgi;
    scgi_temp_path $STATE/run/nginx-tmp/scgi;
    server_tokens off;
    sendfile on;

    server {
        listen $IP:80;
        server_name $DOMAIN mail.$DOMAIN;
        location / { return 301 https://\$host\$request_uri; }
    }
    server {
        listen $IP:443 ssl;
        server_name $DOMAIN mail.$DOMAIN;
        ssl_certificate $CERT;
        ssl_certificate_key $KEY;
        ssl_protocols TLSv1.2 TLSv1.3;
        root $WWW;
        index index.html;
        location / { try_files \$uri \$uri/ =404; }
    }
}
EOF
    cat >"$WWW/index.html" <<EOF
<!doctype html>
<html><head><meta charset="utf-8"><title>$DOMAIN</title></head>
<body><h1>$DOMAIN</h1>
<p>Mail server of $DOMAIN. Accounts are issued by the administrator.
Use IMAP (993, or 143 with STARTTLS) and submission (465, or 587 with STARTTLS) at mail.$DOMAIN.</p>
</body></html>
EOF
    chmod 644 "$WWW/index.html"
    nginx -t -q -c "$NGX/nginx.conf" -e "$LOGS/nginx-error.log" || die "nginx rejected $NGX/nginx.conf"
}

cmd_setup() {
    need_root
    if [[ ${PLAIN_SKIP_APT:-0} != 1 ]]; then apt_install; fi
    for b in postfix postmap dovecot doveconf nginx openssl ip; do command -v $b >/dev/null || die "missing $b"; done
    ensure_user
    ensure_lo
    ensure_hosts
    ensure_tls
    ensure_accounts
    render_postfix
    render_dovecot
    render_nginx
    touch "$STATE/.setup-done"
    log "setup done (state: $STATE). Next: $0 start"
}

# ---------------------------------------------------------------- processes
alive() { local st; st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1; [[ -n $st && $st != Z* ]]; }
pid_from() { [[ -s $1 ]] && tr -dc '0-9' <"$1"; }
pid_alive() { local p; p=$(pid_from "$1") && [[ -n $p ]] && alive "$p"; }

wait_for() { # wait_for SECONDS TEST...
    local n=$(( $1 * 10 )); shift
    while (( n-- > 0 )); do "$@" && return 0; sleep 0.1; done
    return 1
}

# PIDs of processes that belong to THIS instance: a mail/web daemon binary whose command line names
# one of our config paths, or whose working directory or root lies inside $STATE. Never the caller.
our_pids() {
    local d pid exe cwd root cmd
    for d in /proc/[0-9]*; do
        pid=${d#/proc/}
        [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
        exe=$(readlink "$d/exe" 2>/dev/null) || continue
        case $exe in
            /usr/lib/postfix/sbin/*|/usr/sbin/postfix|/usr/sbin/dovecot|/usr/lib/dovecot/*|/usr/sbin/nginx) ;;
            *) continue ;;
        esac
        cwd=$(readlink "$d/cwd" 2>/dev/null || true)
        root=$(readlink "$d/root" 2>/dev/null || true)
        cmd=$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null || true)
        if [[ $cwd == "$STATE" || $cwd == "$STATE/"* || $root == "$STATE/"* \
              || $cmd == *" $DOV/dovecot.conf"* || $cmd == *" $NGX/nginx.conf"* \
              || $cmd == "dovecot-$INSTANCE/"* ]]; then
            echo "$pid"
        fi
    done
}

# start DIR CMD...: run a daemonizing command with its working directory inside $STATE,
# so that every process it leaves behind can be found by our_pids
run_in() { local dir=$1; shift; ( cd "$dir" && exec setsid "$@" </dev/null ); }

postfix_running() { postfix -c "$PF" status >/dev/null 2>&1; }

cmd_start() {
    need_root
    [[ -e $STATE/.setup-done ]] || die "not set up: run '$0 setup' first"
    ensure_lo
    ensure_hosts
    mkdir -p "$LOGS" "$STATE/run"
    local failed=0
    # Dovecot first: it provides the LMTP and SASL sockets in Postfix's queue directory
    if ! pid_alive "$DRUN/master.pid"; then
        run_in "$STATE/run" dovecot -c "$DOV/dovecot.conf" >>"$LOGS/dovecot.err" 2>&1 || { log "dovecot failed to start (see $LOGS/dovecot.err, $LOGS/dovecot.log)"; failed=1; }
    fi
    if ! postfix_running; then
        run_in "$QUEUE" postfix -c "$PF" start >>"$LOGS/postfix.err" 2>&1 || { log "postfix failed to start (see $LOGS/postfix.err, $LOGS/postfix.log)"; failed=1; }
    fi
    if ! pid_alive "$STATE/run/nginx.pid"; then
        run_in "$NGX" nginx -c "$NGX/nginx.conf" -e "$LOGS/nginx-error.log" >>"$LOGS/nginx.err" 2>&1 || { log "nginx failed to start (see $LOGS/nginx.err, $LOGS/nginx-error.log)"; failed=1; }
    fi
    if [[ $failed == 0 ]] && wait_for 30 "$PY" "$KIT/probe.py" --quiet "$IP" "$CA"; then
        echo "plain-relay started: domain=$DOMAIN address=$IP ca=$CA accounts=$ACCOUNTS"
    else
        "$PY" "$KIT/probe.py" "$IP" "$CA" || true
        die "some services did not come up; see '$0 logs' (run '$0 stop' to clean up)"
    fi
}

cmd_stop() {
    need_root
    local pid i left
    # nginx: graceful quit via its own pid file
    if pid_alive "$STATE/run/nginx.pid"; then
        pid=$(pid_from "$STATE/run/nginx.pid")
        kill -QUIT "$pid" 2>/dev/null || true
        wait_for 5 eval '! alive "$pid"' || kill -TERM "$pid" 2>/dev/null || true
    fi
    # Postfix: 'postfix -c OUR_DIR stop' signals only the master whose pid file is in our queue
    if [[ -f $PF/main.cf ]] && postfix_running; then
        postfix -c "$PF" stop >/dev/null 2>&1 || true
        if ! wait_for 10 eval '! postfix_running'; then postfix -c "$PF" abort >/dev/null 2>&1 || true; fi
    fi
    # Dovecot: TERM to the master in our base_dir; it stops its children
    if pid_alive "$DRUN/master.pid"; then
        pid=$(pid_from "$DRUN/master.pid")
        kill -TERM "$pid" 2>/dev/null || true
        wait_for 10 eval '! alive "$pid"' || true
    fi
    # sweep: whatever of ours survived (half-started, stale pid files, orphaned children)
    for i in 1 2 3 4 5 6 7 8 9 10; do
        left=$(our_pids)
        [[ -z $left ]] && break
        # shellcheck disable=SC2086
        if (( i < 6 )); then kill -TERM $left 2>/dev/null || true; else kill -KILL $left 2>/dev/null || true; fi
        sleep 0.3
    done
    left=$(our_pids)
    rm -f "$STATE/run/nginx.pid" "$DRUN/master.pid" "$QUEUE/pid/master.pid"
    if [[ -n $left ]]; then
        echo "plain-relay.sh: WARNING: still running: $left" >&2
        return 1
    fi
    log "stopped"
}

cmd_status() {
    [[ -e $STATE/.setup-done ]] || { echo "not set up ($STATE)"; return 3; }
    local rc=0
    pid_alive "$DRUN/master.pid" && echo "dovecot: running (pid $(pid_from "$DRUN/master.pid"))" || { echo "dovecot: stopped"; rc=1; }
    postfix_running && echo "postfix: running (pid $(pid_from "$QUEUE/pid/master.pid"))" || { echo "postfix: stopped"; rc=1; }
    pid_alive "$STATE/run/nginx.pid" && echo "nginx: running (pid $(pid_from "$STATE/run/nginx.pid"))" || { echo "nginx: stopped"; rc=1; }
    "$PY" "$KIT/probe.py" "$IP" "$CA" || rc=1
    echo "domain=$DOMAIN address=$IP ca=$CA accounts=$ACCOUNTS"
    return $rc
}

cmd_logs() {
    local f
    for f in "$LOGS"/*.log "$LOGS"/*.err; do
        [[ -s $f ]] || continue
        echo "==> $f <=="; tail -n "${PLAIN_LOG_LINES:-20}" "$f"
    done
}

cmd_selftest() {
    [[ -s $ACCOUNTS ]] || die "no $ACCOUNTS: run setup"
    "$PY" "$KIT/selftest.py" --host "$IP" --domain "$DOMAIN" --ca "$CA" --accounts "$ACCOUNTS" "$@"
}

# undo setup (packages stay installed)
cmd_purge() {
    need_root
    cmd_stop || die "could not stop everything; not purging"
    local tmp
    tmp=$(mktemp)
    grep -vF "$HOSTS_TAG" /etc/hosts >"$tmp" || true
    cat "$tmp" >/etc/hosts; rm -f "$tmp"
    if [[ $(ip -4 -o addr show dev lo) == *"inet $IP/32"* ]]; then ip addr del "$IP/32" dev lo || true; fi
    [[ -e $STATE/created-user ]] && { userdel "$MAILUSER" 2>/dev/null || true; }
    [[ -e $STATE/created-group ]] && { groupdel "$MAILUSER" 2>/dev/null || true; }
    rm -rf "$STATE"
    log "purged: $STATE removed, /etc/hosts line and $IP on lo removed"
}

case ${1:-} in
    setup) cmd_setup ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    logs) cmd_logs ;;
    selftest) shift; cmd_selftest "$@" ;;
    purge) cmd_purge ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
esac
