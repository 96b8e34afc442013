#!/usr/bin/python3
"""Check that every plain-relay service answers (python3 stdlib only).

  probe.py [--quiet] IP CA_PEM

Exit 0 when SMTP 25 (STARTTLS offered), submission 587 (STARTTLS), submissions 465 (implicit TLS, AUTH),
IMAP 143 (STARTTLS), IMAPS 993 and HTTPS 443 all answer; 1 otherwise. Clients bind 127.0.0.2.
"""
import imaplib
import signal
import smtplib
import socket
import ssl
import sys

SRC = ("127.0.0.2", 0)
TIMEOUT = 5


def ctx(ca):
    c = ssl.create_default_context(cafile=ca)
    return c


def smtp_starttls(ip, port, ca):
    with smtplib.SMTP(ip, port, timeout=TIMEOUT, source_address=SRC) as s:
        s.ehlo("probe.example")
        if not s.has_extn("starttls"):
            raise RuntimeError("no STARTTLS")
        s.starttls(context=ctx(ca))
        s.ehlo("probe.example")
        return "STARTTLS ok" + (", AUTH " + s.esmtp_features["auth"].strip() if s.has_extn("auth") else "")


def smtps(ip, port, ca):
    with smtplib.SMTP_SSL(ip, port, timeout=TIMEOUT, source_address=SRC, context=ctx(ca)) as s:
        s.ehlo("probe.example")
        if not s.has_extn("auth"):
            raise RuntimeError("no AUTH")
        return "TLS ok, AUTH " + s.esmtp_features["auth"].strip()


class IMAP4Src(imaplib.IMAP4):
    def _create_socket(self, timeout):
        return socket.create_connection((self.host, self.port), timeout, source_address=SRC)


class IMAP4SSLSrc(imaplib.IMAP4_SSL):
    def _create_socket(self, timeout):
        sock = socket.create_connection((self.host, self.port), timeout, source_address=SRC)
        return self.ssl_context.wrap_socket(sock, server_hostname=self.host)


def imap(ip, port, ca):
    m = IMAP4Src(ip, port, timeout=TIMEOUT)
    try:
        if "STARTTLS" not in m.capabilities:
            raise RuntimeError("no STARTTLS")
        m.starttls(ssl_context=ctx(ca))
        return "STARTTLS ok"
    finally:
        m.shutdown()


def imaps(ip, port, ca):
    m = IMAP4SSLSrc(ip, port, ssl_context=ctx(ca), timeout=TIMEOUT)
    try:
        return "TLS ok, " + " ".join(c for c in m.capabilities if c in ("IDLE", "AUTH=PLAIN"))
    finally:
        m.shutdown()


def https(ip, port, ca):
    sock = socket.create_connection((ip, port), TIMEOUT, source_address=SRC)
    with ctx(ca).wrap_socket(sock, server_hostname="plain-relay.test") as t:
        t.sendall(b"GET / HTTP/1.1\r\nHost: plain-relay.test\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            b = t.recv(4096)
            if not b:
                break
            data += b
    status = data.split(b"\r\n", 1)[0].decode()
    if " 200 " not in status + " ":
        raise RuntimeError(status)
    return status


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    args = sys.argv[1:]
    quiet = "--quiet" in args
    args = [a for a in args if a != "--quiet"]
    ip, ca = args
    checks = [
        ("smtp 25", smtp_starttls, 25),
        ("submission 587", smtp_starttls, 587),
        ("submissions 465", smtps, 465),
        ("imap 143", imap, 143),
        ("imaps 993", imaps, 993),
        ("https 443", https, 443),
    ]
    ok = True
    for name, f, port in checks:
        try:
            r = f(ip, port, ca)
            if not quiet:
                print(f"  {name:16} up: {r}")
        except Exception as e:  # noqa: BLE001
            ok = False
            if not quiet:
                print(f"  {name:16} DOWN: {type(e).__name__}: {e}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
