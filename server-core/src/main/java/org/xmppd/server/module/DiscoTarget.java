package org.xmppd.server.module;

/** The entity a disco feature or identity is announced for. */
public enum DiscoTarget {
    /** A served domain, e.g. {@code localhost}. */
    SERVER,
    /** A user account's bare JID, e.g. {@code alice@localhost}. */
    ACCOUNT
}
