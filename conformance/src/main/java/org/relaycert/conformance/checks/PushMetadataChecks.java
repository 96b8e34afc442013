package org.relaycert.conformance.checks;

import org.relaycert.conformance.probes.MetadataEntries;
import org.relaycert.conformance.probes.ServerEntryFormats;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.ExpiryControl;
import org.relaycert.conformance.targets.Target;

/**
 * The IMAP side of push (relay-spec 2.6, 2.7 and 6.1): what Delta Chat reads and writes with METADATA, and
 * the capabilities that make it register. Observable on any target, live hosts included.
 */
@ConformanceCheck
class PushMetadataChecks {
    private static final String TOKEN_ENTRY = "/private/devicetoken";

    @Test
    @RequirementId("PUSH-04")
    void metadataRoundTrip(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().account();
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            ImapResponse login = s.login(c.address(), c.password());
            org.relaycert.conformance.verdict.Precondition.require(login.ok(), "the suite's account " + c.address() + " logged in over IMAP", login.tagged());
            String first = "relaycert-" + UUID.randomUUID();
            String second = "relaycert-" + UUID.randomUUID();
            ImapResponse set1 = setToken(s, first);
            ImapResponse set2 = setToken(s, second);
            ImapResponse again = setToken(s, first);
            ImapResponse get = s.command("GETMETADATA INBOX " + TOKEN_ENTRY);
            ImapResponse server = s.command("GETMETADATA \"\" (/shared/vendor/deltachat/irohrelay"
                    + " /shared/vendor/deltachat/maxsmtprecipients /shared/admin /shared/vendor/deltachat/turn)");
            ev.transcript("993", s.transcript());
            assertThat(List.of(set1, set2, again)).as("SETMETADATA answers").allSatisfy(r -> assertThat(r.ok()).isTrue());
            assertThat(get.untagged("METADATA")).as("device tokens read back")
                    .anySatisfy(l -> assertThat(l).contains(first + " " + second));
            assertThat(server.ok()).as("GETMETADATA of server entries: %s", server.tagged()).isTrue();
            // names as atoms or strings, values as strings or literals: both are IMAP (Dovecot sends the latter)
            Map<String, String> entries = MetadataEntries.parse(server.untagged("METADATA"));
            // chatmail with iroh_relay empty (and a relay that runs none) serves no iroh relay; one served is https
            String iroh = entries.get(ServerEntryFormats.IROH_RELAY);
            assertThat(iroh == null || iroh.startsWith("https://")).as("iroh relay entry %s", iroh).isTrue();
            assertThat(entries.get(ServerEntryFormats.MAX_SMTP_RECIPIENTS)).as("recipient limit entry").matches("\\d+");
        }
    }

    @Test
    @RequirementId("PUSH-07")
    void serverEntriesRoundTrip(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().account();
        Instant relayNow = t.expiryControl().map(ExpiryControl::now).orElseGet(Instant::now);
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            ImapResponse login = s.login(c.address(), c.password());
            org.relaycert.conformance.verdict.Precondition.require(login.ok(), "the suite's account " + c.address()
                    + " logged in over IMAP", login.tagged());
            ImapResponse together = s.command("GETMETADATA \"\" (" + String.join(" ", ServerEntryFormats.ALL) + ")");
            assertThat(together.ok()).as("GETMETADATA of every server entry: %s", together.tagged()).isTrue();
            Map<String, String> served = new LinkedHashMap<>(MetadataEntries.parse(together.untagged("METADATA")));
            served.values().removeIf(java.util.Objects::isNull);
            for (String entry : ServerEntryFormats.ALL) {
                ImapResponse one = s.command("GETMETADATA \"\" " + entry);
                assertThat(one.ok()).as("GETMETADATA %s: %s", entry, one.tagged()).isTrue();
                String alone = MetadataEntries.parse(one.untagged("METADATA")).get(entry);
                String value = served.get(entry);
                ev.line(entry + (value == null ? ": not served" : " = " + abbreviated(value)));
                if (entry.equals(ServerEntryFormats.TURN) && value != null && alone != null) {
                    // fresh credentials per read: the server part must agree, the timestamp may have moved on
                    assertThat(alone.split(":")[0]).as("TURN host alone and together").isEqualTo(value.split(":")[0]);
                } else {
                    assertThat(alone).as("%s read alone and together", entry).isEqualTo(value);
                }
                if (value != null) {
                    ServerEntryFormats.check(entry, value, relayNow);
                }
            }
            // the recipient limit tells Delta Chat the relay takes push; the iroh relay is optional (iroh_relay =)
            assertThat(served).as("entries Delta Chat needs").containsKeys(ServerEntryFormats.MAX_SMTP_RECIPIENTS);
            ImapResponse write = s.command("SETMETADATA \"\" (" + ServerEntryFormats.COMMENT + " \"relaycert was here\")");
            ImapResponse unknown = s.command("GETMETADATA \"\" /shared/vendor/deltachat/relaycert-unknown");
            ImapResponse after = s.command("GETMETADATA \"\" " + ServerEntryFormats.COMMENT);
            ev.transcript("993", s.transcript());
            assertThat(write.ok()).as("a user may not write a server entry: %s", write.tagged()).isFalse();
            assertThat(MetadataEntries.parse(after.untagged("METADATA")).get(ServerEntryFormats.COMMENT))
                    .as("comment unchanged after the refused write").isEqualTo(served.get(ServerEntryFormats.COMMENT));
            assertThat(MetadataEntries.parse(unknown.untagged("METADATA")).get("/shared/vendor/deltachat/relaycert-unknown"))
                    .as("an unknown entry has no value").isNull();
        }
    }

    private static String abbreviated(String v) {
        return v.length() > 160 ? v.substring(0, 160) + "..." : v;
    }

    @Test
    @RequirementId("PUSH-05")
    void pushAdvertised(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().account();
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            s.login(c.address(), c.password());
            List<String> caps = s.capabilities();
            ev.transcript("993", s.transcript());
            assertThat(caps).as("capabilities after login").contains("XDELTAPUSH", "METADATA");
        }
    }

    private static ImapResponse setToken(ImapSession s, String token) throws java.io.IOException {
        return s.command("SETMETADATA INBOX (" + TOKEN_ENTRY + " " + ImapSession.quote(token) + ")");
    }
}
