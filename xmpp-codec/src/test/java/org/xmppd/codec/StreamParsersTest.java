package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsers sharing the learnt name table parse as parsers of their own do. */
class StreamParsersTest {
    private final StreamParsers parsers = new StreamParsers(ParserLimits.DEFAULT);

    @Test
    void sharedParsersReadKnownAndNewNamesAlike() throws Exception {
        String stanzas = "<message to='b@example.com' type='chat'><body>hi</body>"
                + "<request xmlns='urn:xmpp:receipts'/></message>"
                + "<iq type='get' id='1'><query xmlns='jabber:iq:roster' ver='v'/></iq>"
                + "<message to='c@example.com'><zebra xmlns='urn:example:zoo' stripes='many'>"
                + "<z:okapi xmlns:z='urn:example:zoo2' z:legs='4'/></zebra></message>";
        Recorder own = new Recorder();
        Recorder.feed(new XmppStreamParser(ParserLimits.DEFAULT, own), Recorder.CLIENT_HEADER + stanzas, 4096);
        assertEquals(3, own.elements.size());

        // Many parsers, fed interleaved in small pieces, each adding names the others never saw.
        List<Recorder> recorders = new ArrayList<>();
        List<XmppStreamParser> streams = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            XmppStreamParser parser = parsers.newParser(recorder);
            streams.add(parser);
            Recorder.feed(parser, Recorder.CLIENT_HEADER + "<peer" + i + " xmlns='urn:x' only" + i + "='y'/>", 7);
        }
        byte[] bytes = stanzas.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int offset = 0; offset < bytes.length; offset += 5) {
            for (XmppStreamParser parser : streams) {
                parser.feed(bytes, offset, Math.min(5, bytes.length - offset));
            }
        }
        for (int i = 0; i < 20; i++) {
            List<Element> got = recorders.get(i).elements;
            assertEquals("peer" + i, got.get(0).name());
            assertEquals("y", got.get(0).attributeOrNull("only" + i));
            assertEquals(own.elements, got.subList(1, got.size()), "stream " + i);
        }
    }

    @Test
    void limitsStillApply() {
        StreamParsers tight = new StreamParsers(new ParserLimits(1024, 64));
        XmppStreamParser parser = tight.newParser(new Recorder());
        String big = "<message><body>" + "x".repeat(2000) + "</body></message>";
        StreamErrorException e = assertThrows(StreamErrorException.class,
                () -> Recorder.feed(parser, Recorder.CLIENT_HEADER + big, 4096));
        assertEquals(StreamErrorCondition.POLICY_VIOLATION, e.condition());
    }
}
