package org.xmppd.server.module;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.ParserLimits;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.StreamHandler;
import org.xmppd.codec.StreamOpen;
import org.xmppd.codec.XmppStreamParser;

/**
 * Reads back stanzas that modules stored as XML text ({@link Element#toXml()}): offline messages,
 * kept subscription requests, last presences. The text goes through the same restricted parser
 * as the network, wrapped in a stream header, so nothing stored can smuggle in a DTD or entity.
 */
public final class Xml {
    private static final byte[] HEADER = ("<stream:stream xmlns='" + Namespaces.CLIENT
            + "' xmlns:stream='" + Namespaces.STREAMS + "'>").getBytes(StandardCharsets.UTF_8);

    /** Deeper than any configurable {@code limits.max_depth} a stanza could have arrived with. */
    private static final int STORED_DEPTH = 1024;

    private Xml() {
    }

    /**
     * The single element serialized in {@code xml}.
     *
     * @throws IllegalArgumentException when {@code xml} is not exactly one well-formed element
     */
    public static Element parseElement(String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        List<Element> elements = new ArrayList<>(1);
        // The text passed the configured limits when it arrived; only its own size bounds it now.
        ParserLimits limits = new ParserLimits(Math.max(ParserLimits.DEFAULT.maxStanzaBytes(), body.length + 1),
                STORED_DEPTH);
        XmppStreamParser parser = new XmppStreamParser(limits, new StreamHandler() {
            @Override
            public void streamOpened(StreamOpen open) {
                // The header is ours; nothing to check.
            }

            @Override
            public void element(Element element) {
                elements.add(element);
            }

            @Override
            public void streamClosed() {
                // Never sent: only the element follows the header.
            }
        });
        try {
            parser.feed(HEADER, 0, HEADER.length);
            parser.feed(body, 0, body.length);
        } catch (StreamErrorException e) {
            throw new IllegalArgumentException("Stored XML does not parse: " + e.getMessage(), e);
        }
        if (elements.size() != 1) {
            throw new IllegalArgumentException("Stored XML holds " + elements.size() + " complete elements, not one");
        }
        return elements.get(0);
    }
}
