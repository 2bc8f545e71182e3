package org.xmppd.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The opening {@code <stream:stream>} tag (RFC 6120 §4.7).
 *
 * @param attributes its attributes in document order ({@code from}, {@code to}, {@code id},
 *     {@code version}, and {@code xml:lang} under the key "xml:lang"); namespace declarations are
 *     not attributes
 * @param contentNamespace the default namespace the header declared ("jabber:client",
 *     "jabber:server", "jabber:component:accept"...), or "" when it declared none; whether it is
 *     acceptable is the stream's decision (RFC 6120 §4.9.3.10 {@code invalid-namespace})
 */
public record StreamOpen(Map<String, String> attributes, String contentNamespace) {
    public StreamOpen {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        Objects.requireNonNull(contentNamespace, "contentNamespace");
    }

    public String attributeOrNull(String key) {
        return attributes.get(key);
    }

    /**
     * The response header a server writes (RFC 6120 §4.7): the XML declaration, then
     * {@code <stream:stream xmlns='...' xmlns:stream='http://etherx.jabber.org/streams' ...>} with
     * the given attributes in map order, values escaped, null values skipped.
     */
    public static String header(String contentNamespace, Map<String, String> attributes) {
        StringBuilder out = new StringBuilder(256).append("<?xml version='1.0'?><stream:stream xmlns='");
        XmlWriter.escape(contentNamespace, true, out);
        out.append("' xmlns:stream='").append(Namespaces.STREAMS).append('\'');
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (attribute.getValue() != null) {
                out.append(' ').append(attribute.getKey()).append("='");
                XmlWriter.escape(attribute.getValue(), true, out);
                out.append('\'');
            }
        }
        return out.append('>').toString();
    }
}
