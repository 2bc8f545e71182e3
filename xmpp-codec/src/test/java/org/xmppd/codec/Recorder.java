package org.xmppd.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link StreamHandler} that keeps what it was told, and helpers to feed a parser. */
final class Recorder implements StreamHandler {
    static final String CLIENT_HEADER = "<?xml version='1.0'?><stream:stream to='example.com'"
            + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
            + " version='1.0' xml:lang='en'>";

    final List<StreamOpen> opens = new ArrayList<>();
    final List<Element> elements = new ArrayList<>();
    int closes;

    @Override
    public void streamOpened(StreamOpen open) {
        opens.add(open);
    }

    @Override
    public void element(Element element) {
        elements.add(element);
    }

    @Override
    public void streamClosed() {
        closes++;
    }

    /** Feeds {@code xml} as UTF-8 in pieces of at most {@code chunk} bytes, reusing one array. */
    static void feed(XmppStreamParser parser, String xml, int chunk) throws StreamErrorException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        byte[] piece = new byte[Math.max(1, Math.min(chunk, bytes.length))];
        for (int pos = 0; pos < bytes.length; pos += piece.length) {
            int length = Math.min(piece.length, bytes.length - pos);
            System.arraycopy(bytes, pos, piece, 0, length);
            parser.feed(piece, 0, length);
        }
    }

    /** Parses {@code xml} fed whole with default limits. */
    static Recorder parse(String xml) throws StreamErrorException {
        return parse(xml, ParserLimits.DEFAULT, Integer.MAX_VALUE);
    }

    static Recorder parse(String xml, ParserLimits limits, int chunk) throws StreamErrorException {
        Recorder recorder = new Recorder();
        XmppStreamParser parser = new XmppStreamParser(limits, recorder);
        feed(parser, xml, chunk);
        return recorder;
    }

    /** The one element parsed from {@code stanzaXml} sent inside a jabber:client stream. */
    static Element parseStanza(String stanzaXml) throws StreamErrorException {
        Recorder recorder = parse(CLIENT_HEADER + stanzaXml);
        if (recorder.elements.size() != 1) {
            throw new AssertionError("expected one element, got " + recorder.elements);
        }
        return recorder.elements.get(0);
    }
}
