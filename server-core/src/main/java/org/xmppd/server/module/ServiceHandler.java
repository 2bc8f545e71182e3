package org.xmppd.server.module;

import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorException;

/**
 * Takes every stanza addressed to a service domain (e.g. {@code conference.example.org}) or
 * any JID under it. A thrown {@link StanzaErrorException} is answered to the sender.
 */
@FunctionalInterface
public interface ServiceHandler {
    void handle(Stanza stanza) throws StanzaErrorException;
}
