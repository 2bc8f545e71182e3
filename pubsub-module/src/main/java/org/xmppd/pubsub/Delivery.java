package org.xmppd.pubsub;

import org.xmppd.codec.Element;
import org.xmppd.pubsub.engine.Notification;
import org.xmppd.pubsub.xml.EventMessages;
import org.xmppd.pubsub.xml.Outcome;
import org.xmppd.server.router.Router;

/** Sends an {@link Outcome}: the IQ reply first, then each notification's messages. */
public final class Delivery {
    private final Router router;

    public Delivery(Router router) {
        this.router = router;
    }

    public void send(Outcome outcome) {
        router.route(outcome.reply());
        outcome.notifications().forEach(this::send);
    }

    public void send(Notification notification) {
        EventMessages.of(notification).forEach(router::route);
    }
}
