package org.xmppd.pubsub.bookmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.xmppd.codec.Element;

/**
 * One room bookmark, convertible between XEP-0048 ({@code <conference jid='...'/>} in
 * {@code storage:bookmarks}) and XEP-0402 (an item with the room JID as id holding
 * {@code <conference xmlns='urn:xmpp:bookmarks:1'/>}).
 *
 * @param jid        the room's JID (the XEP-0402 item id)
 * @param name       a friendly name, or null
 * @param autojoin   whether to join on login
 * @param nick       the nickname, or null
 * @param password   the room password, or null
 * @param extensions XEP-0402 {@code <extensions/>} children, kept as they are (none in XEP-0048)
 */
record Conference(String jid, String name, boolean autojoin, String nick, String password,
        List<Element> extensions) {
    static final String LEGACY = "storage:bookmarks";
    static final String NATIVE = "urn:xmpp:bookmarks:1";

    Conference {
        Objects.requireNonNull(jid, "jid");
        extensions = List.copyOf(extensions);
    }

    /** From a XEP-0048 {@code <conference/>}; empty without a jid. */
    static Optional<Conference> fromLegacy(Element conference) {
        String jid = conference.attributeOrNull("jid");
        if (jid == null || jid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Conference(jid, conference.attributeOrNull("name"), bool(conference), text(conference,
                "nick", LEGACY), text(conference, "password", LEGACY), List.of()));
    }

    /** From a XEP-0402 item's id and payload. */
    static Conference fromNative(String id, Element conference) {
        Element extensions = conference.childOrNull("extensions", NATIVE);
        return new Conference(id, conference.attributeOrNull("name"), bool(conference),
                text(conference, "nick", NATIVE), text(conference, "password", NATIVE),
                extensions == null ? List.of() : extensions.elements());
    }

    Element toLegacy() {
        return build(LEGACY).attribute("jid", jid).build();
    }

    /** The XEP-0402 payload; extensions of the native form are kept by {@code previous}. */
    Element toNative() {
        Element.Builder conference = build(NATIVE);
        if (!extensions.isEmpty()) {
            conference.child(Element.builder("extensions", NATIVE).children(extensions).build());
        }
        return conference.build();
    }

    /** The same bookmark with the extensions of {@code previous} (XEP-0048 cannot carry them). */
    Conference withExtensionsOf(Conference previous) {
        return new Conference(jid, name, autojoin, nick, password, previous.extensions());
    }

    private Element.Builder build(String namespace) {
        Element.Builder conference = Element.builder("conference", namespace).attribute("name", name)
                .attribute("autojoin", autojoin ? "true" : "false");
        List<Element> children = new ArrayList<>();
        if (nick != null) {
            children.add(Element.builder("nick", namespace).text(nick).build());
        }
        if (password != null) {
            children.add(Element.builder("password", namespace).text(password).build());
        }
        return conference.children(children);
    }

    private static boolean bool(Element conference) {
        String autojoin = conference.attributeOrNull("autojoin");
        return "true".equals(autojoin) || "1".equals(autojoin);
    }

    private static String text(Element parent, String name, String namespace) {
        Element child = parent.childOrNull(name, namespace);
        return child == null ? null : child.text();
    }
}
