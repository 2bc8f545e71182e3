package org.xmppd.server.module;

import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * Answers XEP-0030 queries about the nodes of entities (§3.2 info, §4.2 items) on behalf of a
 * module, such as the PEP nodes of accounts (XEP-0163 §6). The disco module asks every provider
 * registered for the target: top-level items are merged, and the first provider that knows a
 * node answers for it.
 */
public interface DiscoNodes {
    /**
     * The items of {@code entity} at {@code node} (null: its top level) that {@code requester}
     * may see; empty when this provider does not know that node.
     */
    Optional<List<DiscoItem>> items(Jid requester, Jid entity, String node);

    /** The identities and features of {@code entity}'s {@code node}; empty when this provider does not know it. */
    Optional<DiscoInfo> info(Jid requester, Jid entity, String node);
}
