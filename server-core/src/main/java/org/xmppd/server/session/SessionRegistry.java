package org.xmppd.server.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * Where each full JID is connected. In-process now; a cluster shares it (DESIGN.md), so the
 * router asks this interface rather than a map.
 */
public interface SessionRegistry {
    /** Adds {@code session}; returns the session it displaced with the same full JID, if any. */
    Optional<ClientSession> bind(ClientSession session);

    /** Removes {@code session} if it is still the one bound to its JID. */
    void unbind(ClientSession session);

    Optional<ClientSession> find(EntityFullJid jid);

    /** The bound resources of an account, in no particular order. */
    List<ClientSession> sessions(EntityBareJid account);

    Collection<ClientSession> all();
}
