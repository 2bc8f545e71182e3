package org.xmppd.server.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;

class XmlTest {
    @Test
    void roundTripsAStanza() {
        Element message = Element.builder("message", Namespaces.CLIENT).attribute("to", "bob@localhost")
                .attribute("type", "chat").textChild("body", Namespaces.CLIENT, "<hi> & \"bye\" ✓")
                .child(Element.builder("delay", "urn:xmpp:delay").attribute("stamp", "2024-01-01T00:00:00Z").build())
                .build();
        assertEquals(message, Xml.parseElement(message.toXml()));
    }

    @Test
    void refusesAnythingButOneElement() {
        assertThrows(IllegalArgumentException.class, () -> Xml.parseElement("<a xmlns='x'/><b xmlns='x'/>"));
        assertThrows(IllegalArgumentException.class, () -> Xml.parseElement("<a xmlns='x'>"));
        assertThrows(IllegalArgumentException.class, () -> Xml.parseElement("<!DOCTYPE a><a/>"));
    }
}
