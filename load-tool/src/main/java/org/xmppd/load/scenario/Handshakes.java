package org.xmppd.load.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request-and-answer exchange per client (entering a room, subscribing to a node), with a
 * window of them in flight, as {@link Ramp} does for logins. The answer arrives on an IO thread
 * and calls {@link #succeed} or {@link #fail}; only the first outcome of a client counts.
 */
final class Handshakes {
    private final List<CompletableFuture<Void>> outcomes;
    private final Semaphore window;
    private final FailureTally failures = new FailureTally();

    Handshakes(int clients, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
        this.outcomes = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            outcomes.add(new CompletableFuture<>());
        }
        this.window = new Semaphore(window);
    }

    /**
     * Sends client {@code index}'s request once the window has room; a client the window has no
     * room for before {@code deadlineNanos} fails with a timeout.
     */
    void start(int index, Runnable request, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !window.tryAcquire(left, TimeUnit.NANOSECONDS)) {
            fail(index, "timeout before the request was sent");
            return;
        }
        outcomes.get(index).whenComplete((ok, e) -> window.release());
        request.run();
    }

    void succeed(int index) {
        outcomes.get(index).complete(null);
    }

    void fail(int index, String reason) {
        if (outcomes.get(index).completeExceptionally(new IllegalStateException(reason))) {
            failures.add(reason);
        }
    }

    boolean succeeded(int index) {
        CompletableFuture<Void> outcome = outcomes.get(index);
        return outcome.isDone() && !outcome.isCompletedExceptionally();
    }

    /** Waits for the outcome of each of {@code indexes}; one still open at the deadline fails with a timeout. */
    void awaitAll(List<Integer> indexes, long deadlineNanos) throws InterruptedException {
        for (int index : indexes) {
            try {
                outcomes.get(index).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                fail(index, "timeout waiting for the answer");
            } catch (ExecutionException e) {
                // Counted by fail().
            }
        }
    }

    long failures() {
        return failures.total();
    }

    String failureReasons() {
        return failures.top();
    }
}
