package org.xmppd.server.component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jxmpp.jid.DomainBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Message;
import org.xmppd.codec.Stanza;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrors;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.router.Router;

/**
 * The configured component domains as routing targets: each is hosted through the module SPI
 * ({@link ModuleContext#service}), so stanzas to the domain or any JID under it come here, and a
 * component that is a subdomain of a host is listed in that host's disco#items. Stanzas go to
 * the domain's connected stream; with none connected, messages and IQ requests bounce with
 * {@code service-unavailable} of type {@code wait} (the component may come back; Prosody does
 * the same) and presence is dropped.
 *
 * <p>One connection per domain: a second component authenticating for a connected domain gets
 * {@code conflict} and the established one stays (Prosody's behaviour; XEP-0114 is silent), so a
 * misconfigured second instance cannot take over a working bridge.
 */
@Xep(number = 114, version = "1.6")
public final class ComponentRouting implements XmppModule {
    public static final String NAME = "components";
    private static final Logger LOG = LoggerFactory.getLogger(ComponentRouting.class);

    private final Map<DomainBareJid, String> secrets;
    private final ConcurrentMap<DomainBareJid, ComponentStream> connected = new ConcurrentHashMap<>();
    private Router router;

    /** @param secrets each component domain with its shared secret */
    public ComponentRouting(Map<DomainBareJid, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(ModuleContext context) {
        router = context.router();
        for (DomainBareJid domain : secrets.keySet()) {
            context.service(domain, null, stanza -> deliver(domain, stanza));
        }
    }

    /** The shared secret of {@code domain}, or null when it is not a configured component. */
    String secretOf(DomainBareJid domain) {
        return secrets.get(domain);
    }

    /** Makes {@code stream} the route to its domain; false when another stream holds it. */
    boolean attach(DomainBareJid domain, ComponentStream stream) {
        boolean attached = connected.putIfAbsent(domain, stream) == null;
        if (attached) {
            LOG.info("component {} connected from {}", domain, stream);
        }
        return attached;
    }

    /** The stream ended: its domain is unreachable until the component connects again. */
    void detach(DomainBareJid domain, ComponentStream stream) {
        if (connected.remove(domain, stream)) {
            LOG.info("component {} disconnected", domain);
        }
    }

    /** Whether a component is connected for {@code domain}. */
    public boolean isConnected(DomainBareJid domain) {
        return connected.containsKey(domain);
    }

    private void deliver(DomainBareJid domain, Stanza stanza) {
        ComponentStream stream = connected.get(domain);
        if (stream != null && stream.send(stanza.element())) {
            return;
        }
        boolean answerable = !stanza.isError() && stanza.element().attributeOrNull("from") != null
                && (stanza instanceof Message || (stanza instanceof Iq iq && iq.isRequest()));
        if (answerable) {
            router.route(StanzaErrors.error(stanza.element(), StanzaErrorCondition.SERVICE_UNAVAILABLE, "wait",
                    "The component " + domain + " is not connected"));
        }
    }
}
