package org.xmppd.server.modules.vcard;

import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;

/**
 * XEP-0054: vcard-temp. The server answers for accounts' bare JIDs: anyone may read a vCard
 * (§3.1), only its owner may publish one (§3.2). An account without a vCard, and the server
 * itself, answer with an empty {@code <vCard/>} (§3.1 allows it instead of item-not-found).
 * <pre>
 * C: &lt;iq type='get' to='juliet@example.com' id='v1'&gt;&lt;vCard xmlns='vcard-temp'/&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' from='juliet@example.com' id='v1'&gt;&lt;vCard xmlns='vcard-temp'&gt;&lt;FN&gt;Juliet&lt;/FN&gt;...
 * </pre>
 */
@Xep(number = 54, version = "1.2")
public final class VCardModule implements XmppModule {
    public static final String NAMESPACE = "vcard-temp";
    /**
     * Longest vCard kept, in characters of XML: room for a small avatar (vCards carry photos),
     * while one account cannot fill the database whatever the stanza size limit is.
     */
    public static final int MAX_CHARS = 192 * 1024;

    private VCardStore store;

    @Override
    public String name() {
        return "vcard";
    }

    @Override
    public void start(ModuleContext context) {
        store = new VCardStore(context.storage().userData());
        context.onIq(IqRoute.get("vCard", NAMESPACE).toServer().toAccounts(), this::get);
        context.onIq(IqRoute.set("vCard", NAMESPACE).toAccounts(), this::set);
    }

    private Element get(Iq iq) throws StanzaErrorException {
        Jid about = iq.to() != null ? iq.to() : iq.from();
        if (about == null || !about.hasLocalpart()) {
            return iq.result(Element.of("vCard", NAMESPACE)); // the server has no vCard of its own
        }
        return iq.result(store.get(about.asEntityBareJidIfPossible()).orElseGet(() -> Element.of("vCard", NAMESPACE)));
    }

    private Element set(Iq iq) throws StanzaErrorException {
        Jid from = iq.from();
        Jid to = iq.to();
        if (from == null || !from.hasLocalpart() || (to != null && !to.equals(from.asBareJid()))) {
            // §3.2: a user publishes only their own vCard.
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only the owner may change a vCard");
        }
        Element vcard = iq.payload().orElseThrow();
        if (vcard.toXml().length() > MAX_CHARS) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "The vCard is larger than " + MAX_CHARS + " characters; use a smaller photo");
        }
        store.put(from.asEntityBareJidIfPossible(), vcard);
        return iq.emptyResult();
    }
}
