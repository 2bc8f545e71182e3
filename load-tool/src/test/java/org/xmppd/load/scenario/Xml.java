package org.xmppd.load.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xmppd.codec.Element;
import org.xmppd.codec.ParserLimits;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.StreamHandler;
import org.xmppd.codec.StreamOpen;
import org.xmppd.codec.XmppStreamParser;

/** Parses stanza text as a server would read it from a {@code jabber:client} stream. */
final class Xml {
    private Xml() {
    }

    static Element parse(String stanza) {
        List<Element> elements = new ArrayList<>();
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.DEFAULT, new StreamHandler() {
            @Override
            public void streamOpened(StreamOpen open) {
                // Nothing to check.
            }

            @Override
            public void element(Element element) {
                elements.add(element);
            }

            @Override
            public void streamClosed() {
                // Not sent.
            }
        });
        byte[] bytes = ("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
                + stanza).getBytes(StandardCharsets.UTF_8);
        try {
            parser.feed(bytes, 0, bytes.length);
        } catch (StreamErrorException e) {
            throw new AssertionError("not well-formed: " + stanza, e);
        }
        if (elements.size() != 1) {
            throw new AssertionError("not one stanza: " + stanza);
        }
        return elements.get(0);
    }
}
