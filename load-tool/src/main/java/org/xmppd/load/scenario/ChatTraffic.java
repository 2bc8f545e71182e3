package org.xmppd.load.scenario;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;

/**
 * Sends 1:1 chat messages between random online users at a given aggregate rate, and matches
 * the deliveries. The body carries {@code lt <run> <step> <nanoTime>}: sender and receiver live in
 * this process, so {@link System#nanoTime} differences are end-to-end latencies, and the run id
 * keeps stale offline messages from older runs out of the figures.
 */
final class ChatTraffic implements ClientListener {
    /**
     * Sending wakes up every millisecond and writes what is due. Finer ticks cost the generator
     * more CPU than the messages do; the timestamp is taken per message, so coarser sending does
     * not make latencies look better, it only sends in bursts of rate/1000.
     */
    private static final long TICK_NANOS = 1_000_000;

    private final String runId;
    private final String padding;
    private final SplittableRandom random;
    private final AtomicReference<ChatStep> current = new AtomicReference<>();
    private final LongAdder late = new LongAdder();
    private final LongAdder bounced = new LongAdder();
    private final FailureTally dropped = new FailureTally();

    ChatTraffic(String runId, int paddingChars, long seed) {
        this.runId = runId;
        this.padding = paddingChars == 0 ? "" : " " + "x".repeat(paddingChars);
        this.random = new SplittableRandom(seed);
    }

    /** Sends at {@code step.rate()} for {@code nanos}; returns the seconds it took. Single thread. */
    double send(ChatStep step, List<XmppClient> online, long nanos) {
        current.set(step);
        String prefix = "lt " + runId + " " + step.number() + " ";
        long start = System.nanoTime();
        long now = start;
        long sent = 0;
        while (now - start < nanos) {
            long due = (long) ((now - start) / 1e9 * step.rate());
            for (; sent < due; sent++) {
                int from = random.nextInt(online.size());
                int to = random.nextInt(online.size() - 1);
                XmppClient recipient = online.get(to >= from ? to + 1 : to);
                online.get(from).sendChat(recipient.jid(), "m" + sent, prefix + System.nanoTime() + padding);
                step.sentOne();
            }
            LockSupport.parkNanos(TICK_NANOS);
            now = System.nanoTime();
        }
        return (now - start) / 1e9;
    }

    /** Messages of an earlier step that arrived after its drain time. */
    long late() {
        return late.sum();
    }

    /** Error bounces (RFC 6120 §8.3): the server refused or could not deliver. */
    long bounced() {
        return bounced.sum();
    }

    /** Online clients whose connection closed during the run. */
    long dropped() {
        return dropped.total();
    }

    /** Why online clients were dropped, most frequent first. */
    String dropReasons() {
        return dropped.top();
    }

    @Override
    public void ready(XmppClient client) {
        // Login is tracked by the scenario; this listener only hears traffic.
    }

    @Override
    public void failed(XmppClient client, String reason) {
        // As above.
    }

    @Override
    public void message(XmppClient client, Element message) {
        long now = System.nanoTime();
        if ("error".equals(message.attributeOrNull("type"))) {
            bounced.increment();
            return;
        }
        String[] body = message.childText("body", Namespaces.CLIENT).orElse("").split(" ", 5);
        if (body.length < 4 || !body[0].equals("lt") || !body[1].equals(runId)) {
            return;
        }
        ChatStep step = current.get();
        if (step != null && Integer.toString(step.number()).equals(body[2])) {
            step.delivered(now - Long.parseLong(body[3]));
        } else {
            late.increment();
        }
    }

    @Override
    public void closed(XmppClient client) {
        if (client.isReady()) {
            dropped.add(client.closeReason());
        }
    }
}
