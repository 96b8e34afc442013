package org.relaycert.server.federation;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.relaycert.server.config.FederationSettings;
import org.relaycert.server.delivery.Bounces;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.LocalDelivery;
import org.relaycert.server.delivery.MailIntake;
import org.relaycert.server.delivery.RemoteDelivery;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.delivery.SpooledMessage;
import org.relaycert.server.dkim.DkimSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation queue: mail for other domains is signed, made durable on disk ({@link QueueDirectory})
 * before the 250, then delivered to each domain's MX hosts by preference, {@code /mxdeliv} first and SMTP
 * as fallback (spec 8.3). Transient failures retry with exponential backoff; permanent ones and those
 * outliving the queue lifetime are bounced to the sender with a DSN (signed like any outbound mail).
 * Due times come from the {@link Clock}; {@link #flush()} retries everything now, as {@code postqueue -f}.
 */
public final class OutboundQueue implements RemoteDelivery, Bounces, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

    private final String domain;
    private final QueueDirectory directory;
    private final MailDns dns;
    private final FederationSettings settings;
    private final FederationRules rules;
    private final Optional<DkimSigner> signer;
    private final LocalDelivery local;
    private final Clock clock;
    private final SmtpSender smtp;
    private final MxdelivSender mxdeliv;
    private final Map<String, QueuedMessage> pending = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> noMxdelivUntil = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    public OutboundQueue(String domain, QueueDirectory directory, MailDns dns, FederationSettings settings,
                         FederationRules rules, OutboundTrust trust, Optional<DkimSigner> signer, LocalDelivery local,
                         Clock clock) {
        // an IPv4 relay ("1.2.3.4") writes its addresses and bounces as x@[1.2.3.4]
        Optional<InetAddress> literal = IpLiteral.parse("[" + domain + "]");
        this.domain = literal.isPresent() ? "[" + domain + "]" : domain;
        this.directory = directory;
        this.dns = dns;
        this.settings = settings;
        this.rules = rules;
        // chatmail signs no mail of an address-literal relay: receivers check its origin IP instead (spec 8.2)
        this.signer = rules.dkimSigning() && literal.isEmpty() ? signer : Optional.empty();
        this.local = local;
        this.clock = clock;
        // ... so an address-literal relay connects from that address, the one its From domain names
        this.smtp = new SmtpSender(this.domain, trust, literal);
        this.mxdeliv = new MxdelivSender(trust, literal);
        this.scheduler = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "federation-queue-" + domain);
            t.setDaemon(true);
            return t;
        });
    }

    /** Picks up what a previous run left in the queue (after a crash too) and tries it now. */
    public void start() throws IOException {
        for (QueuedMessage m : directory.all()) {
            pending.put(m.id(), m);
            schedule(m.id(), Duration.ZERO);
        }
        log.info("federation queue of {}: {} message(s) recovered", domain, pending.size());
    }

    @Override
    public boolean accepts(String recipient) {
        return true;
    }

    @Override
    public List<MailIntake.Outcome> enqueue(Envelope envelope, List<String> recipients, byte[] message) {
        return enqueue(envelope, recipients, SpooledMessage.of(message));
    }

    /** Signs the header (the body hash streamed) and streams the message into the queue file. */
    @Override
    public List<MailIntake.Outcome> enqueue(Envelope envelope, List<String> recipients, SpooledMessage message) {
        QueuedMessage m;
        try {
            SpooledMessage signed = signer.isPresent() ? signer.get().sign(message) : message;
            m = directory.write(new QueuedMessage(QueueDirectory.newId(), envelope.mailFrom(), recipients,
                    clock.instant(), 0, signed));
        } catch (IOException e) {
            log.warn("queue write failed: {}", e.toString());
            return recipients.stream().map(r -> new MailIntake.Outcome(r, Reply.of(451, "4.3.0",
                    "Queue write failed, try again later"))).toList();
        }
        pending.put(m.id(), m);
        schedule(m.id(), Duration.ZERO);
        return recipients.stream().map(r -> new MailIntake.Outcome(r, Reply.of(250, "2.0.0", "OK queued as " + m.id())))
                .toList();
    }

    /** A DSN for local recipients that failed after the message was taken, signed and sent as queue bounces are. */
    @Override
    public void returnToSender(String returnPath, byte[] message, Map<String, Reply> failed) {
        bounce(new QueuedMessage(QueueDirectory.newId(), returnPath, List.copyOf(failed.keySet()), clock.instant(), 0,
                message), failed);
    }

    /** Messages waiting for delivery. */
    public int size() {
        return pending.size();
    }

    /** Tries every queued message now. */
    public void flush() {
        pending.keySet().forEach(id -> schedule(id, Duration.ZERO));
    }

    private void schedule(String id, Duration delay) {
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> attempt(id), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void attempt(String id) {
        QueuedMessage m = pending.get(id);
        if (m == null || !inFlight.add(id)) {
            return;
        }
        try {
            Map<String, List<String>> byDomain = new LinkedHashMap<>();
            for (String r : m.recipients()) {
                byDomain.computeIfAbsent(r.substring(r.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT),
                        d -> new ArrayList<>()).add(r);
            }
            Map<String, Reply> outcomes = new LinkedHashMap<>();
            byDomain.forEach((d, rcpts) -> outcomes.putAll(deliverDomain(d, m, rcpts)));
            List<String> retry = new ArrayList<>();
            Map<String, Reply> failed = new LinkedHashMap<>();
            outcomes.forEach((r, reply) -> {
                if (reply.positive()) {
                    log.info("delivered {} to {} after {} ms: {}", m.id(), r,
                            Duration.between(m.queued(), clock.instant()).toMillis(), reply.line());
                } else if (reply.transientFailure()) {
                    retry.add(r);
                } else {
                    failed.put(r, reply);
                }
            });
            boolean expired = clock.instant().isAfter(m.queued().plus(settings.queueLifetime()));
            if (expired) {
                retry.forEach(r -> failed.put(r, outcomes.get(r)));
                retry.clear();
            }
            if (!failed.isEmpty()) {
                bounce(m, failed);
            }
            if (retry.isEmpty()) {
                directory.remove(id);
                pending.remove(id);
            } else {
                QueuedMessage next = directory.write(m.after(retry));
                pending.put(id, next);
                Duration delay = backoff(next.attempts());
                log.info("deferred {} ({} recipient(s)), retry in {} ms: {}", id, retry.size(), delay.toMillis(),
                        outcomes.get(retry.get(0)).line());
                schedule(id, delay);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("queue attempt {} failed: {}", id, e.toString());
            schedule(id, settings.retryInitial());
        } finally {
            inFlight.remove(id);
        }
    }

    /** {@code retry_initial * 2^(attempts-1)}, at most {@code retry_max}. */
    Duration backoff(int attempts) {
        Duration d = settings.retryInitial();
        for (int i = 1; i < attempts && d.compareTo(settings.retryMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : d;
    }

    private Map<String, Reply> deliverDomain(String d, QueuedMessage m, List<String> rcpts) {
        DestinationTls tls = DestinationTls.of(d, rules.outboundTls());
        Optional<InetAddress> literal = IpLiteral.parse(d);
        if (literal.isPresent()) {
            // an address literal names the host itself: no MX look-up (spec 8.3)
            List<String> problems = new ArrayList<>();
            Optional<Map<String, Reply>> done = deliverToHost(literal.get().getHostAddress(), List.of(literal.get()),
                    tls, m, rcpts, problems);
            return done.orElseGet(() -> all(rcpts, Reply.of(421, "4.4.1",
                    "Failed to connect to any mail server; " + String.join("; ", problems))));
        }
        MailDns.MxAnswer mx;
        try {
            mx = dns.mx(d);
        } catch (MailDns.DnsFailure e) {
            return all(rcpts, Reply.of(421, "4.4.3", "DNS resolution failed for " + d));
        }
        if (!mx.domainExists()) {
            return all(rcpts, Reply.of(550, "5.1.2", "Domain " + d + " does not exist"));
        }
        if (mx.nullMx()) {
            return all(rcpts, Reply.of(556, "5.1.10", "Recipient address rejected: Domain " + d + " has null MX"));
        }
        List<String> problems = new ArrayList<>();
        for (String host : mx.hosts()) {
            List<InetAddress> addresses;
            try {
                addresses = dns.addresses(host);
            } catch (MailDns.DnsFailure e) {
                problems.add(e.getMessage());
                continue;
            }
            Optional<Map<String, Reply>> done = deliverToHost(host, addresses, tls, m, rcpts, problems);
            if (done.isPresent()) {
                return done.get();
            }
        }
        if (mx.hosts().isEmpty()) {
            problems.add("no MX host");
        }
        return all(rcpts, Reply.of(421, "4.4.1", "Failed to connect to any mail server; " + String.join("; ", problems)));
    }

    /**
     * Tries each address of one MX host, {@code /mxdeliv} first (not for plaintext destinations), then SMTP;
     * the replies of the first that answered, or empty with the reasons added to {@code problems}.
     */
    private Optional<Map<String, Reply>> deliverToHost(String host, List<InetAddress> addresses, DestinationTls tls,
                                                      QueuedMessage m, List<String> rcpts, List<String> problems) {
        for (InetAddress a : addresses) {
            boolean triedHttps = false;
            if (rules.mxdeliv() && tls != DestinationTls.PLAINTEXT
                    && clock.instant().isAfter(noMxdelivUntil.getOrDefault(host, Instant.MIN))) {
                Attempt https = mxdeliv.send(host, a, settings.mxHttpsPort(), tls, m.mailFrom(), rcpts, m.content());
                if (https.connected()) {
                    return Optional.of(https.replies());
                }
                triedHttps = true;
                problems.add(https.connectFailure());
            }
            if (triedHttps && !rules.smtpFallback()) {
                continue;
            }
            Attempt viaSmtp = smtp.send(host, a, settings.mxSmtpPort(), tls, m.mailFrom(), rcpts, m.content());
            if (viaSmtp.connected()) {
                if (triedHttps) {
                    noMxdelivUntil.put(host, clock.instant().plus(settings.mxdelivFallbackMemory()));
                }
                return Optional.of(viaSmtp.replies());
            }
            problems.add(viaSmtp.connectFailure());
        }
        return Optional.empty();
    }

    private static Map<String, Reply> all(List<String> rcpts, Reply r) {
        Map<String, Reply> out = new LinkedHashMap<>();
        rcpts.forEach(x -> out.put(x, r));
        return out;
    }

    private void bounce(QueuedMessage m, Map<String, Reply> failed) {
        if (m.mailFrom().isEmpty()) {
            log.info("dropping failed bounce {}: {}", m.id(), failed);
            return; // never bounce a bounce (RFC 5321 6.1)
        }
        byte[] dsn = Bounce.of(domain, m, failed, clock.instant());
        if (rules.signBounces()) {
            byte[] unsigned = dsn;
            dsn = signer.map(s -> s.sign(unsigned)).orElse(unsigned);
        }
        String sender = m.mailFrom();
        if (sender.toLowerCase(Locale.ROOT).endsWith("@" + domain)) {
            log.info("bounce for {} to its local sender: {}", m.id(), local.deliver(List.of(sender), dsn));
        } else {
            QueuedMessage unstored = new QueuedMessage(QueueDirectory.newId(), "", List.of(sender), clock.instant(), 0, dsn);
            try {
                QueuedMessage b = directory.write(unstored);
                pending.put(b.id(), b);
                schedule(b.id(), Duration.ZERO);
            } catch (IOException e) {
                log.warn("cannot queue bounce for {}: {}", m.id(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
