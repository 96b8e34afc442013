package org.relaycert.server.federation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DNS records an operator publishes for a relay, as chatmail's {@code cmdeploy dns} lists them (spec 8.5):
 * required A/AAAA, MX, MTA-STS, www and the DKIM key; recommended SPF, DMARC, ADSP and the SRV records.
 */
public final class DnsRecords {
    private static final int TTL = 3600;

    /** One record in zone-file syntax, and whether the relay works without it. */
    public record Entry(boolean required, String line) {
    }

    private DnsRecords() {
    }

    /**
     * @param dkimTxt the key record ({@code v=DKIM1;k=rsa;p=...}), split into 255-character strings here
     * @param mtaStsId the {@code id=} of the MTA-STS record (a time stamp, changed when the policy changes)
     */
    public static List<Entry> forRelay(String domain, Optional<String> ipv4, Optional<String> ipv6, String selector,
                                       String dkimTxt, Instant mtaStsId) {
        String d = domain + ".";
        List<Entry> out = new ArrayList<>();
        ipv4.ifPresent(ip -> out.add(new Entry(true, d + " " + TTL + " IN A " + ip)));
        ipv6.ifPresent(ip -> out.add(new Entry(true, d + " " + TTL + " IN AAAA " + ip)));
        out.add(new Entry(true, d + " " + TTL + " IN MX 10 " + d));
        out.add(new Entry(true, "_mta-sts." + d + " " + TTL + " IN TXT \"v=STSv1; id="
                + DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC).format(mtaStsId) + "\""));
        out.add(new Entry(true, "mta-sts." + d + " " + TTL + " IN CNAME " + d));
        out.add(new Entry(true, "www." + d + " " + TTL + " IN CNAME " + d));
        out.add(new Entry(true, selector + "._domainkey." + d + " " + TTL + " IN TXT " + split(dkimTxt)));
        out.add(new Entry(false, d + " " + TTL + " IN TXT \"v=spf1 a ~all\""));
        out.add(new Entry(false, "_dmarc." + d + " " + TTL + " IN TXT \"v=DMARC1;p=reject;adkim=s;aspf=s\""));
        out.add(new Entry(false, "_adsp._domainkey." + d + " " + TTL + " IN TXT \"dkim=discardable\""));
        out.add(new Entry(false, "_submission._tcp." + d + " " + TTL + " IN SRV 0 1 587 " + d));
        out.add(new Entry(false, "_submissions._tcp." + d + " " + TTL + " IN SRV 0 1 465 " + d));
        out.add(new Entry(false, "_imap._tcp." + d + " " + TTL + " IN SRV 0 1 143 " + d));
        out.add(new Entry(false, "_imaps._tcp." + d + " " + TTL + " IN SRV 0 1 993 " + d));
        return out;
    }

    /** The zone-file text: required records first, then recommended ones, each group under a comment. */
    public static String zone(List<Entry> entries) {
        StringBuilder out = new StringBuilder("; Required DNS entries\n");
        entries.stream().filter(Entry::required).forEach(e -> out.append(e.line()).append('\n'));
        out.append("\n; Recommended DNS entries\n");
        entries.stream().filter(e -> !e.required()).forEach(e -> out.append(e.line()).append('\n'));
        return out.toString();
    }

    /** A TXT value as quoted strings of at most 255 characters (RFC 1035 character-strings). */
    static String split(String value) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 255) {
            parts.add("\"" + value.substring(i, Math.min(value.length(), i + 255)) + "\"");
        }
        return "( " + String.join(" ", parts) + " )";
    }
}
