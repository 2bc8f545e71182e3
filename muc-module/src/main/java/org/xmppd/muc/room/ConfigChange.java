package org.xmppd.muc.room;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jxmpp.jid.BareJid;

/**
 * A configuration being submitted (XEP-0045 §10.2): the new settings and the affiliations the
 * form sets ({@code muc#roomconfig_roomowners}, {@code ..._roomadmins}).
 */
public record ConfigChange(RoomConfig config, Map<BareJid, Affiliation> affiliations) {
    public ConfigChange {
        affiliations = Map.copyOf(affiliations);
    }

    public <T> ConfigChange with(RoomOption<T> option, T value) {
        return new ConfigChange(config.with(option, value), affiliations);
    }

    public ConfigChange withAffiliation(BareJid jid, Affiliation affiliation) {
        Map<BareJid, Affiliation> more = new LinkedHashMap<>(affiliations);
        more.put(jid, affiliation);
        return new ConfigChange(config, more);
    }
}
