package org.xmppd.server.modules.disco;

import java.util.SortedSet;
import java.util.TreeSet;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.module.DiscoInfo;
import org.xmppd.server.module.DiscoItem;
import org.xmppd.server.module.DiscoTarget;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.Identity;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.modules.caps.EntityCaps;

/**
 * XEP-0030: Service Discovery for the server and for accounts. Features come from the IQ
 * routes other modules registered, so nothing is announced twice or forgotten.
 * <pre>
 * C: &lt;iq type='get' to='example.org' id='d1'&gt;&lt;query xmlns='http://jabber.org/protocol/disco#info'/&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' ...&gt;&lt;query ...&gt;&lt;identity category='server' type='im'/&gt;&lt;feature var='urn:xmpp:ping'/&gt;...
 * </pre>
 * Accounts (XEP-0030 §3.1, RFC 6121 §8.5.1) answer with the {@code account/registered} identity;
 * only their owner sees more (node queries come with PEP).
 */
@Xep(number = 30, version = "2.5rc3")
public final class DiscoModule implements XmppModule {
    public static final String INFO = "http://jabber.org/protocol/disco#info";
    public static final String ITEMS = "http://jabber.org/protocol/disco#items";

    private ModuleContext context;

    @Override
    public String name() {
        return "disco";
    }

    @Override
    public void start(ModuleContext ctx) {
        this.context = ctx;
        ctx.identity(DiscoTarget.SERVER, new Identity("server", "im", ctx.server().name()));
        ctx.identity(DiscoTarget.ACCOUNT, new Identity("account", "registered", null));
        ctx.onIq(IqRoute.get("query", INFO).toServer().toAccounts(), this::info);
        ctx.onIq(IqRoute.get("query", ITEMS).toServer().toAccounts(), this::items);
    }

    private Element info(Iq iq) throws StanzaErrorException {
        Element query = iq.payload().orElseThrow();
        DiscoInfo info = withInfoFeature(context.discoInfo(targetOf(iq)));
        String node = query.attributeOrNull("node");
        // XEP-0115 §6.2: the entity capabilities node answers like the entity itself.
        if (node != null && !node.equals(EntityCaps.node(info))) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No such node: " + node);
        }
        Element.Builder result = Element.builder("query", INFO).attribute("node", node);
        for (Identity identity : info.identities()) {
            result.child(Element.builder("identity", INFO)
                    .attribute("category", identity.category())
                    .attribute("type", identity.type())
                    .attribute("name", identity.name())
                    .build());
        }
        for (String feature : info.features()) {
            result.child(Element.builder("feature", INFO).attribute("var", feature).build());
        }
        return iq.result(result.build());
    }

    /** Every entity answering disco#info supports it (XEP-0030 §3.1). */
    private static DiscoInfo withInfoFeature(DiscoInfo info) {
        SortedSet<String> features = new TreeSet<>(info.features());
        features.add(INFO);
        return new DiscoInfo(info.identities(), features);
    }

    private Element items(Iq iq) throws StanzaErrorException {
        Element query = iq.payload().orElseThrow();
        String node = query.attributeOrNull("node");
        if (node != null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No such node: " + node);
        }
        Element.Builder result = Element.builder("query", ITEMS);
        if (targetOf(iq) == DiscoTarget.SERVER) {
            // XEP-0030 §4: the server lists the services it hosts (MUC, PubSub...).
            DomainBareJid domain = iq.to() == null ? iq.from().asDomainBareJid() : iq.to().asDomainBareJid();
            for (DiscoItem item : context.serviceItems(domain)) {
                result.child(Element.builder("item", ITEMS).attribute("jid", item.jid().toString())
                        .attribute("name", item.name()).build());
            }
        }
        // Accounts list no items until PEP nodes exist.
        return iq.result(result.build());
    }

    private static DiscoTarget targetOf(Iq iq) throws StanzaErrorException {
        Jid to = iq.to();
        if (to == null) {
            return iq.from() != null && iq.from().hasLocalpart() ? DiscoTarget.ACCOUNT : DiscoTarget.SERVER;
        }
        return to.hasLocalpart() ? DiscoTarget.ACCOUNT : DiscoTarget.SERVER;
    }
}
