package org.xmppd.server.modules.privatexml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.server.module.DiscoTarget;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.storage.UserDataStore;

/**
 * XEP-0049: Private XML Storage. Each namespace's elements are kept together in the
 * {@link PrivateXmlStore}; a set replaces the elements of each namespace it carries, a get returns
 * them (XEP-0049 §2.3: a result may hold several).
 * <pre>
 * C: &lt;iq type='set' id='p1'&gt;&lt;query xmlns='jabber:iq:private'&gt;&lt;prefs xmlns='my:prefs'&gt;...&lt;/prefs&gt;&lt;/query&gt;&lt;/iq&gt;
 * C: &lt;iq type='get' id='p2'&gt;&lt;query xmlns='jabber:iq:private'&gt;&lt;prefs xmlns='my:prefs'/&gt;&lt;/query&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' id='p2'&gt;&lt;query xmlns='jabber:iq:private'&gt;&lt;prefs xmlns='my:prefs'&gt;...&lt;/prefs&gt;&lt;/query&gt;&lt;/iq&gt;
 * </pre>
 */
@Xep(number = 49, version = "1.2")
public final class PrivateXmlModule implements XmppModule {
    public static final String NAMESPACE = "jabber:iq:private";

    private PrivateXmlStore store;

    @Override
    public String name() {
        return "private";
    }

    @Override
    public void start(ModuleContext context) {
        store = new PrivateXmlStore(context.storage().userData());
        context.onIq(IqRoute.get("query", NAMESPACE).toAccounts(), this::get);
        context.onIq(IqRoute.set("query", NAMESPACE).toAccounts(), this::set);
        context.feature(DiscoTarget.SERVER, NAMESPACE); // clients look for it at their server
    }

    private Element get(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = owner(iq);
        List<Element> asked = children(iq);
        if (asked.size() > 1) {
            // §2.3: a client MUST NOT query for more than one namespace in a single get.
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Ask for one namespace per request");
        }
        Element wanted = asked.get(0);
        String namespace = checkedNamespace(wanted);
        List<Element> stored = store.get(owner, namespace);
        // Nothing stored: the empty element back.
        return iq.result(Element.builder("query", NAMESPACE)
                .children(stored.isEmpty() ? List.of(Element.of(wanted.name(), namespace)) : stored).build());
    }

    private Element set(Iq iq) throws StanzaErrorException {
        EntityBareJid owner = owner(iq);
        Map<String, List<Element>> byNamespace = new LinkedHashMap<>();
        for (Element child : children(iq)) {
            byNamespace.computeIfAbsent(checkedNamespace(child), ns -> new ArrayList<>()).add(child);
        }
        byNamespace.forEach((namespace, elements) -> store.put(owner, namespace, elements));
        return iq.emptyResult();
    }

    /** §2.3: only the user's own data, asked without 'to' or at the own bare JID. */
    private static EntityBareJid owner(Iq iq) throws StanzaErrorException {
        Jid from = iq.from();
        Jid to = iq.to();
        if (from == null || !from.hasLocalpart() || (to != null && !to.equals(from.asBareJid()))) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Private data belongs to its owner only");
        }
        return from.asEntityBareJidIfPossible();
    }

    /** §2.3: at least one child, else not-acceptable. */
    private static List<Element> children(Iq iq) throws StanzaErrorException {
        List<Element> children = iq.payload().orElseThrow().elements();
        if (children.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "Name the namespace: the query needs a child element");
        }
        return children;
    }

    /** §2.3: reserved namespaces ('jabber:', 'http://jabber.org/', vcard-temp) are refused. */
    private static String checkedNamespace(Element child) throws StanzaErrorException {
        String namespace = child.namespace();
        if (namespace.isEmpty() || namespace.startsWith("jabber:") || namespace.startsWith("http://jabber.org/")
                || namespace.equals("vcard-temp")
                || namespace.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > UserDataStore.MAX_KEY_BYTES) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "Namespace " + namespace + " cannot be used for private data");
        }
        return namespace;
    }
}
