package org.xmppd.server.modules.privatexml;

import java.util.List;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.codec.Element;
import org.xmppd.server.module.Xml;
import org.xmppd.storage.UserDataStore;

/**
 * Accounts' private XML (XEP-0049) as this module keeps it, for the module and for features that
 * mirror it (XEP-0402 bookmarks {@code #compat}): per namespace, one {@link UserDataStore} entry
 * of kind {@value #KIND} keyed by the namespace, holding the elements in a
 * {@code <query xmlns='jabber:iq:private'/>} wrapper.
 */
public final class PrivateXmlStore {
    static final String KIND = "private";

    private final UserDataStore store;

    public PrivateXmlStore(UserDataStore store) {
        this.store = store;
    }

    /** The elements {@code owner} keeps in {@code namespace}; empty when none were stored. */
    public List<Element> get(EntityBareJid owner, String namespace) {
        return store.get(owner, KIND, namespace).map(xml -> Xml.parseElement(xml).elements()).orElse(List.of());
    }

    /** Replaces the elements {@code owner} keeps in {@code namespace}. */
    public void put(EntityBareJid owner, String namespace, List<Element> elements) {
        store.put(owner, KIND, namespace,
                Element.builder("query", PrivateXmlModule.NAMESPACE).children(elements).build().toXml());
    }
}
