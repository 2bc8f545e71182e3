package org.xmppd.codec;

import java.util.Map;

/**
 * Serializes elements. A namespace is declared only where it differs from the parent's, so a
 * stanza written inside a {@code jabber:client} stream carries no {@code xmlns}; elements in the
 * streams namespace use the {@code stream:} prefix of the stream header.
 *
 * <p>An element with element children, written inside a parent, keeps its XML: elements are
 * immutable, and a fan-out (a PubSub item to every subscriber, a room's presence to every
 * occupant) writes one payload under many copies of the stanza that differ only in {@code to}.
 */
public final class XmlWriter {
    private XmlWriter() {
    }

    /** Serializes a stand-alone element: its namespace (and {@code stream:} prefix) declared. */
    public static String toXml(Element element) {
        StringBuilder out = new StringBuilder(128);
        write(element, "", false, out);
        return out.toString();
    }

    /**
     * Serializes a top-level element of a stream whose default namespace is {@code streamNamespace}
     * and whose header declares the {@code stream:} prefix.
     */
    public static String toStreamXml(Element element, String streamNamespace) {
        StringBuilder out = new StringBuilder(128);
        write(element, streamNamespace, true, out);
        return out.toString();
    }

    /**
     * Appends {@code element}, written inside a parent whose default namespace is
     * {@code parentNamespace}; {@code streamPrefixInScope} says whether {@code stream:} is declared.
     */
    public static void write(Element element, String parentNamespace, boolean streamPrefixInScope,
            StringBuilder out) {
        boolean prefixed = element.namespace().equals(Namespaces.STREAMS);
        out.append('<');
        if (prefixed) {
            out.append("stream:");
        }
        out.append(element.name());
        String childNamespace = parentNamespace;
        boolean prefixInScope = streamPrefixInScope;
        if (prefixed) {
            if (!streamPrefixInScope) {
                out.append(" xmlns:stream=\"").append(Namespaces.STREAMS).append('"');
                prefixInScope = true;
            }
        } else if (!element.namespace().equals(parentNamespace)) {
            out.append(" xmlns=\"");
            escape(element.namespace(), true, out);
            out.append('"');
            childNamespace = element.namespace();
        }
        writeAttributes(element.attributes(), out);
        if (element.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node child : element.children()) {
            if (child instanceof Element e) {
                writeChild(e, childNamespace, prefixInScope, out);
            } else {
                escape(((Text) child).value(), false, out);
            }
        }
        out.append("</");
        if (prefixed) {
            out.append("stream:");
        }
        out.append(element.name()).append('>');
    }

    /** What an element looked like written under a parent namespace and prefix scope. */
    record Written(String parentNamespace, boolean streamPrefixInScope, String xml) {
    }

    private static void writeChild(Element element, String parentNamespace, boolean streamPrefixInScope,
            StringBuilder out) {
        if (!hasElementChildren(element)) {
            write(element, parentNamespace, streamPrefixInScope, out);
            return;
        }
        Written written = element.written();
        if (written == null || written.streamPrefixInScope() != streamPrefixInScope
                || !written.parentNamespace().equals(parentNamespace)) {
            StringBuilder xml = new StringBuilder(128);
            write(element, parentNamespace, streamPrefixInScope, xml);
            // A race between two writers stores the same text twice.
            written = new Written(parentNamespace, streamPrefixInScope, xml.toString());
            element.written(written);
        }
        out.append(written.xml());
    }

    private static boolean hasElementChildren(Element element) {
        for (Node child : element.children()) {
            if (child instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static void writeAttributes(Map<String, String> attributes, StringBuilder out) {
        int declared = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String key = attribute.getKey();
            out.append(' ');
            if (key.startsWith("{")) {
                int end = key.indexOf('}');
                String prefix = "ns" + declared++;
                out.append("xmlns:").append(prefix).append("=\"");
                escape(key.substring(1, end), true, out);
                out.append("\" ").append(prefix).append(':').append(key, end + 1, key.length());
            } else {
                out.append(key);
            }
            out.append("=\"");
            escape(attribute.getValue(), true, out);
            out.append('"');
        }
    }

    /** Escapes character data ({@code attribute} false) or an attribute value in double quotes. */
    public static void escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }
}
