package org.xmppd.server.stream;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Liveness of one stream's peer: when input stopped for a while the stream sends a probe (a
 * ping, whitespace) and gives up on the peer if nothing at all arrives within the timeout
 * (RFC 6120 §4.6.1; Openfire's idle policy). Thread-safe.
 */
public final class Keepalive {
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private volatile long lastInputNanos = System.nanoTime();
    private volatile boolean outstanding;

    public Keepalive(ScheduledExecutorService scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** Input arrived: the peer is alive and any probe is answered. */
    public void inputSeen() {
        lastInputNanos = System.nanoTime();
        outstanding = false;
    }

    /**
     * Starts a probe, unless one is already waiting: the caller then sends it. {@code onSilence}
     * runs on the timer if no input comes within the timeout.
     *
     * @return false when a probe is already outstanding (send nothing)
     */
    public boolean probe(Runnable onSilence) {
        if (outstanding) {
            return false;
        }
        outstanding = true;
        long sentAt = System.nanoTime();
        scheduler.schedule(() -> {
            if (lastInputNanos - sentAt < 0) {
                onSilence.run();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }
}
