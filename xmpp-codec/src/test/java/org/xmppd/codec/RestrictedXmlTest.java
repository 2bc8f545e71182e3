package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 6120 §11: what an XMPP stream must not carry, and malformed input. */
class RestrictedXmlTest {
    private static final String STREAM_TAG = "<stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams'>";

    private static final String BILLION_LAUGHS = "<?xml version='1.0'?><!DOCTYPE stream:stream ["
            + "<!ENTITY lol 'lol'>"
            + "<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
            + "<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>"
            + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>"
            + "<!ENTITY lol9 '&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;'>"
            + "]>" + STREAM_TAG + "<message><body>&lol9;</body></message>";

    /** Feeds {@code xml} whole and one byte at a time; both must fail with {@code condition}. */
    private static void assertFails(StreamErrorCondition condition, String xml) {
        for (int chunk : new int[] {Integer.MAX_VALUE, 1}) {
            Recorder recorder = new Recorder();
            StreamErrorException e = assertThrows(StreamErrorException.class,
                    () -> Recorder.feed(new XmppStreamParser(ParserLimits.DEFAULT, recorder), xml, chunk),
                    "chunk " + chunk);
            assertEquals(condition, e.condition(), e.getMessage() + " (chunk " + chunk + ")");
            assertTrue(recorder.elements.isEmpty(), "nothing delivered: " + recorder.elements);
        }
    }

    @Test
    void billionLaughsDtdIsRefused() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, BILLION_LAUGHS);
    }

    @Test
    void internalEntityDeclarationIsRefused() {
        assertFails(StreamErrorCondition.RESTRICTED_XML,
                "<!DOCTYPE stream:stream [<!ENTITY x 'expanded'>]>" + STREAM_TAG + "<message>&x;</message>");
    }

    @Test
    void externalDtdIsRefusedAndNotRead(@TempDir Path dir) throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak 'secret'>");
        assertFails(StreamErrorCondition.RESTRICTED_XML, "<!DOCTYPE stream:stream SYSTEM '" + dtd.toUri() + "'>"
                + STREAM_TAG + "<message>&leak;</message>");
    }

    @Test
    void externalEntityIsRefusedAndNotRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "secret");
        assertFails(StreamErrorCondition.RESTRICTED_XML, "<!DOCTYPE stream:stream [<!ENTITY xxe SYSTEM '"
                + secret.toUri() + "'>]>" + STREAM_TAG + "<message><body>&xxe;</body></message>");
    }

    @Test
    void unknownEntityReferenceInTextIsRefused() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, STREAM_TAG + "<message><body>&nbsp;</body></message>");
    }

    @Test
    void unknownEntityReferenceInAttributeIsRefused() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, STREAM_TAG + "<message to='&xxe;'/>");
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesAreAllowed() throws Exception {
        Element body = Recorder.parseStanza("<body a='&quot;&apos;&#x41;'>&amp;&lt;&gt;&#65;&#x1F600;</body>");
        assertEquals("\"'A", body.attributeOrNull("a"));
        assertEquals("&<>A😀", body.text());
    }

    @Test
    void processingInstructionInStanzaIsRefused() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, STREAM_TAG + "<message><?php x?></message>");
    }

    @Test
    void processingInstructionInPrologIsRefused() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, "<?xml version='1.0'?><?xml-stylesheet href='a'?>"
                + STREAM_TAG);
    }

    @Test
    void commentInStanzaIsRefused() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, STREAM_TAG + "<message><!-- hi --></message>");
    }

    @Test
    void commentInPrologIsRefused() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, "<!-- hi -->" + STREAM_TAG);
    }

    @Test
    void mismatchedTagsAreNotWellFormed() {
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, STREAM_TAG + "<message><body></message>");
    }

    @Test
    void illegalCharacterIsNotWellFormed() {
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, STREAM_TAG + "<message>\u0001</message>");
    }

    @Test
    void duplicateAttributeIsNotWellFormed() {
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, STREAM_TAG + "<message to='a' to='b'/>");
    }

    @Test
    void invalidUtf8IsNotWellFormed() throws Exception {
        byte[] bytes = (STREAM_TAG + "<message>").getBytes(StandardCharsets.UTF_8);
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.DEFAULT, new Recorder());
        parser.feed(bytes, 0, bytes.length);
        byte[] bad = {(byte) 0xC3, '<'};
        StreamErrorException e = assertThrows(StreamErrorException.class, () -> parser.feed(bad, 0, bad.length));
        assertEquals(StreamErrorCondition.NOT_WELL_FORMED, e.condition());
    }

    @Test
    void undeclaredPrefixIsABadNamespacePrefix() {
        assertFails(StreamErrorCondition.BAD_NAMESPACE_PREFIX, "<stream:stream xmlns='jabber:client'>");
        assertFails(StreamErrorCondition.BAD_NAMESPACE_PREFIX, STREAM_TAG + "<x:message/>");
    }

    @Test
    void declaredEncodingOtherThanUtf8IsUnsupported() {
        assertFails(StreamErrorCondition.UNSUPPORTED_ENCODING, "<?xml version='1.0' encoding='ISO-8859-1'?>"
                + STREAM_TAG);
    }

    @Test
    void utf16BytesAreUnsupported() {
        byte[] utf16 = ("<?xml version='1.0'?>" + STREAM_TAG).getBytes(StandardCharsets.UTF_16);
        StreamErrorException e = assertThrows(StreamErrorException.class,
                () -> new XmppStreamParser(ParserLimits.DEFAULT, new Recorder()).feed(utf16, 0, utf16.length));
        assertEquals(StreamErrorCondition.UNSUPPORTED_ENCODING, e.condition());
    }

    @Test
    void lowerCaseUtf8DeclarationIsAccepted() throws Exception {
        Recorder recorder = Recorder.parse("<?xml version='1.0' encoding='utf-8'?>" + STREAM_TAG + "<presence/>");
        assertEquals(1, recorder.elements.size());
    }

    @Test
    void streamElementInWrongNamespaceIsInvalidNamespace() {
        assertFails(StreamErrorCondition.INVALID_NAMESPACE,
                "<stream:stream xmlns:stream='jabber:client' xmlns='jabber:client'>");
        assertFails(StreamErrorCondition.INVALID_NAMESPACE, "<stream xmlns='jabber:client'>");
    }

    @Test
    void otherRootIsBadFormat() {
        assertFails(StreamErrorCondition.BAD_FORMAT, "<html xmlns='http://www.w3.org/1999/xhtml'>");
    }

    @Test
    void textBetweenStanzasIsBadFormat() {
        assertFails(StreamErrorCondition.BAD_FORMAT, STREAM_TAG + "hello<presence/>");
    }

    @Test
    void deadParserKeepsFailing() throws Exception {
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.DEFAULT, new Recorder());
        StreamErrorException first = assertThrows(StreamErrorException.class,
                () -> Recorder.feed(parser, STREAM_TAG + "<!-- x -->", 4096));
        assertSame(first, assertThrows(StreamErrorException.class,
                () -> Recorder.feed(parser, "<presence/>", 4096)));
    }
}
