package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Element → XmlWriter → parser gives back an equal element. */
class RoundTripTest {
    private static final String NASTY = "a & b < c > d \" e ' f é ü 中文 😀";

    private static Element roundTrip(Element element) throws StreamErrorException {
        String xml = Recorder.CLIENT_HEADER + XmlWriter.toStreamXml(element, Namespaces.CLIENT);
        return Recorder.parse(xml, ParserLimits.DEFAULT, 1).elements.get(0);
    }

    @Test
    void specialAndNonAsciiCharactersSurviveInTextAndAttributes() throws Exception {
        Element message = Element.builder("message", Namespaces.CLIENT)
                .attribute("to", "juliet@example.com/balcony")
                .attribute("id", NASTY)
                .attribute("xml:lang", "fr")
                .textChild("body", Namespaces.CLIENT, NASTY)
                .build();
        assertEquals(message, roundTrip(message));
    }

    @Test
    void whitespaceControlCharactersSurvive() throws Exception {
        Element message = Element.builder("message", Namespaces.CLIENT)
                .attribute("note", "tab\there\nline\rcr")
                .textChild("body", Namespaces.CLIENT, "line1\r\nline2\ttab\n")
                .build();
        assertEquals(message, roundTrip(message));
    }

    @Test
    void nestedNamespacesAndNamespacedAttributesSurvive() throws Exception {
        Element iq = Element.builder("iq", Namespaces.CLIENT).attribute("type", "result").attribute("id", "q")
                .child(Element.builder("query", "jabber:iq:roster").attribute("ver", "v1")
                        .child(Element.builder("item", "jabber:iq:roster")
                                .attribute("jid", "romeo@example.net")
                                .attribute("{urn:example:ext}mark", "<&>")
                                .textChild("group", "jabber:iq:roster", "Friends & Family")
                                .build())
                        .child(Element.of("x", "jabber:x:data"))
                        .build())
                .build();
        assertEquals(iq, roundTrip(iq));
    }

    @Test
    void streamNamespaceElementsSurvive() throws Exception {
        Element error = StreamErrorCondition.POLICY_VIOLATION.toElement("too big & bad");
        assertEquals(error, roundTrip(error));
    }
}
