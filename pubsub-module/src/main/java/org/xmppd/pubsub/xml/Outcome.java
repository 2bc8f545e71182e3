package org.xmppd.pubsub.xml;

import java.util.List;
import java.util.Objects;

import org.xmppd.codec.Element;
import org.xmppd.pubsub.engine.Notification;

/**
 * The answer to a pubsub request: the IQ reply, then the notifications it caused (sent after
 * the reply, so a publisher learns its ItemID before its own notification arrives).
 */
public record Outcome(Element reply, List<Notification> notifications) {
    public Outcome {
        Objects.requireNonNull(reply, "reply");
        notifications = List.copyOf(notifications);
    }

    public static Outcome of(Element reply) {
        return new Outcome(reply, List.of());
    }
}
