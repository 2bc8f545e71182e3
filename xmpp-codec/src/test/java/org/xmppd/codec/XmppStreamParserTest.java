package org.xmppd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmppStreamParserTest {
    private static final String CLIENT_STREAM = Recorder.CLIENT_HEADER
            + "\n  <message to='romeo@example.net' id='m1' type='chat'><body>Hi é 😀 &amp; bye</body></message>"
            + "\n  <presence><priority>5</priority></presence>\n"
            + "<iq type='get' id='i1'><query xmlns='jabber:iq:roster'/></iq> \n"
            + "</stream:stream>";

    private static final List<Element> CLIENT_ELEMENTS = List.of(
            Element.builder("message", Namespaces.CLIENT)
                    .attribute("to", "romeo@example.net").attribute("id", "m1").attribute("type", "chat")
                    .textChild("body", Namespaces.CLIENT, "Hi é 😀 & bye").build(),
            Element.builder("presence", Namespaces.CLIENT)
                    .textChild("priority", Namespaces.CLIENT, "5").build(),
            Element.builder("iq", Namespaces.CLIENT).attribute("type", "get").attribute("id", "i1")
                    .child(Element.of("query", "jabber:iq:roster")).build());

    @Test
    void fullClientStreamFedOneByteAtATime() throws Exception {
        Recorder recorder = Recorder.parse(CLIENT_STREAM, ParserLimits.DEFAULT, 1);

        assertEquals(1, recorder.opens.size());
        StreamOpen open = recorder.opens.get(0);
        assertEquals(Namespaces.CLIENT, open.contentNamespace());
        assertEquals(Map.of("to", "example.com", "version", "1.0", "xml:lang", "en"), open.attributes());
        assertEquals(CLIENT_ELEMENTS, recorder.elements);
        assertEquals(1, recorder.closes);
    }

    @Test
    void sameEventsWhateverTheSplit() throws Exception {
        for (int chunk : new int[] {2, 3, 7, 64, 100_000}) {
            Recorder recorder = Recorder.parse(CLIENT_STREAM, ParserLimits.DEFAULT, chunk);
            assertEquals(CLIENT_ELEMENTS, recorder.elements, "chunk " + chunk);
            assertEquals(1, recorder.closes, "chunk " + chunk);
        }
    }

    /**
     * An idle connection must not pin its last read buffer: the parser lets go of it once parsed,
     * and keeps a partial stanza itself (the caller may reuse the buffer for the next read).
     */
    @Test
    void readBuffersAreNeitherKeptNorNeededAfterTheFeed() throws Exception {
        Recorder recorder = new Recorder();
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.DEFAULT, recorder);
        Recorder.feed(parser, Recorder.CLIENT_HEADER, 4096);
        byte[] read = new byte[16 * 1024];
        byte[] first = "<message><body>hel".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(first, 0, read, 0, first.length);
        parser.feed(read, 0, first.length);
        java.util.Arrays.fill(read, (byte) '<');
        java.lang.ref.WeakReference<byte[]> released = new java.lang.ref.WeakReference<>(read);
        read = null;
        for (int i = 0; i < 50 && released.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(released.get() == null, "the parser still holds the read buffer");
        parser.feed("lo</body></message>".getBytes(StandardCharsets.UTF_8), 0, 19);
        assertEquals(List.of(Element.builder("message", Namespaces.CLIENT)
                .textChild("body", Namespaces.CLIENT, "hello").build()), recorder.elements);
    }

    @Test
    void multibyteCharactersSplitAcrossFeeds() throws Exception {
        String text = "é😀";
        byte[] stanza = ("<message><body>" + text + "</body></message>").getBytes(StandardCharsets.UTF_8);
        int bodyStart = "<message><body>".length();
        // Split inside "é" (2 bytes) and inside "😀" (4 bytes).
        for (int split : new int[] {bodyStart + 1, bodyStart + 3, bodyStart + 4}) {
            Recorder recorder = new Recorder();
            XmppStreamParser parser = new XmppStreamParser(ParserLimits.DEFAULT, recorder);
            Recorder.feed(parser, Recorder.CLIENT_HEADER, 4096);
            parser.feed(stanza, 0, split);
            parser.feed(stanza, split, stanza.length - split);
            assertEquals(List.of(Element.builder("message", Namespaces.CLIENT)
                    .textChild("body", Namespaces.CLIENT, text).build()), recorder.elements, "split " + split);
        }
    }

    @Test
    void fourByteCharacterInAttributeSplitAtEveryByte() throws Exception {
        byte[] stanza = "<message id='a😀b' to='é中'/>".getBytes(StandardCharsets.UTF_8);
        Element expected = Element.builder("message", Namespaces.CLIENT)
                .attribute("id", "a😀b").attribute("to", "é中").build();
        for (int split = 1; split < stanza.length; split++) {
            Recorder recorder = new Recorder();
            XmppStreamParser parser = new XmppStreamParser(ParserLimits.DEFAULT, recorder);
            Recorder.feed(parser, Recorder.CLIENT_HEADER, 4096);
            parser.feed(stanza, 0, split);
            parser.feed(stanza, split, stanza.length - split);
            assertEquals(List.of(expected), recorder.elements, "split " + split);
        }
    }

    @Test
    void heapAndDirectByteBuffersAreConsumed() throws Exception {
        for (boolean direct : new boolean[] {false, true}) {
            byte[] bytes = CLIENT_STREAM.getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(bytes.length) : ByteBuffer.allocate(bytes.length);
            buffer.put(bytes).flip();
            Recorder recorder = new Recorder();
            new XmppStreamParser(ParserLimits.DEFAULT, recorder).feed(buffer);
            assertEquals(CLIENT_ELEMENTS, recorder.elements);
            assertEquals(0, buffer.remaining());
        }
    }

    @Test
    void defaultNamespaceOfTheHeaderIsInherited() throws Exception {
        Element message = Recorder.parseStanza("<message><body>x</body></message>");
        assertEquals(Namespaces.CLIENT, message.namespace());
        assertEquals(Namespaces.CLIENT, message.elements().get(0).namespace());
    }

    @Test
    void childNamespacesAndPrefixesResolve() throws Exception {
        Element iq = Recorder.parseStanza("<iq type='set' id='1'><b:bind xmlns:b='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<b:resource>r</b:resource></b:bind></iq>");
        Element expected = Element.builder("iq", Namespaces.CLIENT).attribute("type", "set").attribute("id", "1")
                .child(Element.builder("bind", Namespaces.BIND)
                        .textChild("resource", Namespaces.BIND, "r").build())
                .build();
        assertEquals(expected, iq);
    }

    @Test
    void prefixesDeclaredOnTheHeaderStayInScope() throws Exception {
        String header = "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
                + " xmlns:db='jabber:server:dialback' xmlns:x='urn:example'>";
        Recorder recorder = Recorder.parse(header
                + "<db:result from='a.example' to='b.example'>key</db:result>"
                + "<message x:flag='1'><x:data/></message>"
                + "<stream:features/>", ParserLimits.DEFAULT, 1);

        assertEquals("jabber:server", recorder.opens.get(0).contentNamespace());
        assertEquals(List.of(
                Element.builder("result", "jabber:server:dialback")
                        .attribute("from", "a.example").attribute("to", "b.example").text("key").build(),
                Element.builder("message", "jabber:server").attribute("{urn:example}flag", "1")
                        .child(Element.of("data", "urn:example")).build(),
                Element.of("features", Namespaces.STREAMS)), recorder.elements);
    }

    @Test
    void attributeKeysFollowTheElementConvention() throws Exception {
        Element message = Recorder.parseStanza("<message xmlns:a='urn:a' xml:lang='fr' to='x' a:b='v'/>");
        assertEquals(Map.of("xml:lang", "fr", "to", "x", "{urn:a}b", "v"), message.attributes());
        assertEquals(List.of("xml:lang", "to", "{urn:a}b"), List.copyOf(message.attributes().keySet()));
    }

    @Test
    void adjacentTextIsMergedAndInnerWhitespaceKept() throws Exception {
        Element body = Recorder.parse(Recorder.CLIENT_HEADER + "<body>a &lt; b<![CDATA[ <c> ]]>&#233;\n  d</body>",
                ParserLimits.DEFAULT, 1).elements.get(0);
        assertEquals(List.of(new Text("a < b <c> é\n  d")), body.children());

        Element spaced = Recorder.parseStanza("<message>\n  <body> x </body>\n</message>");
        assertEquals(List.of(new Text("\n  "), Element.builder("body", Namespaces.CLIENT).text(" x ").build(),
                new Text("\n")), spaced.children());
    }

    @Test
    void keepaliveWhitespaceBetweenStanzasIsIgnored() throws Exception {
        Recorder recorder = Recorder.parse(Recorder.CLIENT_HEADER + " \n\t <presence/>\r\n \n<presence/>  ");
        assertEquals(List.of(Element.of("presence", Namespaces.CLIENT), Element.of("presence", Namespaces.CLIENT)),
                recorder.elements);
    }

    @Test
    void headerWithoutDefaultNamespaceReportsEmptyContentNamespace() throws Exception {
        Recorder recorder = Recorder.parse("<s:stream xmlns:s='http://etherx.jabber.org/streams' to='x'><message/>");
        assertEquals("", recorder.opens.get(0).contentNamespace());
        assertEquals(Map.of("to", "x"), recorder.opens.get(0).attributes());
        assertEquals(List.of(Element.of("message", "")), recorder.elements);
    }

    @Test
    void streamCloseIsReportedAndLaterBytesIgnored() throws Exception {
        Recorder recorder = new Recorder();
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.DEFAULT, recorder);
        Recorder.feed(parser, Recorder.CLIENT_HEADER + "<presence/></stream:stream>", 5);
        Recorder.feed(parser, "<message/>garbage<<", 3);
        assertEquals(1, recorder.closes);
        assertEquals(List.of(Element.of("presence", Namespaces.CLIENT)), recorder.elements);
    }

    @Test
    void handlerErrorStopsTheParser() throws Exception {
        StreamErrorException refusal = new StreamErrorException(StreamErrorCondition.HOST_UNKNOWN, null);
        Recorder recorder = new Recorder();
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.DEFAULT, new StreamHandler() {
            @Override
            public void streamOpened(StreamOpen open) throws StreamErrorException {
                throw refusal;
            }

            @Override
            public void element(Element element) {
                recorder.element(element);
            }

            @Override
            public void streamClosed() {
                recorder.streamClosed();
            }
        });
        assertSame(refusal, assertThrows(StreamErrorException.class,
                () -> Recorder.feed(parser, Recorder.CLIENT_HEADER, 4096)));
        assertSame(refusal, assertThrows(StreamErrorException.class,
                () -> Recorder.feed(parser, "<presence/></stream:stream>", 4096)));
        assertTrue(recorder.elements.isEmpty());
        assertEquals(0, recorder.closes);
    }
}
