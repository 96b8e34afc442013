package org.relaycert.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent submitters, one connection and account each, writing to a few sink accounts: unpaced (as fast
 * as the relay answers) or paced to a total rate. What they achieved is read after {@link #close()}.
 */
final class SenderPool implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final java.util.concurrent.CountDownLatch loggedIn;
    private long started;
    private volatile boolean stop;
    private long stopped;

    /** {@code ratePerSecond} 0 means unpaced. */
    SenderPool(RelayProcess relay, List<Account> senders, List<Account> sinks, double ratePerSecond, int messageSize)
            throws InterruptedException {
        this(relay.endpoints(), senders, sinks, ratePerSecond, messageSize);
    }

    SenderPool(MailEndpoints relay, List<Account> senders, List<Account> sinks, double ratePerSecond, int messageSize)
            throws InterruptedException {
        loggedIn = new java.util.concurrent.CountDownLatch(senders.size());
        long intervalNanos = ratePerSecond <= 0 ? 0 : (long) (senders.size() / ratePerSecond * 1e9);
        for (int i = 0; i < senders.size(); i++) {
            Account from = senders.get(i);
            Account to = sinks.get(i % sinks.size());
            long offset = intervalNanos * i / Math.max(1, senders.size()); // spread the paced senders evenly
            threads.add(Thread.ofPlatform().daemon().name("sender-" + i).start(() -> {
                BenchSmtp login = null;
                try {
                    login = BenchSmtp.login(relay.smtpHost(), relay.smtps(), from.address(), from.password());
                } catch (IOException e) {
                    failed.incrementAndGet();
                } finally {
                    loggedIn.countDown();
                }
                if (login == null) {
                    return;
                }
                try (BenchSmtp smtp = login) {
                    loggedIn.await(); // every sender starts together, after the (deliberately slow) password checks
                    long next = System.nanoTime() + offset;
                    while (!stop) {
                        if (intervalNanos > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            next += intervalNanos;
                        }
                        long at = smtp.send(to.address(), BenchSmtp.message(from.address(), to.address(), messageSize));
                        (at >= 0 ? accepted : failed).incrementAndGet();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        loggedIn.await();
        started = System.nanoTime();
    }

    long accepted() {
        return accepted.get();
    }

    long failed() {
        return failed.get();
    }

    double seconds() {
        return ((stopped == 0 ? System.nanoTime() : stopped) - started) / 1e9;
    }

    double ratePerSecond() {
        return accepted.get() / seconds();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        stopped = System.nanoTime();
        for (Thread t : threads) {
            t.join(30_000);
        }
    }
}
