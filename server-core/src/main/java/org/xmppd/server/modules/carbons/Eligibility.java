package org.xmppd.server.modules.carbons;

import org.xmppd.codec.Element;
import org.xmppd.codec.Message;

/**
 * XEP-0280 §6: which messages are copied. Chat messages, normal messages with a body and
 * messages carrying instant-messaging payloads (receipts, chat states, markers, invitations) are;
 * groupchat messages, errors, messages marked {@code <private/>} (§7) or {@code <no-copy/>}
 * (XEP-0334), carbons themselves, and private messages received from MUC occupants (the MUC
 * service already sends those to every joined client) are not.
 */
final class Eligibility {
    static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    static final String HINTS = "urn:xmpp:hints";
    /** Payloads used in instant messaging (§6): receipts, chat states, chat markers, direct invitations. */
    private static final String[] IM_PAYLOADS = {
        "urn:xmpp:receipts", "http://jabber.org/protocol/chatstates", "urn:xmpp:chat-markers:0", "jabber:x:conference",
    };

    private Eligibility() {
    }

    /** Whether {@code message}, sent ({@code outgoing}) or received by an account, is copied. */
    static boolean eligible(Message message, boolean outgoing) {
        Element element = message.element();
        String type = message.messageType();
        if (type.equals("groupchat") || type.equals("error")
                || element.childOrNull("private", CarbonsModule.NAMESPACE) != null
                || element.childOrNull("no-copy", HINTS) != null
                || element.childOrNull("sent", CarbonsModule.NAMESPACE) != null
                || element.childOrNull("received", CarbonsModule.NAMESPACE) != null) {
            return false;
        }
        Element mucUser = element.childOrNull("x", MUC_USER);
        boolean mediatedInvite = mucUser != null && mucUser.childOrNull("invite", MUC_USER) != null;
        if (!outgoing && mucUser != null && !mediatedInvite) {
            return false; // a MUC private message: the room copies it to every joined client
        }
        if (type.equals("chat") || mediatedInvite
                || (type.equals("normal") && element.childOrNull("body", element.namespace()) != null)) {
            return true;
        }
        for (String payload : IM_PAYLOADS) {
            if (element.childIn(payload).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
