package org.xmppd.muc.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;

/**
 * Someone in a room under a nickname (XEP-0045 §7.2). One user may be present from several of
 * their resources under the same nickname ("multi-session nick", §7.2.9 allows it for the same
 * bare JID); the occupant's presence is the one its latest session sent.
 *
 * @param nick       the nickname, the resource of the occupant JID {@code room@service/nick}
 * @param user       the real bare JID
 * @param role       the role for this visit
 * @param occupantId the XEP-0421 occupant id: stable for this user in this room
 * @param sessions   the user's resources in the room, oldest first, each with its last presence
 */
public record Occupant(String nick, EntityBareJid user, Role role, String occupantId, List<Session> sessions) {
    /**
     * One of the user's resources in the room.
     *
     * @param jid      the real full JID
     * @param presence the last presence it sent to the room, as received (opaque to the engine)
     */
    public record Session(EntityFullJid jid, Element presence) {
        public Session {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(presence, "presence");
        }
    }

    public Occupant {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        sessions = List.copyOf(sessions);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("an occupant has at least one session");
        }
    }

    /** The presence the room shows for this occupant: its most recent session's. */
    public Element presence() {
        return sessions.get(sessions.size() - 1).presence();
    }

    /** The real full JIDs of the sessions. */
    public List<EntityFullJid> jids() {
        return sessions.stream().map(Session::jid).toList();
    }

    public boolean has(EntityFullJid jid) {
        return sessions.stream().anyMatch(s -> s.jid().equals(jid));
    }

    public Occupant withRole(Role newRole) {
        return new Occupant(nick, user, newRole, occupantId, sessions);
    }

    public Occupant withNick(String newNick) {
        return new Occupant(newNick, user, role, occupantId, sessions);
    }

    /** With {@code jid}'s presence replaced (or the session added), as the latest session. */
    public Occupant withSession(EntityFullJid jid, Element presence) {
        List<Session> updated = new ArrayList<>(sessions.size() + 1);
        sessions.stream().filter(s -> !s.jid().equals(jid)).forEach(updated::add);
        updated.add(new Session(jid, presence));
        return new Occupant(nick, user, role, occupantId, updated);
    }

    /** Without {@code jid}'s session; the caller removes the occupant when it was the last. */
    public Occupant withoutSession(EntityFullJid jid) {
        return new Occupant(nick, user, role, occupantId,
                sessions.stream().filter(s -> !s.jid().equals(jid)).toList());
    }
}
