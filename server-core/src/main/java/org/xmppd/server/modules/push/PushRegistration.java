package org.xmppd.server.modules.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.codec.Element;
import org.xmppd.server.module.Xml;

/**
 * One enabled app server of an account (XEP-0357 §5): where to publish, and the publish options
 * the client gave (credentials of the app server), kept as the client sent them.
 *
 * @param service        the app server's XMPP push service
 * @param node           its node for this device
 * @param publishOptions the {@code http://jabber.org/protocol/pubsub#publish-options} form, or null
 * @param since          when it was enabled; the oldest goes first past the limit
 */
record PushRegistration(Jid service, String node, Element publishOptions, Instant since) {
    static final String NAMESPACE = "urn:xmpp:push:0";

    /** Whether this is the registration of {@code otherService} and {@code otherNode} (any node when null). */
    boolean matches(Jid otherService, String otherNode) {
        return service.equals(otherService) && (otherNode == null || node.equals(otherNode));
    }

    /**
     * The storage key: one per (service, node), as §5 asks; hashed because nodes are long, free
     * text (the value holds them in full).
     */
    String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((service + "\n" + node).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** As stored: {@code <registration xmlns='urn:xmpp:push:0' jid='' node='' since=''>[form]</registration>}. */
    String toXml() {
        Element.Builder xml = Element.builder("registration", NAMESPACE).attribute("jid", service.toString())
                .attribute("node", node).attribute("since", Long.toString(since.toEpochMilli()));
        if (publishOptions != null) {
            xml.child(publishOptions);
        }
        return xml.build().toXml();
    }

    /** @throws IllegalArgumentException when {@code xml} is not a stored registration */
    static PushRegistration parse(String xml) {
        Element stored = Xml.parseElement(xml);
        try {
            return new PushRegistration(JidCreate.from(stored.attributeOrNull("jid")), stored.attributeOrNull("node"),
                    stored.firstElement().orElse(null), Instant.ofEpochMilli(Long.parseLong(stored.attributeOrNull("since"))));
        } catch (XmppStringprepException | NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("not a push registration: " + xml, e);
        }
    }
}
