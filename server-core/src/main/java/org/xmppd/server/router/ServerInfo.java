package org.xmppd.server.router;

import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;

/** Facts about this server that modules need: its domains, name and version. */
public record ServerInfo(List<DomainBareJid> domains, String name, String version) {
    public ServerInfo {
        domains = List.copyOf(domains);
    }

    /** True when {@code jid}'s domain is served here. */
    public boolean isLocal(Jid jid) {
        return jid != null && domains.contains(jid.asDomainBareJid());
    }
}
