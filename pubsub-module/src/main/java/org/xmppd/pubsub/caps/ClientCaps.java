package org.xmppd.pubsub.caps;

import java.util.Optional;

import org.xmppd.codec.Element;
import org.xmppd.codec.Presence;

/**
 * The {@code <c xmlns='http://jabber.org/protocol/caps'/>} of a presence (XEP-0115 §4).
 *
 * @param node the client's software URI
 * @param ver  the verification string
 * @param hash the hash function ({@code sha-1}...), or null for the legacy format (§1.3)
 */
public record ClientCaps(String node, String ver, String hash) {
    public static final String NAMESPACE = "http://jabber.org/protocol/caps";

    /** The caps of {@code presence}, if it carries well-formed ones. */
    public static Optional<ClientCaps> of(Presence presence) {
        Element c = presence.element().childOrNull("c", NAMESPACE);
        if (c == null || c.attributeOrNull("node") == null || c.attributeOrNull("ver") == null) {
            return Optional.empty();
        }
        return Optional.of(new ClientCaps(c.attributeOrNull("node"), c.attributeOrNull("ver"),
                c.attributeOrNull("hash")));
    }

    /** The disco node to ask (§6.2): {@code node#ver}. */
    public String discoNode() {
        return node + "#" + ver;
    }

    /** The key an answer may be shared under: only hashed caps identify a feature set (§5.4). */
    public Optional<String> sharedKey() {
        return hash == null ? Optional.empty() : Optional.of(hash + " " + ver);
    }
}
