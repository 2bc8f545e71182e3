package org.xmppd.server.module;

/** Where in its travel a message or presence is shown to module handlers. */
public enum StanzaPhase {
    /** Sent by a local session, after its {@code from} was stamped and before routing. */
    SENT,
    /** Addressed to a served domain or one of its accounts, before delivery to sessions. */
    DELIVER
}
