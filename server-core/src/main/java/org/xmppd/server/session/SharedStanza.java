package org.xmppd.server.session;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.XmlWriter;

/**
 * One stanza sent to many recipients that differ only in {@code to}, such as a XEP-0045 room
 * message fanned out to every occupant. It is serialized once; each recipient's copy is the
 * shared bytes with its own {@code to} put first, so a room of 500 occupants costs one
 * serialization and 500 byte copies rather than 500 serializations.
 *
 * <p>Sessions that must keep the stanza itself (stream management's resend queue, say) get it
 * from {@link #element(Jid)}; the bytes and the element always say the same thing.
 */
public final class SharedStanza {
    private final Element template;
    private final byte[] start;
    private final byte[] rest;

    private SharedStanza(Element template) {
        this.template = template;
        String name = template.name();
        String xml = XmlWriter.toStreamXml(template, Namespaces.CLIENT);
        // xml is "<name" + attributes and content; 'to' goes right after the name.
        this.start = ("<" + name + " to=\"").getBytes(StandardCharsets.UTF_8);
        this.rest = ("\"" + xml.substring(1 + name.length())).getBytes(StandardCharsets.UTF_8);
    }

    /** The stanza to share; its {@code to}, if any, is dropped (each recipient gets its own). */
    public static SharedStanza of(Element stanza) {
        return new SharedStanza(Objects.requireNonNull(stanza, "stanza").withAttribute("to", null));
    }

    /** The stanza without {@code to}. */
    public Element template() {
        return template;
    }

    /** The copy for {@code to}, as an element. */
    public Element element(Jid to) {
        return template.withAttribute("to", to.toString());
    }

    /** The copy for {@code to}, serialized for a {@code jabber:client} stream, in UTF-8. */
    public byte[] streamBytes(Jid to) {
        StringBuilder escaped = new StringBuilder(64);
        XmlWriter.escape(to.toString(), true, escaped);
        byte[] jid = escaped.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[start.length + jid.length + rest.length];
        System.arraycopy(start, 0, out, 0, start.length);
        System.arraycopy(jid, 0, out, start.length, jid.length);
        System.arraycopy(rest, 0, out, start.length + jid.length, rest.length);
        return out;
    }
}
