package org.xmppd.server.component;

import org.xmppd.codec.Element;
import org.xmppd.codec.Node;

/**
 * Moves a stanza between stream content namespaces ({@code jabber:client} inside the server,
 * {@code jabber:component:accept} on a component's stream). Only the stanza and the descendants
 * that inherited its namespace change ({@code body}, {@code error}, {@code subject}...); an
 * element in another namespace, and everything under it, stays as it is, so a forwarded
 * {@code jabber:client} message keeps its own namespace.
 */
final class StanzaNamespaces {
    private StanzaNamespaces() {
    }

    /** {@code element} with the elements in {@code from} that inherit it moved to {@code to}. */
    static Element move(Element element, String from, String to) {
        if (!element.namespace().equals(from)) {
            return element;
        }
        Element.Builder moved = Element.builder(element.name(), to);
        element.attributes().forEach(moved::attribute);
        for (Node child : element.children()) {
            moved.child(child instanceof Element e ? move(e, from, to) : child);
        }
        return moved.build();
    }
}
