package org.xmppd.server.router;

import java.util.ArrayList;
import java.util.List;
import org.xmppd.codec.Message;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.session.ClientSession;

/** RFC 6121 §8.5.2: a message to an existing account's bare JID, by type and priority. */
public final class MessageDelivery {
    private MessageDelivery() {
    }

    static void toBareJid(Message message, List<ClientSession> resources) throws StanzaErrorException {
        String type = message.messageType();
        switch (type) {
            case "error" -> {
                return; // §8.5.2.1.1: silently ignored
            }
            case "groupchat" -> throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
            default -> { }
        }
        List<ClientSession> targets = bareJidRecipients(message, resources);
        if (targets.isEmpty()) {
            if (type.equals("headline")) {
                return; // §8.5.2.2.1: headlines are dropped when nobody can see them
            }
            // No offline storage is configured: §8.5.2.2.1 allows service-unavailable.
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        targets.forEach(s -> s.deliver(message.element()));
    }

    /**
     * The resources a chat, normal or headline message to the bare JID goes to (RFC 6121
     * §8.5.2.1): for features that must know who got the original, such as carbons (XEP-0280 §6).
     */
    public static List<ClientSession> bareJidRecipients(Message message, List<ClientSession> resources) {
        return message.messageType().equals("headline") ? nonNegative(resources) : highestPriority(resources);
    }

    /** Available resources with a non-negative priority. */
    static List<ClientSession> nonNegative(List<ClientSession> resources) {
        List<ClientSession> result = new ArrayList<>();
        for (ClientSession session : resources) {
            if (session.isAvailable() && session.presence().priority() >= 0) {
                result.add(session);
            }
        }
        return result;
    }

    /** The available, non-negative resources sharing the highest priority (all of them get it). */
    static List<ClientSession> highestPriority(List<ClientSession> resources) {
        List<ClientSession> result = new ArrayList<>();
        int best = -1;
        for (ClientSession session : nonNegative(resources)) {
            int priority = session.presence().priority();
            if (priority > best) {
                result.clear();
                best = priority;
            }
            if (priority == best) {
                result.add(session);
            }
        }
        return result;
    }
}
