package org.xmppd.load.scenario;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.xmppd.codec.Element;
import org.xmppd.load.client.Account;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;

/**
 * Launches clients with a fixed number in flight (a new one starts when one reaches its goal or
 * fails), as a pool of {@code concurrency} eager users would.
 */
final class Ramp {
    private final ClientLauncher launcher;
    private final int concurrency;

    Ramp(ClientLauncher launcher, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.launcher = launcher;
        this.concurrency = concurrency;
    }

    /**
     * Launches clients {@code from} .. {@code to - 1} and waits until each has an outcome.
     * Stops launching at {@code deadlineNanos} ({@link System#nanoTime} scale).
     *
     * @return how many were launched
     */
    int run(int from, int to, IntFunction<Account> accounts, XmppClient.Goal goal,
            IntFunction<ClientListener> listeners, long deadlineNanos) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        int launched = 0;
        for (int i = from; i < to; i++) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || !permits.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            launcher.launch(accounts.apply(i), goal, new Releasing(listeners.apply(i), permits));
            launched++;
        }
        // Every client reports within the launcher's timeout, so this wait ends.
        permits.acquire(concurrency);
        return launched;
    }

    /** Gives the permit back once the client has its outcome. */
    private record Releasing(ClientListener delegate, Semaphore permits) implements ClientListener {
        @Override
        public void ready(XmppClient client) {
            try {
                delegate.ready(client);
            } finally {
                permits.release();
            }
        }

        @Override
        public void failed(XmppClient client, String reason) {
            try {
                delegate.failed(client, reason);
            } finally {
                permits.release();
            }
        }

        @Override
        public void message(XmppClient client, Element message) {
            delegate.message(client, message);
        }

        @Override
        public void presence(XmppClient client, Element presence) {
            delegate.presence(client, presence);
        }

        @Override
        public void iqResponse(XmppClient client, Element iq) {
            delegate.iqResponse(client, iq);
        }

        @Override
        public void closed(XmppClient client) {
            delegate.closed(client);
        }
    }
}
