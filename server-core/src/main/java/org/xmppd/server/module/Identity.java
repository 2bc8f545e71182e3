package org.xmppd.server.module;

/** A XEP-0030 identity: category, type and optional human-readable name. */
public record Identity(String category, String type, String name) {
}
