package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 6120 §8.3: error replies. */
class StanzaErrorsTest {
    private static final Element REQUEST = Element.builder("iq", Namespaces.CLIENT)
            .attribute("from", "romeo@example.net/orchard").attribute("to", "example.net")
            .attribute("type", "get").attribute("id", "v1")
            .child(Element.of("query", "jabber:iq:version"))
            .build();

    @Test
    void errorSwapsAddressesKeepsPayloadAndAddsCondition() {
        Element expected = Element.builder("iq", Namespaces.CLIENT)
                .attribute("from", "example.net").attribute("to", "romeo@example.net/orchard")
                .attribute("type", "error").attribute("id", "v1")
                .child(Element.of("query", "jabber:iq:version"))
                .child(Element.builder("error", Namespaces.CLIENT).attribute("type", "cancel")
                        .child(Element.of("service-unavailable", Namespaces.STANZA_ERRORS))
                        .build())
                .build();
        assertEquals(expected, StanzaErrors.serviceUnavailable(REQUEST));
        assertEquals(expected, StanzaErrors.error(REQUEST, StanzaErrorCondition.SERVICE_UNAVAILABLE, null));
    }

    @Test
    void errorWithTextAndExplicitType() {
        Element error = StanzaErrors.error(REQUEST, StanzaErrorCondition.BAD_REQUEST, "wait", "slow down")
                .childOrNull("error", Namespaces.CLIENT);
        Element expected = Element.builder("error", Namespaces.CLIENT).attribute("type", "wait")
                .child(Element.of("bad-request", Namespaces.STANZA_ERRORS))
                .child(Element.builder("text", Namespaces.STANZA_ERRORS).attribute("xml:lang", "en")
                        .text("slow down").build())
                .build();
        assertEquals(expected, error);
    }

    @Test
    void errorSerializesAsRfc6120Shows() {
        Element reply = StanzaErrors.error(REQUEST, StanzaErrorCondition.ITEM_NOT_FOUND, null);
        assertEquals("<iq from=\"example.net\" to=\"romeo@example.net/orchard\" type=\"error\" id=\"v1\">"
                + "<query xmlns=\"jabber:iq:version\"/><error type=\"cancel\">"
                + "<item-not-found xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/></error></iq>",
                XmlWriter.toStreamXml(reply, Namespaces.CLIENT));
    }

    @Test
    void fromExceptionUsesItsConditionAndText() {
        Element plain = StanzaErrors.of(REQUEST, new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, null));
        assertEquals(StanzaErrors.error(REQUEST, StanzaErrorCondition.JID_MALFORMED, null), plain);
        Element withText = StanzaErrors.of(REQUEST,
                new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "not yours"));
        assertEquals(StanzaErrors.error(REQUEST, StanzaErrorCondition.FORBIDDEN, "not yours"), withText);
    }
}
