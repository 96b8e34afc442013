#!/usr/bin/python3
"""Self-test of the plain-relay target (python3 stdlib only; clients bind 127.0.0.2).

  selftest.py [--host 127.0.0.12] [--domain plain-relay.test] [--ca CA.pem] [--accounts accounts.txt]

Shows that the target is an ordinary working mail server (submission with AUTH, delivery on 25 with
STARTTLS, IMAP over TLS, IDLE) and that it behaves like one, not like chatmail: plaintext mail is
accepted and delivered, unknown accounts cannot log in (no just-in-time creation), unknown recipients
are refused at RCPT, IMAP refuses LOGIN before STARTTLS.
"""
import argparse
import imaplib
import secrets
import smtplib
import socket
import ssl
import sys
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

SRC = ("127.0.0.2", 0)
TIMEOUT = 10


class IMAP4Src(imaplib.IMAP4):
    def _create_socket(self, timeout):
        return socket.create_connection((self.host, self.port), timeout, source_address=SRC)


class IMAP4SSLSrc(imaplib.IMAP4_SSL):
    def _create_socket(self, timeout):
        sock = socket.create_connection((self.host, self.port), timeout, source_address=SRC)
        return self.ssl_context.wrap_socket(sock, server_hostname=self.sni)


class Test:
    def __init__(self, a):
        self.a = a
        self.ctx = ssl.create_default_context(cafile=a.ca)
        with open(a.accounts) as f:
            self.accounts = [tuple(line.split()) for line in f if line.strip()]
        self.failed = 0
        self.passed = 0

    # ---- helpers
    def imaps(self):
        m = IMAP4SSLSrc.__new__(IMAP4SSLSrc)
        m.sni = self.a.domain  # verify the certificate by name
        IMAP4SSLSrc.__init__(m, self.a.host, 993, ssl_context=self.ctx, timeout=TIMEOUT)
        return m

    def smtps(self):
        return smtplib.SMTP_SSL(self.a.host, 465, timeout=TIMEOUT, source_address=SRC,
                                context=self.ctx_named())

    def ctx_named(self):
        return self.ctx

    def smtp(self, port):
        return smtplib.SMTP(self.a.host, port, timeout=TIMEOUT, source_address=SRC,
                            local_hostname="client.example")

    def plain_mail(self, sender, rcpt, token):
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = rcpt
        msg["Subject"] = f"plain-relay selftest {token}"
        msg["Date"] = formatdate(localtime=False)
        msg["Message-ID"] = make_msgid(domain=sender.split("@")[1])
        msg.set_content(f"An ordinary unencrypted message ({token}).\n")
        return msg

    def wait_in_inbox(self, addr, password, token, seconds=20):
        m = self.imaps()
        try:
            m.login(addr, password)
            deadline = time.time() + seconds
            while True:
                m.select("INBOX")
                typ, data = m.search(None, "SUBJECT", f'"{token}"')
                if typ == "OK" and data[0].split():
                    num = data[0].split()[-1]
                    typ, body = m.fetch(num, "(BODY.PEEK[TEXT])")
                    return body[0][1].decode(errors="replace").strip()
                if time.time() > deadline:
                    raise AssertionError(f"message {token} not in {addr}'s INBOX after {seconds}s")
                time.sleep(0.5)
        finally:
            try:
                m.logout()
            except Exception:  # noqa: BLE001
                pass

    def check(self, name, fn):
        try:
            detail = fn()
            self.passed += 1
            print(f"PASS  {name}" + (f": {detail}" if detail else ""))
        except Exception as e:  # noqa: BLE001
            self.failed += 1
            print(f"FAIL  {name}: {type(e).__name__}: {e}")

    # ---- tests
    def t_imaps_login(self):
        addr, pw = self.accounts[0]
        m = self.imaps()
        try:
            typ, _ = m.login(addr, pw)
            caps = set(m.capabilities)
            assert typ == "OK"
            assert "IDLE" in caps, f"no IDLE in {caps}"
            typ, data = m.select("INBOX")
            assert typ == "OK"
            return f"{addr} logged in over 993 (TLS verified against CA), IDLE advertised, INBOX has {data[0].decode()} messages"
        finally:
            m.logout()

    def t_submit_465(self):
        (s_addr, s_pw), (r_addr, r_pw) = self.accounts[1], self.accounts[2]
        token = secrets.token_hex(6)
        with self.smtps() as s:
            s.ehlo("client.example")
            s.login(s_addr, s_pw)
            refused = s.send_message(self.plain_mail(s_addr, r_addr, token))
            assert not refused, refused
        body = self.wait_in_inbox(r_addr, r_pw, token)
        assert token in body
        return f"{s_addr} -> {r_addr} via 465 AUTH, unencrypted mail accepted and found in INBOX over IMAP"

    def t_mx_25(self):
        r_addr, r_pw = self.accounts[3]
        token = secrets.token_hex(6)
        sender = "alice@foreign.example"
        with self.smtp(25) as s:
            s.ehlo()
            assert s.has_extn("starttls"), "no STARTTLS on 25"
            s.starttls(context=self.ctx)
            s.ehlo()
            assert not s.has_extn("auth"), "AUTH offered on port 25"
            refused = s.send_message(self.plain_mail(sender, r_addr, token))
            assert not refused, refused
        body = self.wait_in_inbox(r_addr, r_pw, token)
        assert token in body
        return f"{sender} -> {r_addr} on 25 with STARTTLS, delivered to INBOX"

    def t_unknown_login(self):
        addr = f"new{secrets.token_hex(4)}@{self.a.domain}"
        pw = secrets.token_urlsafe(18)
        for attempt in (1, 2):
            m = self.imaps()
            try:
                try:
                    m.login(addr, pw)
                except imaplib.IMAP4.error as e:
                    err = str(e)
                else:
                    raise AssertionError(f"fresh account {addr} could log in (attempt {attempt})")
            finally:
                m.shutdown()
        with self.smtps() as s:
            s.ehlo("client.example")
            s.user, s.password = addr, pw
            try:
                s.auth("PLAIN", s.auth_plain)  # one mechanism: each failure costs the server's delay
            except smtplib.SMTPAuthenticationError as e:
                serr = f"{e.smtp_code}"
            else:
                raise AssertionError(f"fresh account {addr} could AUTH on 465")
        return f"{addr} refused twice over IMAP ({err.strip()}) and on 465 (SMTP {serr}): no just-in-time accounts"

    def t_143_login_before_starttls(self):
        addr, pw = self.accounts[4]
        m = IMAP4Src(self.a.host, 143, timeout=TIMEOUT)
        try:
            caps = set(m.capabilities)
            assert "STARTTLS" in caps, f"no STARTTLS in {caps}"
            try:
                m.login(addr, pw)
            except imaplib.IMAP4.error as e:
                err = str(e).strip()
            else:
                raise AssertionError("LOGIN accepted before STARTTLS")
        finally:
            m.shutdown()
        m = IMAP4Src(self.a.host, 143, timeout=TIMEOUT)
        try:
            m.starttls(ssl_context=self.ctx)
            typ, _ = m.login(addr, pw)
            assert typ == "OK"
        finally:
            m.logout()
        return f"LOGINDISABLED={'LOGINDISABLED' in caps}, LOGIN refused ({err}); after STARTTLS login OK"

    def t_143_default_source(self):
        # a client that does not bind a source address (as most test suites do): it must not look
        # "local" to Dovecot, which would allow LOGIN without TLS
        addr, pw = self.accounts[8]
        m = imaplib.IMAP4(self.a.host, 143, timeout=TIMEOUT)
        try:
            src = m.sock.getsockname()[0]
            try:
                m.login(addr, pw)
            except imaplib.IMAP4.error:
                pass
            else:
                raise AssertionError(f"LOGIN accepted before STARTTLS from unbound source {src}")
        finally:
            m.shutdown()
        return f"unbound client came from {src}, LOGIN refused"

    def t_idle(self):
        (r_addr, r_pw), (s_addr, s_pw) = self.accounts[9], self.accounts[10]
        m = self.imaps()
        try:
            m.login(r_addr, r_pw)
            m.select("INBOX")
            tag = m._new_tag().decode()
            m.send(f"{tag} IDLE\r\n".encode())
            line = m.readline()
            assert line.startswith(b"+"), line
            token = secrets.token_hex(6)
            with self.smtps() as s:
                s.ehlo("client.example")
                s.login(s_addr, s_pw)
                s.send_message(self.plain_mail(s_addr, r_addr, token))
                sent = time.monotonic()
            m.sock.settimeout(10)
            while True:
                line = m.readline()
                if not line:
                    raise AssertionError("connection closed during IDLE")
                if b"EXISTS" in line:
                    ms = (time.monotonic() - sent) * 1000
                    break
            m.send(b"DONE\r\n")
            while not m.readline().startswith(tag.encode()):
                pass
        finally:
            m.logout()
        return f"EXISTS {ms:.0f} ms after end of DATA"

    def t_unknown_rcpt_25(self):
        with self.smtp(25) as s:
            s.ehlo()
            s.starttls(context=self.ctx)
            s.ehlo()
            s.mail("bob@foreign.example")
            code, resp = s.rcpt(f"nosuchuser{secrets.token_hex(3)}@{self.a.domain}")
            assert code == 550, f"{code} {resp!r}"
            code2, resp2 = s.rcpt("someone@elsewhere.example")
            assert code2 in (454, 554), f"relay: {code2} {resp2!r}"
        return f"unknown user -> {code} {resp.decode()[:40]!r}; relay to elsewhere.example -> {code2}"

    def t_submission_587(self):
        (s_addr, s_pw), (r_addr, _) = self.accounts[5], self.accounts[6]
        with self.smtp(587) as s:
            s.ehlo()
            assert not s.has_extn("auth"), "AUTH offered before STARTTLS on 587"
            code, _ = s.docmd("MAIL FROM:<%s>" % s_addr)
            assert code >= 500, f"MAIL before STARTTLS answered {code}"
        with self.smtp(587) as s:
            s.ehlo()
            s.starttls(context=self.ctx)
            s.ehlo()
            assert s.has_extn("auth"), "no AUTH after STARTTLS on 587"
            s.login(s_addr, s_pw)
            s.mail(self.accounts[7][0])  # somebody else's address
            code, resp = s.rcpt(r_addr)
            assert code == 553, f"sender mismatch: {code} {resp!r}"
        return f"STARTTLS required before AUTH; sending as another account refused ({code})"

    def run(self):
        print(f"plain-relay selftest: {self.a.domain} at {self.a.host}, CA {self.a.ca}, "
              f"{len(self.accounts)} accounts from {self.a.accounts}")
        self.check("imaps 993 login with a provisioned account", self.t_imaps_login)
        self.check("submissions 465 AUTH, plaintext mail to another account, seen over IMAP", self.t_submit_465)
        self.check("MX 25 STARTTLS, foreign sender to local user", self.t_mx_25)
        self.check("fresh unknown account cannot log in", self.t_unknown_login)
        self.check("imap 143 refuses LOGIN before STARTTLS", self.t_143_login_before_starttls)
        self.check("imap 143 refuses LOGIN before STARTTLS from an unbound client", self.t_143_default_source)
        self.check("IDLE announces a new message", self.t_idle)
        self.check("MX 25 refuses unknown local user and relaying", self.t_unknown_rcpt_25)
        self.check("submission 587 STARTTLS + AUTH + sender login match", self.t_submission_587)
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.12")
    p.add_argument("--domain", default="plain-relay.test")
    p.add_argument("--ca", default="/var/lib/relaycert-plain/tls/ca.pem")
    p.add_argument("--accounts", default="/var/lib/relaycert-plain/accounts.txt")
    return Test(p.parse_args()).run()


if __name__ == "__main__":
    sys.exit(main())
