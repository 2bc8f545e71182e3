package org.xmppd.codec;

import java.util.Objects;
import org.jxmpp.jid.Jid;

/**
 * A typed view of a top-level {@code message}, {@code presence} or {@code iq} element. The
 * element stays the single source of truth; addresses are parsed on first use.
 */
public abstract sealed class Stanza permits Message, Presence, Iq {
    private final Element element;
    private Jid from;
    private Jid to;

    Stanza(Element element) {
        this.element = Objects.requireNonNull(element, "element");
    }

    /**
     * The view for {@code element}, or null when it is not a stanza of one of the given content
     * namespaces (RFC 6120 §4.9.3.22: a different name is an unsupported stanza type).
     */
    public static Stanza ofOrNull(Element element) {
        String ns = element.namespace();
        if (!ns.equals(Namespaces.CLIENT) && !ns.equals(Namespaces.SERVER)
                && !ns.equals(Namespaces.COMPONENT_ACCEPT)) {
            return null;
        }
        return switch (element.name()) {
            case "message" -> new Message(element);
            case "presence" -> new Presence(element);
            case "iq" -> new Iq(element);
            default -> null;
        };
    }

    public static boolean isStanzaName(String name) {
        return name.equals("message") || name.equals("presence") || name.equals("iq");
    }

    public Element element() {
        return element;
    }

    public String id() {
        return element.attributeOrNull("id");
    }

    /** The {@code type} attribute, or null when absent. */
    public String type() {
        return element.attributeOrNull("type");
    }

    public boolean isError() {
        return "error".equals(type());
    }

    /** The sender, or null when the stanza has no {@code from}. */
    public Jid from() throws StanzaErrorException {
        if (from == null) {
            from = Jids.parseOrNull(element.attributeOrNull("from"));
        }
        return from;
    }

    /** The recipient, or null when the stanza has no {@code to}. */
    public Jid to() throws StanzaErrorException {
        if (to == null) {
            to = Jids.parseOrNull(element.attributeOrNull("to"));
        }
        return to;
    }

    /** The same stanza with {@code from} set, as a new element. */
    public Element withFrom(Jid newFrom) {
        return element.withAttribute("from", newFrom == null ? null : newFrom.toString());
    }

    /** The same stanza with {@code to} set, as a new element. */
    public Element withTo(Jid newTo) {
        return element.withAttribute("to", newTo == null ? null : newTo.toString());
    }

    @Override
    public String toString() {
        return element.toXml();
    }
}
