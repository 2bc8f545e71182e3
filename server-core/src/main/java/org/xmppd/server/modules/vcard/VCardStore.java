package org.xmppd.server.modules.vcard;

import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.codec.Element;
import org.xmppd.server.module.Xml;
import org.xmppd.storage.UserDataStore;

/**
 * Accounts' vCards (XEP-0054) as this module keeps them, for the module and for features that
 * mirror them (XEP-0398 avatars): the {@code <vCard/>} XML as the {@link UserDataStore} entry of
 * kind {@value #KIND} with an empty key.
 */
public final class VCardStore {
    static final String KIND = "vcard";
    private static final String KEY = "";

    private final UserDataStore store;

    public VCardStore(UserDataStore store) {
        this.store = store;
    }

    /** {@code owner}'s vCard, if one was stored. */
    public Optional<Element> get(EntityBareJid owner) {
        return store.get(owner, KIND, KEY).map(Xml::parseElement);
    }

    /** Replaces {@code owner}'s vCard. */
    public void put(EntityBareJid owner, Element vcard) {
        store.put(owner, KIND, KEY, vcard.toXml());
    }
}
