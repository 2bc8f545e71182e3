package org.xmppd.muc.room;

import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;

/**
 * What an engine operation changed, for the XML layer to tell the people concerned. Events are
 * published in order while the room is still locked, so every occupant sees the same order.
 */
public sealed interface RoomEvent {
    /**
     * {@code session} entered as {@code occupant} (§7.2.3): it learns the others, everyone
     * learns it, then it gets {@code history} and the subject.
     *
     * @param selfCodes   status codes for the new session's own presence (besides 110)
     * @param newOccupant false when the user was already in under this nickname from another resource
     */
    record Entered(Occupant occupant, EntityFullJid session, Set<Integer> selfCodes, List<HistoryEntry> history,
            boolean newOccupant) implements RoomEvent {
    }

    /** The occupant's presence, role or affiliation changed (§7.7, §9, §10): everyone learns it. */
    record PresenceChanged(Occupant occupant, Set<Integer> codes, String actorNick, String reason)
            implements RoomEvent {
    }

    /**
     * The occupant is gone, every session of it (§7.14, kicks §8.2, bans §9.1, destruction...).
     *
     * @param presence the unavailable presence it sent, or null when it was removed
     */
    record Left(Occupant occupant, Set<Integer> codes, String actorNick, String reason, Element presence)
            implements RoomEvent {
    }

    /** One of several sessions of the occupant left; only that session is told. */
    record SessionLeft(Occupant occupant, EntityFullJid session, Element presence) implements RoomEvent {
    }

    /** The occupant changed nickname (§7.6). */
    record NickChanged(Occupant before, Occupant after) implements RoomEvent {
    }

    /** A message to everyone (§7.4). */
    record GroupMessage(HistoryEntry entry) implements RoomEvent {
    }

    /** A new subject (§8.1). */
    record SubjectChanged(Subject subject, String occupantId) implements RoomEvent {
    }

    /** A private message between occupants (§7.5). */
    record PrivateMessage(Occupant from, Occupant to, Element payload) implements RoomEvent {
    }

    /** A mediated invitation to pass on (§7.8.2). */
    record Invited(Jid inviter, BareJid invitee, String reason, String password, Element payload)
            implements RoomEvent {
    }

    /** A declined invitation to pass on (§7.8.2). */
    record Declined(BareJid decliner, Jid inviter, String reason) implements RoomEvent {
    }

    /** A visitor asks for voice; moderators get the request form (§8.6). */
    record VoiceRequested(Occupant requester) implements RoomEvent {
    }

    /** The configuration changed; occupants get the status codes (§10.2.1). */
    record ConfigChanged(Set<Integer> codes) implements RoomEvent {
    }

    /** The room is destroyed (§10.9); its occupants were removed. */
    record Destroyed(List<Occupant> occupants, String reason, EntityBareJid alternate, String password)
            implements RoomEvent {
    }
}
