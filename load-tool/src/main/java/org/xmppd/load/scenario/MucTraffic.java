package org.xmppd.load.scenario;

import java.util.List;
import java.util.SplittableRandom;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.load.client.XmppClient;

/**
 * Groupchat messages from random occupants at a given aggregate rate. Each message should reach
 * every occupant of its room, the sender included (XEP-0045 §7.4 reflects it back), so it counts
 * for as many deliveries as the room had occupants when the steps began.
 */
final class MucTraffic implements Stepper.Sender {
    /**
     * An occupant that may speak.
     *
     * @param client its connection
     * @param roomJid where it speaks
     * @param audience occupants of that room, itself included
     */
    record Speaker(XmppClient client, String roomJid, int audience) {
    }

    private final Deliveries deliveries;
    private final String padding;
    private final SplittableRandom random;
    private volatile List<Speaker> speakers = List.of();

    MucTraffic(Deliveries deliveries, int paddingChars, long seed) {
        this.deliveries = deliveries;
        this.padding = LatencyMark.padding(paddingChars);
        this.random = new SplittableRandom(seed);
    }

    /** The occupants who speak in the coming steps: at least one. */
    void use(List<Speaker> occupants) {
        if (occupants.isEmpty()) {
            throw new IllegalArgumentException("muc needs at least one occupant");
        }
        speakers = List.copyOf(occupants);
    }

    @Override
    public double send(RateStep step, long nanos) {
        List<Speaker> all = speakers;
        String prefix = deliveries.mark().prefix(step.number());
        return Stepper.paced(step.rate(), nanos, n -> {
            Speaker speaker = all.get(random.nextInt(all.size()));
            speaker.client().send(MucStanzas.groupchat(speaker.roomJid(), "g" + n,
                    prefix + System.nanoTime() + padding));
            step.sentOne(speaker.audience());
        });
    }

    /** A message reached an occupant: a groupchat copy (a delivery) or an error bounce. */
    void message(Element message) {
        long now = System.nanoTime();
        String type = message.attributeOrNull("type");
        if ("error".equals(type)) {
            deliveries.bounced();
        } else if ("groupchat".equals(type)) {
            message.childText("body", Namespaces.CLIENT).ifPresent(body -> deliveries.received(body, now));
        }
    }
}
