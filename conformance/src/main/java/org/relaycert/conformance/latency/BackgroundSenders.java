package org.relaycert.conformance.latency;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import javax.net.ssl.SSLContext;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.RelayUnderTest;

/**
 * Concurrent senders that keep a relay busy while a latency run measures: each logs in once and submits a
 * message every {@code interval} (chatmail's per-user send limit is 60 a minute, so one a second stays
 * within it) until closed. What they achieved is reported beside the latency.
 */
public final class BackgroundSenders implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger broken = new AtomicInteger();
    private final long startedNanos = System.nanoTime();
    private volatile boolean stop;
    private long stoppedNanos;

    /** Starts one sender per account in {@code senders}, all writing to {@code sink}. */
    public BackgroundSenders(RelayUnderTest relay, SSLContext trust, List<Credentials> senders, Credentials sink,
                             Duration interval, BiFunction<String, String, String> message) {
        for (Credentials c : senders) {
            threads.add(Thread.ofPlatform().daemon().name("load-" + c.localpart()).start(() -> {
                try (SmtpSession s = SmtpSession.open(relay.smtps(), trust)) {
                    s.ehlo("relaycert.test");
                    if (s.authPlain(c.address(), c.password()).code() != 235) {
                        broken.incrementAndGet();
                        return;
                    }
                    while (!stop) {
                        long next = System.nanoTime() + interval.toNanos();
                        SmtpReply r = s.sendMail(c.address(), List.of(sink.address()),
                                message.apply(c.address(), sink.address()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        (r.code() == 250 ? accepted : refused).incrementAndGet();
                        long wait = next - System.nanoTime();
                        if (wait > 0 && !stop) {
                            Thread.sleep(Duration.ofNanos(wait));
                        }
                    }
                    s.quit();
                } catch (IOException e) {
                    broken.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
    }

    /** "20 senders: 412 accepted (19.8/s), 0 refused, 0 broken sessions". */
    public String summary() {
        double seconds = ((stoppedNanos == 0 ? System.nanoTime() : stoppedNanos) - startedNanos) / 1e9;
        return String.format(java.util.Locale.ROOT, "%d senders: %d accepted (%.1f/s), %d refused, %d broken sessions",
                threads.size(), accepted.get(), accepted.get() / Math.max(seconds, 1e-3), refused.get(), broken.get());
    }

    public int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (stoppedNanos != 0) {
            return;
        }
        stop = true;
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(15));
        }
        stoppedNanos = System.nanoTime();
    }
}
