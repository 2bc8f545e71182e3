package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6120 §13.12: the size and depth bounds. */
class ParserLimitsTest {
    /** Longer than the stream header, which the same limit bounds. */
    private static final String STANZA = "<message to='a@b'><body>" + "hello ".repeat(40) + "</body></message>";
    private static final int STANZA_BYTES = STANZA.getBytes(StandardCharsets.UTF_8).length;

    private static StreamErrorCondition failureOf(String xml, ParserLimits limits, int chunk) {
        return assertThrows(StreamErrorException.class, () -> Recorder.parse(xml, limits, chunk)).condition();
    }

    @Test
    void stanzaOfExactlyTheLimitIsAccepted() throws Exception {
        for (int chunk : new int[] {1, 10, 100_000}) {
            Recorder recorder = Recorder.parse(Recorder.CLIENT_HEADER + STANZA + STANZA,
                    new ParserLimits(STANZA_BYTES, 8), chunk);
            assertEquals(2, recorder.elements.size(), "chunk " + chunk);
        }
    }

    @Test
    void stanzaOneByteOverTheLimitIsAPolicyViolation() {
        for (int chunk : new int[] {1, 10, 100_000}) {
            assertEquals(StreamErrorCondition.POLICY_VIOLATION, failureOf(Recorder.CLIENT_HEADER + STANZA,
                    new ParserLimits(STANZA_BYTES - 1, 8), chunk), "chunk " + chunk);
        }
    }

    @Test
    void incompleteOversizeStanzaFailsAsSoonAsTheCountPassesTheLimit() throws Exception {
        Recorder recorder = new Recorder();
        XmppStreamParser parser = new XmppStreamParser(new ParserLimits(1024, 8), recorder);
        Recorder.feed(parser, Recorder.CLIENT_HEADER + "<message><body>", 4096);
        byte[] chunk = "xxxxxxxxxx".repeat(10).getBytes(StandardCharsets.UTF_8);
        int fed = 0;
        StreamErrorException failure = null;
        while (failure == null && fed < 1_000_000) {
            try {
                parser.feed(chunk, 0, chunk.length);
                fed += chunk.length;
            } catch (StreamErrorException e) {
                failure = e;
            }
        }
        assertEquals(StreamErrorCondition.POLICY_VIOLATION, failure.condition());
        assertTrue(fed < 1024, "failed after " + fed + " bytes of body");
        assertTrue(recorder.elements.isEmpty());
    }

    @Test
    void oneHugeReadFailsToo() {
        String huge = Recorder.CLIENT_HEADER + "<message><body>" + "y".repeat(1_000_000);
        assertEquals(StreamErrorCondition.POLICY_VIOLATION, failureOf(huge, new ParserLimits(4096, 8), huge.length()));
    }

    @Test
    void unfinishedStartTagIsBounded() {
        String xml = Recorder.CLIENT_HEADER + "<message to='" + "z".repeat(5000);
        assertEquals(StreamErrorCondition.POLICY_VIOLATION, failureOf(xml, new ParserLimits(1024, 8), 64));
    }

    @Test
    void oversizeStreamHeaderIsAPolicyViolation() {
        String xml = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='"
                + "h".repeat(5000) + "'>";
        assertEquals(StreamErrorCondition.POLICY_VIOLATION, failureOf(xml, new ParserLimits(1024, 8), 100));
    }

    @Test
    void keepaliveWhitespaceNeverTripsTheLimit() throws Exception {
        Recorder recorder = new Recorder();
        XmppStreamParser parser = new XmppStreamParser(new ParserLimits(1024, 8), recorder);
        Recorder.feed(parser, Recorder.CLIENT_HEADER, 4096);
        byte[] space = {' '};
        for (int i = 0; i < 100_000; i++) {
            parser.feed(space, 0, 1);
        }
        Recorder.feed(parser, STANZA, 4096);
        assertEquals(1, recorder.elements.size());
    }

    @Test
    void depthAtTheLimitIsAcceptedAndBeyondIsRefused() throws Exception {
        ParserLimits limits = new ParserLimits(4096, 3);
        Recorder recorder = Recorder.parse(Recorder.CLIENT_HEADER + "<message><a><b/></a></message>", limits, 1);
        assertEquals(1, recorder.elements.size());
        assertEquals(StreamErrorCondition.POLICY_VIOLATION, failureOf(
                Recorder.CLIENT_HEADER + "<message><a><b><c/></b></a></message>", limits, 1));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ParserLimits(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ParserLimits(1, 0));
    }
}
