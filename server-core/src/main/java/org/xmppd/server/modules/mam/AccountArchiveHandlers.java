package org.xmppd.server.modules.mam;

import java.util.ArrayList;
import java.util.List;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.session.ClientSession;
import org.xmppd.server.session.SessionRegistry;
import org.xmppd.storage.ArchiveStore;

/**
 * The IQs a user sends about their own archive: queries and the query form (XEP-0313 §4),
 * metadata (§7), preferences (§6), and deleting messages from one's own view
 * ({@link #DELETE_NAMESPACE}, ours: the others' copies stay).
 */
final class AccountArchiveHandlers {
    /** {@code <delete xmlns='urn:xmppd:mam:delete:0'><item id='...'/></delete>}: removes messages from one's own archive. */
    static final String DELETE_NAMESPACE = "urn:xmppd:mam:delete:0";

    private final ArchiveStore store;
    private final ArchiveReader reader;
    private final ArchivingPolicy policy;
    private final SessionRegistry sessions;

    AccountArchiveHandlers(ArchiveStore store, ArchiveReader reader, ArchivingPolicy policy,
            SessionRegistry sessions) {
        this.store = store;
        this.reader = reader;
        this.policy = policy;
        this.sessions = sessions;
    }

    Element query(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = ownArchive(iq);
        ClientSession session = sessions.find(iq.from().asEntityFullJidIfPossible()).orElse(null);
        return reader.query(iq, owner, result -> {
            if (session != null) {
                session.deliver(result);
            }
        });
    }

    Element form(Iq iq) throws StanzaErrorException {
        ownArchive(iq);
        return reader.form(iq);
    }

    Element metadata(Iq iq) throws StanzaErrorException {
        return reader.metadata(iq, ownArchive(iq));
    }

    Element getPrefs(Iq iq) throws StanzaErrorException {
        return iq.result(policy.prefs(ownArchive(iq)).toXml(MamModule.NAMESPACE));
    }

    Element setPrefs(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = ownArchive(iq);
        ArchivePrefs prefs = ArchivePrefs.fromXml(iq.payload().orElseThrow());
        policy.set(owner, prefs);
        return iq.result(prefs.toXml(MamModule.NAMESPACE));
    }

    /** Removes the named messages from the user's own archive; all or nothing. */
    Element delete(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = ownArchive(iq);
        List<Long> ids = new ArrayList<>();
        for (Element item : iq.payload().orElseThrow().elements()) {
            if (item.is("item", DELETE_NAMESPACE)) {
                ids.add(MamQuery.id(item.attributeOrNull("id")));
            }
        }
        if (ids.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Name the messages: <item id='...'/>");
        }
        reader.requireExisting(owner, ids);
        ids.forEach(id -> store.delete(owner, id));
        return iq.emptyResult();
    }

    /** The sender's own account: nobody reads or changes another user's archive. */
    private static EntityBareJid ownArchive(Iq iq) throws StanzaErrorException {
        Jid from = iq.from();
        Jid to = iq.to();
        if (from == null || !from.hasLocalpart() || (to != null && !to.equals(from.asBareJid()))) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only the owner can use an archive");
        }
        return from.asEntityBareJidIfPossible();
    }
}
