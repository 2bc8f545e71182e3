package org.xmppd.server.modules.disco;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.xmppd.server.module.DiscoNodes;
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
 * Accounts (XEP-0030 §3.1, RFC 6121 §8.5.1) answer with the {@code account/registered} identity.
 * Nodes (§3.2, §4.2) are answered by the {@link DiscoNodes} providers modules register, such as
 * the PEP nodes of accounts (XEP-0163 §6).
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
        DiscoTarget target = targetOf(iq);
        DiscoInfo info = withInfoFeature(context.discoInfo(target));
        String node = query.attributeOrNull("node");
        // XEP-0115 §6.2: the entity capabilities node answers like the entity itself.
        if (node != null && !node.equals(EntityCaps.node(info))) {
            info = nodeInfo(iq, target, node);
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

    /** §3.2: the info of a node, from the first provider that knows it (e.g. a PEP node). */
    private DiscoInfo nodeInfo(Iq iq, DiscoTarget target, String node) throws StanzaErrorException {
        for (DiscoNodes provider : context.discoNodes(target)) {
            Optional<DiscoInfo> info = provider.info(iq.from(), entityOf(iq), node);
            if (info.isPresent()) {
                return info.get();
            }
        }
        throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No such node: " + node);
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
        DiscoTarget target = targetOf(iq);
        List<DiscoItem> items = new ArrayList<>();
        boolean known = node == null;
        if (node == null && target == DiscoTarget.SERVER) {
            // XEP-0030 §4: the server lists the services it hosts (MUC, PubSub...).
            DomainBareJid domain = iq.to() == null ? iq.from().asDomainBareJid() : iq.to().asDomainBareJid();
            items.addAll(context.serviceItems(domain));
        }
        // §4.2: providers add their nodes at the top level, and answer for the nodes they know.
        for (DiscoNodes provider : context.discoNodes(target)) {
            Optional<List<DiscoItem>> provided = provider.items(iq.from(), entityOf(iq), node);
            if (provided.isPresent()) {
                items.addAll(provided.get());
                known = true;
                if (node != null) {
                    break;
                }
            }
        }
        if (!known) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No such node: " + node);
        }
        Element.Builder result = Element.builder("query", ITEMS).attribute("node", node);
        for (DiscoItem item : items) {
            result.child(Element.builder("item", ITEMS).attribute("jid", item.jid().toString())
                    .attribute("node", item.node()).attribute("name", item.name()).build());
        }
        return iq.result(result.build());
    }

    /** The entity asked about: the addressee, or the sender's own account (RFC 6120 §10.3.3). */
    private static Jid entityOf(Iq iq) throws StanzaErrorException {
        if (iq.to() != null) {
            return iq.to();
        }
        return iq.from().hasLocalpart() ? iq.from().asBareJid() : iq.from().asDomainBareJid();
    }

    private static DiscoTarget targetOf(Iq iq) throws StanzaErrorException {
        Jid to = iq.to();
        if (to == null) {
            return iq.from() != null && iq.from().hasLocalpart() ? DiscoTarget.ACCOUNT : DiscoTarget.SERVER;
        }
        return to.hasLocalpart() ? DiscoTarget.ACCOUNT : DiscoTarget.SERVER;
    }
}
