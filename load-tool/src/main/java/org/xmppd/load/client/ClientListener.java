package org.xmppd.load.client;

import org.xmppd.codec.Element;

/**
 * Hears what happens to an {@link XmppClient}. Called on MINA's IO threads (or the timeout
 * thread), so implementations must be quick and thread-safe. Each client reports exactly one of
 * {@link #ready} and {@link #failed}.
 */
public interface ClientListener {
    /** The goal is reached: logged in (roster fetched, initial presence sent), or registered. */
    void ready(XmppClient client);

    /** The goal cannot be reached; the connection is being closed. */
    void failed(XmppClient client, String reason);

    /** A {@code <message/>} arrived on a ready client. */
    default void message(XmppClient client, Element message) {
    }

    /** A {@code <presence/>} arrived on a ready client (MUC occupants, RFC 6121 §4). */
    default void presence(XmppClient client, Element presence) {
    }

    /**
     * An IQ result or error arrived on a ready client: the answer to a request the scenario sent
     * with {@link XmppClient#send} (MUC owner form, pubsub create/subscribe/publish).
     */
    default void iqResponse(XmppClient client, Element iq) {
    }

    /** The connection is closed, whatever the reason. */
    default void closed(XmppClient client) {
    }
}
