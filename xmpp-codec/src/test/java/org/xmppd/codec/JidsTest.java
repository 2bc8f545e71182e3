package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** RFC 7622 addresses, prepared with PRECIS. */
class JidsTest {
    private static void assertMalformed(String text) {
        StanzaErrorException e = assertThrows(StanzaErrorException.class, () -> Jids.parseOrNull(text), text);
        assertEquals(StanzaErrorCondition.JID_MALFORMED, e.condition());
    }

    @Test
    void nullIsNull() throws Exception {
        assertNull(Jids.parseOrNull(null));
    }

    @Test
    void validAddressesAreNormalized() throws Exception {
        assertEquals("juliet@example.com/Balcony", Jids.parseOrNull("Juliet@Example.COM/Balcony").toString());
        assertEquals("example.com", Jids.parseOrNull("example.com").toString());
        assertEquals("romeo@example.net/😀 phone", Jids.parseOrNull("romeo@example.net/😀 phone").toString());
        assertEquals("user@127.0.0.1", Jids.parseOrNull("user@127.0.0.1").toString());
        assertEquals("user@[::1]/r", Jids.parseOrNull("user@[::1]/r").toString());
    }

    @Test
    void precisMapsFullwidthAndCaseInTheLocalpart() throws Exception {
        // RFC 8265 §3.4 UsernameCaseMapped: width mapping, then case mapping.
        assertEquals("juliet@example.com", Jids.parseOrNull("\uFF2A\uFF55liet@example.com").toString());
        assertEquals("ålesund@example.com", Jids.parseOrNull("\u212Blesund@example.com").toString());
    }

    @Test
    void malformedAddressesAreRefused() {
        assertMalformed("");
        assertMalformed("@example.com");
        assertMalformed("juliet@");
        assertMalformed("juliet@example.com/");
        assertMalformed("a@b@c");
        assertMalformed("ju liet@example.com");
        assertMalformed("juliet@exa mple.com");
    }

    @Test
    void precisRefusesWhatTheSimpleStringprepLetThrough() {
        assertMalformed("😀@example.com");          // symbols are not in IdentifierClass (RFC 8264 §4.2)
        assertMalformed("\u05D0a@example.com");    // bidi rule (RFC 5893) in the localpart
        assertMalformed("user@-example.com");       // IDNA2008 hyphen rules
        assertMalformed("user@example.com/\u0007"); // control character in the resourcepart
    }

    @Test
    void contextWorksWithTheTypedFactories() throws Exception {
        EntityBareJid jid = JidCreate.entityBareFrom("\uFF32omeo@Example.NET", Jids.context());
        assertEquals("romeo@example.net", jid.toString());
    }

    @Test
    void usePrecisMakesItJxmppsDefault() throws Exception {
        // Changes jxmpp's process-wide default for this test JVM; every codec test expects PRECIS.
        Jids.usePrecis();
        assertThrows(XmppStringprepException.class, () -> JidCreate.from("😀x@example.com"));
        assertEquals("user@[::1]", JidCreate.from("User@[::1]").toString());
    }
}
