package org.xmppd.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * Builds one immutable {@link Element} per top-level subtree from StAX events. The stack holds the
 * open elements below the stream root; adjacent character data (which the async reader reports in
 * pieces, as bytes arrive) is merged into one {@link Text} node.
 */
final class ElementAssembler {
    /** Past this, the text buffer is released after use instead of being kept for the next stanza. */
    private static final int RETAINED_TEXT_CAPACITY = 8192;

    private final List<Element.Builder> open = new ArrayList<>();
    private StringBuilder text = new StringBuilder();

    /** How many elements are open below the stream root: 0 between stanzas. */
    int depth() {
        return open.size();
    }

    /** Opens the element at the reader's START_ELEMENT. */
    void start(XMLStreamReader reader) {
        flushText();
        Element.Builder builder = Element.builder(reader.getLocalName(), namespaceOf(reader));
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            builder.attribute(attributeKey(reader.getAttributeNamespace(i), reader.getAttributeLocalName(i)),
                    reader.getAttributeValue(i));
        }
        open.add(builder);
    }

    void text(char[] chars, int start, int length) {
        text.append(chars, start, length);
    }

    /** Closes the innermost element; returns it when it was a top-level one, else null. */
    Element end() {
        flushText();
        Element element = open.remove(open.size() - 1).build();
        if (open.isEmpty()) {
            if (text.capacity() > RETAINED_TEXT_CAPACITY) {
                text = new StringBuilder();
            }
            return element;
        }
        open.get(open.size() - 1).child(element);
        return null;
    }

    private void flushText() {
        if (text.length() > 0) {
            open.get(open.size() - 1).text(text.toString());
            text.setLength(0);
        }
    }

    /** The attributes of the reader's START_ELEMENT, keyed as {@link Element} documents. */
    static Map<String, String> attributes(XMLStreamReader reader) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(attributeKey(reader.getAttributeNamespace(i), reader.getAttributeLocalName(i)),
                    reader.getAttributeValue(i));
        }
        return attributes;
    }

    /** The namespace of the reader's current element, "" for none. */
    static String namespaceOf(XMLStreamReader reader) {
        String namespace = reader.getNamespaceURI();
        return namespace == null ? "" : namespace;
    }

    private static String attributeKey(String namespace, String localName) {
        if (namespace == null || namespace.isEmpty()) {
            return localName;
        }
        if (namespace.equals(Namespaces.XML)) {
            return "xml:" + localName;
        }
        return "{" + namespace + "}" + localName;
    }
}
