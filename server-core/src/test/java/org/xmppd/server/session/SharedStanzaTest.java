package org.xmppd.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.XmlWriter;
import org.xmppd.server.module.Xml;

class SharedStanzaTest {
    private static final Element MESSAGE = Element.builder("message", Namespaces.CLIENT)
            .attribute("from", "room@conference.localhost/nick").attribute("to", "ignored@localhost")
            .attribute("type", "groupchat").attribute("id", "m1")
            .textChild("body", Namespaces.CLIENT, "<&> \"quoted\" 'x'")
            .child(Element.builder("stanza-id", "urn:xmpp:sid:0").attribute("id", "s1").build())
            .build();

    @Test
    void eachRecipientGetsTheSameStanzaWithItsOwnTo() throws Exception {
        SharedStanza shared = SharedStanza.of(MESSAGE);
        Jid to = JidCreate.from("alice@localhost/phone & 'tab'");
        String xml = new String(shared.streamBytes(to), StandardCharsets.UTF_8);
        Element expected = MESSAGE.withAttribute("to", to.toString());
        assertEquals(expected, shared.element(to));
        assertEquals(expected, Xml.parseElement(xml));
        assertEquals(XmlWriter.toStreamXml(expected, Namespaces.CLIENT).length(), xml.length());
    }

    @Test
    void anEmptyStanzaKeepsItsShape() throws Exception {
        Element presence = Element.builder("presence", Namespaces.CLIENT).build();
        Jid to = JidCreate.from("bob@localhost/r");
        String xml = new String(SharedStanza.of(presence).streamBytes(to), StandardCharsets.UTF_8);
        assertEquals("<presence to=\"bob@localhost/r\"/>", xml);
    }
}
