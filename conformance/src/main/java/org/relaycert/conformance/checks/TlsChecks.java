package org.relaycert.conformance.checks;

import org.relaycert.conformance.probes.AlpnProbe;
import org.relaycert.conformance.probes.TlsProbe;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.Target;

/** TLS versions on every port. */
@ConformanceCheck
class TlsChecks {

    @Test
    @RequirementId("TLS-01")
    void legacyTlsRefused(Target t, Evidence ev) throws Exception {
        List<String> accepted = new ArrayList<>();
        for (String protocol : List.of("TLSv1", "TLSv1.1")) {
            TlsProbe.requireClientCanOffer(protocol);
            for (TlsProbe.Port port : TlsProbe.allTlsPorts(t.primary())) {
                TlsProbe.Outcome o = TlsProbe.handshake(port, t.trust(), protocol);
                ev.line(port.name() + " " + protocol + ": " + o.detail());
                if (o.handshakeSucceeded()) {
                    accepted.add(port.name() + " " + protocol);
                }
            }
        }
        assertThat(accepted).as("ports that completed a legacy TLS handshake").isEmpty();
    }

    @Test
    @RequirementId("TLS-02")
    void clientPortsRequireTls13(Target t, Evidence ev) throws Exception {
        List<String> accepted12 = new ArrayList<>();
        for (TlsProbe.Port port : TlsProbe.clientPorts(t.primary())) {
            TlsProbe.Outcome tls13 = TlsProbe.handshake(port, t.trust(), "TLSv1.3");
            ev.line(port.name() + " TLSv1.3: " + tls13.detail());
            assertThat(tls13.handshakeSucceeded()).as("TLS 1.3 handshake on %s", port.name()).isTrue();
            TlsProbe.Outcome tls12 = TlsProbe.handshake(port, t.trust(), "TLSv1.2");
            ev.line(port.name() + " TLSv1.2: " + tls12.detail());
            if (tls12.handshakeSucceeded()) {
                accepted12.add(port.name());
            }
        }
        assertThat(accepted12).as("client ports that accepted TLS 1.2").isEmpty();
    }

    @Test
    @RequirementId("TLS-03")
    void certificateValidForDomain(Target t, Evidence ev) throws Exception {
        t.certificatesUnverifiable().ifPresent(reason -> {
            throw new NotObservableException(reason);
        });
        List<String> refused = new ArrayList<>();
        for (TlsProbe.Port port : TlsProbe.allTlsPorts(t.primary())) {
            TlsProbe.Outcome o = TlsProbe.handshake(port, t.trust(), "TLSv1.3");
            ev.line(port.name() + " certificate for " + port.endpoint().host() + ": " + o.detail());
            if (!o.handshakeSucceeded()) {
                refused.add(port.name() + " (" + o.detail() + ")");
            }
        }
        assertThat(refused).as("ports whose certificate does not verify for %s", t.primary().domain()).isEmpty();
    }

    @Test
    @RequirementId("TLS-04")
    void port443CarriesMailByAlpn(Target t, Evidence ev) throws Exception {
        AlpnProbe.Answer imap = AlpnProbe.firstLine(t.primary().https(), t.trust(), "imap");
        ev.line("443 ALPN imap: negotiated " + imap.negotiated() + ", first line " + imap.firstLine());
        AlpnProbe.Answer smtp = AlpnProbe.firstLine(t.primary().https(), t.trust(), "smtp");
        ev.line("443 ALPN smtp: negotiated " + smtp.negotiated() + ", first line " + smtp.firstLine());
        assertThat(imap.firstLine()).as("IMAP greeting on 443 with ALPN imap").startsWith("* OK");
        assertThat(smtp.firstLine()).as("SMTP greeting on 443 with ALPN smtp").startsWith("220");
    }
}
