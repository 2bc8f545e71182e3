package org.xmppd.server.modules.push;

import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Message;
import org.xmppd.codec.Namespaces;

/**
 * Which messages wake a device: one-to-one messages a user would want to see (a body, an
 * end-to-end encrypted payload, a call proposal), not receipts, chat states, markers, carbon
 * copies or group chat traffic, and not a message the server hands on a second time (the
 * unacknowledged stanzas of a session that ended carry this server's delay stamp and were
 * notified when they first came).
 */
final class PushTrigger {
    static final String DELAY = "urn:xmpp:delay";

    /** Encrypted payloads that stand for a body: OMEMO (old and new), OpenPGP for XMPP, legacy PGP. */
    private static final Set<String> ENCRYPTED = Set.of("eu.siacs.conversations.axolotl", "urn:xmpp:omemo:2",
            "urn:xmpp:openpgp:0", "jabber:x:encrypted");
    /** XEP-0353: a call being proposed rings the device. */
    private static final String JINGLE_MESSAGE = "urn:xmpp:jingle-message:0";

    private PushTrigger() {
    }

    static boolean worthNotifying(Message message, EntityBareJid user) {
        String type = message.messageType();
        if (!type.equals("chat") && !type.equals("normal")) {
            return false;
        }
        Element element = message.element();
        if (isRedelivery(element, user)) {
            return false;
        }
        if (element.childOrNull("body", Namespaces.CLIENT) != null) {
            return true;
        }
        return element.elements().stream()
                .anyMatch(c -> ENCRYPTED.contains(c.namespace()) || c.is("propose", JINGLE_MESSAGE));
    }

    private static boolean isRedelivery(Element message, EntityBareJid user) {
        String domain = user.asDomainBareJid().toString();
        return message.elements().stream().anyMatch(c -> c.is("delay", DELAY) && domain.equals(c.attributeOrNull("from")));
    }
}
