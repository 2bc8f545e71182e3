package org.xmppd.pubsub.engine;

import java.util.Objects;

import org.jxmpp.jid.Jid;

/**
 * Where a notification goes.
 *
 * @param jid   the subscribed JID (bare or full)
 * @param subid the SubID to name in the notification (XEP-0060 §12.2 SHIM header), or null
 */
public record Recipient(Jid jid, String subid) {
    public Recipient {
        Objects.requireNonNull(jid, "jid");
    }
}
