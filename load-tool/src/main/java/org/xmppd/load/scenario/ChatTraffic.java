package org.xmppd.load.scenario;

import java.util.List;
import java.util.SplittableRandom;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;

/**
 * Sends 1:1 chat messages between random online users at a given aggregate rate, and matches
 * the deliveries by the {@link LatencyMark} in the body.
 */
final class ChatTraffic implements ClientListener, Stepper.Sender {
    private final Deliveries deliveries;
    private final String padding;
    private final SplittableRandom random;
    private volatile List<XmppClient> online = List.of();

    ChatTraffic(Deliveries deliveries, int paddingChars, long seed) {
        this.deliveries = deliveries;
        this.padding = LatencyMark.padding(paddingChars);
        this.random = new SplittableRandom(seed);
    }

    /** The senders and recipients of the coming steps: at least two. */
    void use(List<XmppClient> clients) {
        if (clients.size() < 2) {
            throw new IllegalArgumentException("chat needs two users online");
        }
        online = List.copyOf(clients);
    }

    @Override
    public double send(RateStep step, long nanos) {
        List<XmppClient> users = online;
        String prefix = deliveries.mark().prefix(step.number());
        return Stepper.paced(step.rate(), nanos, n -> {
            int from = random.nextInt(users.size());
            int to = random.nextInt(users.size() - 1);
            XmppClient recipient = users.get(to >= from ? to + 1 : to);
            users.get(from).sendChat(recipient.jid(), "m" + n, prefix + System.nanoTime() + padding);
            step.sentOne(1);
        });
    }

    @Override
    public void ready(XmppClient client) {
        // Login is tracked by the crowd; this listener only hears traffic.
    }

    @Override
    public void failed(XmppClient client, String reason) {
        // As above.
    }

    @Override
    public void message(XmppClient client, Element message) {
        long now = System.nanoTime();
        if ("error".equals(message.attributeOrNull("type"))) {
            deliveries.bounced();
            return;
        }
        message.childText("body", Namespaces.CLIENT).ifPresent(body -> deliveries.received(body, now));
    }

    @Override
    public void closed(XmppClient client) {
        deliveries.closed(client);
    }
}
