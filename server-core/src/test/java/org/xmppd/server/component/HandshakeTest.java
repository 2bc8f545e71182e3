package org.xmppd.server.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;

class HandshakeTest {
    @Test
    void theDigestIsTheHexSha1OfStreamIdAndSecret() {
        // SHA-1("abc"), FIPS 180-2 appendix A.1: the id and the secret are simply concatenated.
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", Handshake.expected("a", "bc"));
        assertTrue(Handshake.verify("a", "bc", "A9993E364706816ABA3E25717850C26C9CD0D89D"));
        assertTrue(Handshake.verify("a", "bc", " a9993e364706816aba3e25717850c26c9cd0d89d\n"));
        assertFalse(Handshake.verify("a", "bd", "a9993e364706816aba3e25717850c26c9cd0d89d"));
        assertFalse(Handshake.verify("a", "bc", ""));
    }

    @Test
    void onlyInheritedNamespacesMove() {
        Element forwarded = Element.builder("forwarded", "urn:xmpp:forward:0")
                .child(Element.builder("message", Namespaces.CLIENT).textChild("body", Namespaces.CLIENT, "inner").build())
                .build();
        Element stanza = Element.builder("message", Namespaces.CLIENT).attribute("to", "a@b")
                .textChild("body", Namespaces.CLIENT, "outer").child(forwarded).build();
        Element moved = StanzaNamespaces.move(stanza, Namespaces.CLIENT, Namespaces.COMPONENT_ACCEPT);
        assertEquals(Namespaces.COMPONENT_ACCEPT, moved.namespace());
        assertEquals("a@b", moved.attributeOrNull("to"));
        assertEquals("outer", moved.childOrNull("body", Namespaces.COMPONENT_ACCEPT).text());
        assertEquals(forwarded, moved.childOrNull("forwarded", "urn:xmpp:forward:0"), "another namespace stays");
        assertEquals(stanza, StanzaNamespaces.move(moved, Namespaces.COMPONENT_ACCEPT, Namespaces.CLIENT));
    }
}
