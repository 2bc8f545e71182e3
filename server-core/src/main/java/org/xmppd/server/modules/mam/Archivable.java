package org.xmppd.server.modules.mam;

import java.util.Set;

import org.xmppd.codec.Element;
import org.xmppd.codec.Message;
import org.xmppd.codec.Node;

/**
 * Which one-to-one messages go into the archives (XEP-0313 §5.1.1 with the XEP-0334 hints):
 * chat and normal messages with a body, and those that carry something a client needs to
 * rebuild a conversation from history even without a body: encrypted payloads, delivery
 * receipts (XEP-0184), chat markers (XEP-0333), reactions (XEP-0444), retractions (XEP-0424)
 * and corrections (XEP-0308). Chat states alone are not kept. Rooms keep their group messages
 * by the same content rule ({@link #isWorthKeeping}).
 */
public final class Archivable {
    static final String HINTS = "urn:xmpp:hints";

    /** Namespaces of payloads worth keeping without a body. */
    private static final Set<String> KEPT_PAYLOADS = Set.of(
            "urn:xmpp:receipts",
            "urn:xmpp:chat-markers:0",
            "urn:xmpp:reactions:0",
            MessageRetraction.NAMESPACE,
            "urn:xmpp:message-correct:0",
            "eu.siacs.conversations.axolotl",
            "urn:xmpp:omemo:2",
            "urn:xmpp:openpgp:0",
            "jabber:x:encrypted");

    private Archivable() {
    }

    static boolean isArchivable(Message message) {
        String type = message.messageType();
        return (type.equals("chat") || type.equals("normal")) && isWorthKeeping(message.element());
    }

    /**
     * Whether a message's content is kept, whatever its type (room archives use it for group
     * messages): not marked no-store, and with a body, a store hint or a payload of
     * {@link #KEPT_PAYLOADS}.
     */
    public static boolean isWorthKeeping(Element element) {
        if (element.child("no-store", HINTS).isPresent() || element.child("no-permanent-store", HINTS).isPresent()) {
            return false;
        }
        if (element.child("store", HINTS).isPresent() || element.child("body", element.namespace()).isPresent()) {
            return true;
        }
        for (Node node : element.children()) {
            if (node instanceof Element child && KEPT_PAYLOADS.contains(child.namespace())
                    && !(child.name().equals("request") && child.namespace().equals("urn:xmpp:receipts"))) {
                return true;
            }
        }
        return false;
    }
}
