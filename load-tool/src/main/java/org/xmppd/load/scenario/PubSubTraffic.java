package org.xmppd.load.scenario;

import org.xmppd.codec.Element;
import org.xmppd.load.client.XmppClient;

/**
 * One publisher publishing items to the node at a given rate; each item should reach every
 * subscriber as an event notification (XEP-0060 §7.1.2.1), so it counts for as many deliveries as
 * the node had subscribers when the steps began.
 */
final class PubSubTraffic implements Stepper.Sender {
    private final Deliveries deliveries;
    private final String service;
    private final String node;
    private final String padding;
    private volatile XmppClient publisher;
    private volatile int audience;

    PubSubTraffic(Deliveries deliveries, String service, String node, int paddingChars) {
        this.deliveries = deliveries;
        this.service = service;
        this.node = node;
        this.padding = LatencyMark.padding(paddingChars);
    }

    /** Who publishes, and how many subscribers each item should reach. */
    void use(XmppClient publishing, int subscribers) {
        publisher = publishing;
        audience = subscribers;
    }

    @Override
    public double send(RateStep step, long nanos) {
        XmppClient client = publisher;
        int deliveriesPerItem = audience;
        String prefix = deliveries.mark().prefix(step.number());
        String idPrefix = deliveries.mark().runId() + "-" + step.number() + "-";
        return Stepper.paced(step.rate(), nanos, n -> {
            client.send(PubSubStanzas.publish(service, node, "pub" + n, idPrefix + n,
                    prefix + System.nanoTime() + padding));
            step.sentOne(deliveriesPerItem);
        });
    }

    /** A message reached a subscriber: a notification (a delivery) or an error bounce. */
    void message(Element message) {
        long now = System.nanoTime();
        if (Bounces.isError(message)) {
            deliveries.bounced();
            return;
        }
        PubSubStanzas.notifiedTitle(message, node).ifPresent(title -> deliveries.received(title, now));
    }

    /** An IQ answer reached the publisher: a refused publish is a bounce. */
    void iqResponse(Element iq) {
        String id = iq.attributeOrNull("id");
        if (id != null && id.startsWith("pub") && Bounces.isError(iq)) {
            deliveries.bounced();
        }
    }
}
