package org.xmppd.load.scenario;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.xmppd.load.client.XmppClient;

/**
 * Matches what arrives against the current {@link RateStep} of a stepped scenario, and counts
 * what does not fit: marks of an earlier step (late), error bounces, dropped connections.
 * Called from MINA's IO threads; thread-safe.
 */
final class Deliveries {
    private final LatencyMark mark;
    private final AtomicReference<RateStep> current = new AtomicReference<>();
    private final LongAdder late = new LongAdder();
    private final LongAdder bounced = new LongAdder();
    private final FailureTally dropped = new FailureTally();

    Deliveries(LatencyMark mark) {
        this.mark = mark;
    }

    LatencyMark mark() {
        return mark;
    }

    /** Deliveries from now on count for {@code step}. */
    void startStep(RateStep step) {
        current.set(step);
    }

    /** Something carrying {@code text} arrived at {@code nowNanos}; texts without a mark of this run are ignored. */
    void received(String text, long nowNanos) {
        LatencyMark.Parsed parsed = mark.parseOrNull(text);
        if (parsed == null) {
            return;
        }
        RateStep step = current.get();
        if (step != null && step.number() == parsed.step()) {
            step.delivered(nowNanos - parsed.sentNanos());
        } else {
            late.increment();
        }
    }

    /** An error answer (RFC 6120 §8.3): the server refused or could not deliver. */
    void bounced() {
        bounced.increment();
    }

    /** A client closed; one that was online counts as dropped. */
    void closed(XmppClient client) {
        if (client.isReady()) {
            dropped.add(client.closeReason());
        }
    }

    /** Adds late, bounced, dropped_connections and drop_reasons. */
    void report(Report.Builder report) {
        report.put("late", late.sum())
                .put("bounced", bounced.sum())
                .put("dropped_connections", dropped.total())
                .put("drop_reasons", dropped.top());
    }
}
