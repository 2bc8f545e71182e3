package org.xmppd.storage;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jxmpp.jid.EntityBareJid;

/**
 * A persistent room as a {@link RoomStore} keeps it.
 *
 * @param jid       the room's bare JID
 * @param config    option name to value, as the MUC module writes them; sorted by name
 * @param subject   the current subject, or null when none was ever set
 * @param subjectBy the nickname that set it, or null
 * @param created   when the room was created (to the millisecond)
 */
public record StoredRoom(EntityBareJid jid, Map<String, String> config, String subject, String subjectBy,
        Instant created) {
    public StoredRoom {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(created, "created");
        config = Collections.unmodifiableSortedMap(new TreeMap<>(config));
    }
}
