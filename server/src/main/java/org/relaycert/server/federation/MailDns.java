package org.relaycert.server.federation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The DNS questions federation asks, over the DNS protocol (dnsjava) against one configured resolver:
 * MX hosts by preference (RFC 5321 section 5.1), their addresses, and TXT records (DKIM keys). No cache:
 * the fixture world changes records while running, and chatmail disables negative caching too.
 */
public final class MailDns {

    /** A look-up that could not be answered (server failure, timeout): the caller defers. */
    public static final class DnsFailure extends Exception {
        public DnsFailure(String message) {
            super(message);
        }
    }

    /** The MX answer for a domain: hosts by preference, or why there are none. */
    public record MxAnswer(List<String> hosts, boolean domainExists, boolean nullMx) {
    }

    private final SimpleResolver resolver;

    /** {@code hostPort}: {@code host:port} or {@code host} (port 53). */
    public MailDns(String hostPort) {
        try {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? 53 : Integer.parseInt(hostPort.substring(colon + 1));
            this.resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getByName(host), port));
            resolver.setTimeout(Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new IllegalArgumentException("bad DNS resolver " + hostPort + ": " + e.getMessage(), e);
        }
    }

    public MxAnswer mx(String domain) throws DnsFailure {
        Message m = query(domain, Type.MX);
        int rcode = m.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new MxAnswer(List.of(), false, false);
        }
        List<MXRecord> mxs = new ArrayList<>();
        for (Record r : m.getSection(Section.ANSWER)) {
            if (r instanceof MXRecord mx) {
                mxs.add(mx);
            }
        }
        if (mxs.size() == 1 && mxs.get(0).getTarget().equals(Name.root)) {
            return new MxAnswer(List.of(), true, true);
        }
        if (mxs.isEmpty()) {
            return new MxAnswer(List.of(domain), true, false); // implicit MX (RFC 5321 5.1)
        }
        mxs.sort(Comparator.comparingInt(MXRecord::getPriority));
        return new MxAnswer(mxs.stream().map(r -> strip(r.getTarget().toString())).toList(), true, false);
    }

    public List<InetAddress> addresses(String host) throws DnsFailure {
        List<InetAddress> out = new ArrayList<>();
        for (Record r : query(host, Type.A).getSection(Section.ANSWER)) {
            if (r instanceof ARecord a) {
                out.add(a.getAddress());
            }
        }
        return out;
    }

    /** The first TXT record at {@code name}, its strings joined. */
    public Optional<String> txt(String name) throws DnsFailure {
        for (Record r : query(name, Type.TXT).getSection(Section.ANSWER)) {
            if (r instanceof TXTRecord t) {
                return Optional.of(String.join("", t.getStrings()));
            }
        }
        return Optional.empty();
    }

    private Message query(String name, int type) throws DnsFailure {
        try {
            Name n = Name.fromString(name.endsWith(".") ? name : name + ".");
            Message answer = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
            int rcode = answer.getRcode();
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                throw new DnsFailure("DNS resolution failed for " + name + ": " + Rcode.string(rcode));
            }
            return answer;
        } catch (java.io.IOException e) {
            throw new DnsFailure("DNS resolution failed for " + name + ": " + e.getMessage());
        }
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
