package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Serialization, and the XML an element keeps for the next copy of its parent. */
class XmlWriterTest {
    private static final Element EVENT = Element.builder("event", "http://jabber.org/protocol/pubsub#event")
            .child(Element.builder("items", "http://jabber.org/protocol/pubsub#event").attribute("node", "n")
                    .child(Element.builder("item", "http://jabber.org/protocol/pubsub#event").attribute("id", "1")
                            .textChild("entry", "urn:x", "a & b").build())
                    .build())
            .build();

    @Test
    void copiesThatShareAPayloadAreEachWrittenInFull() {
        Element template = Element.builder("message", Namespaces.CLIENT).attribute("from", "pubsub.example")
                .child(EVENT).build();
        String payload = "<event xmlns=\"http://jabber.org/protocol/pubsub#event\"><items node=\"n\">"
                + "<item id=\"1\"><entry xmlns=\"urn:x\">a &amp; b</entry></item></items></event>";
        for (String to : new String[] {"a@example", "b@example"}) {
            Element copy = template.withAttribute("to", to);
            assertEquals("<message from=\"pubsub.example\" to=\"" + to + "\">" + payload + "</message>",
                    XmlWriter.toStreamXml(copy, Namespaces.CLIENT));
        }
    }

    @Test
    void aKeptPayloadIsNotReusedUnderAnotherNamespace() {
        Element items = EVENT.elements().get(0);
        Element inEvent = Element.builder("wrapper", "http://jabber.org/protocol/pubsub#event").child(items).build();
        Element elsewhere = Element.builder("wrapper", "urn:other").child(items).build();
        assertEquals("<wrapper xmlns=\"http://jabber.org/protocol/pubsub#event\"><items node=\"n\"><item id=\"1\">"
                + "<entry xmlns=\"urn:x\">a &amp; b</entry></item></items></wrapper>", XmlWriter.toXml(inEvent));
        assertEquals("<wrapper xmlns=\"urn:other\"><items xmlns=\"http://jabber.org/protocol/pubsub#event\""
                + " node=\"n\"><item id=\"1\"><entry xmlns=\"urn:x\">a &amp; b</entry></item></items></wrapper>",
                XmlWriter.toXml(elsewhere));
        assertEquals("<wrapper xmlns=\"http://jabber.org/protocol/pubsub#event\"><items node=\"n\"><item id=\"1\">"
                + "<entry xmlns=\"urn:x\">a &amp; b</entry></item></items></wrapper>", XmlWriter.toXml(inEvent));
    }
}
