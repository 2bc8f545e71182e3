package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The typed views over parsed stanzas. */
class StanzaViewsTest {
    @Test
    void viewsMatchNameAndContentNamespace() throws Exception {
        assertInstanceOf(Message.class, Stanza.ofOrNull(Recorder.parseStanza("<message/>")));
        assertInstanceOf(Presence.class, Stanza.ofOrNull(Recorder.parseStanza("<presence/>")));
        assertInstanceOf(Iq.class, Stanza.ofOrNull(Recorder.parseStanza("<iq/>")));
        assertNull(Stanza.ofOrNull(Recorder.parseStanza("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")));
        assertNull(Stanza.ofOrNull(Recorder.parseStanza("<message xmlns='urn:other'/>")));
        assertNull(Stanza.ofOrNull(Recorder.parseStanza("<foo/>")));
    }

    @Test
    void messageTypeDefaultsToNormalAndBodyIsRead() throws Exception {
        Message message = new Message(Recorder.parseStanza(
                "<message from='juliet@example.com/balcony' to='romeo@example.net' id='k'>"
                        + "<body>Art thou not Romeo?</body></message>"));
        assertEquals("normal", message.messageType());
        assertEquals("Art thou not Romeo?", message.bodyOrNull());
        assertEquals("juliet@example.com/balcony", message.from().toString());
        assertEquals("romeo@example.net", message.to().toString());
        assertEquals("k", message.id());
        assertEquals("chat", new Message(Recorder.parseStanza("<message type='chat'/>")).messageType());
        assertNull(new Message(Recorder.parseStanza("<message/>")).bodyOrNull());
    }

    @Test
    void presencePriorityIsParsedAndClamped() throws Exception {
        assertEquals(5, presence("<presence><priority>5</priority></presence>").priority());
        assertEquals(-1, presence("<presence><priority> -1 </priority></presence>").priority());
        assertEquals(0, presence("<presence/>").priority());
        assertEquals(0, presence("<presence><priority>high</priority></presence>").priority());
        assertEquals(127, presence("<presence><priority>1000</priority></presence>").priority());
        assertEquals(-128, presence("<presence><priority>-1000</priority></presence>").priority());
        assertTrue(presence("<presence/>").isAvailable());
        assertFalse(presence("<presence type='unavailable'/>").isAvailable());
    }

    private static Presence presence(String xml) throws StreamErrorException {
        return new Presence(Recorder.parseStanza(xml));
    }

    @Test
    void iqResultSwapsAddressesAndKeepsId() throws Exception {
        Iq iq = new Iq(Recorder.parseStanza("<iq from='romeo@example.net/orchard' to='example.net' type='get' id='p1'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>"));
        assertTrue(iq.isRequest());
        assertFalse(iq.isResponse());
        assertEquals(Element.of("ping", "urn:xmpp:ping"), iq.payload().orElseThrow());
        Element expected = Element.builder("iq", Namespaces.CLIENT).attribute("id", "p1").attribute("type", "result")
                .attribute("from", "example.net").attribute("to", "romeo@example.net/orchard").build();
        assertEquals(expected, iq.emptyResult());
        Element payload = Element.of("query", "jabber:iq:version");
        assertEquals(expected.toBuilder().child(payload).build(), iq.result(payload));
        assertTrue(new Iq(iq.emptyResult()).isResponse());
    }

    @Test
    void withFromStampsANewElement() throws Exception {
        Element original = Recorder.parseStanza("<message to='romeo@example.net'/>");
        Message message = new Message(original);
        Element stamped = message.withFrom(Jids.parseOrNull("juliet@example.com/balcony"));
        assertEquals("juliet@example.com/balcony", stamped.attributeOrNull("from"));
        assertNull(original.attributeOrNull("from"));
    }

    @Test
    void malformedAddressIsJidMalformed() throws Exception {
        Message message = new Message(Recorder.parseStanza("<message to='a@b@c/d'/>"));
        StanzaErrorException e = assertThrows(StanzaErrorException.class, message::to);
        assertEquals(StanzaErrorCondition.JID_MALFORMED, e.condition());
    }
}
