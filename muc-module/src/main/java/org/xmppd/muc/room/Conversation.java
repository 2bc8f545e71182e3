package org.xmppd.muc.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/**
 * Talking in a room: messages to all (XEP-0045 §7.4), the subject (§8.1), private messages
 * (§7.5), invitations (§7.8), voice requests (§8.6) and registration (§7.10).
 */
final class Conversation {
    /** What a sent message is, as far as the rules care. */
    record Content(Element payload, int size, boolean hasBody, String subject, boolean keep) {
    }

    private final Engine engine;

    Conversation(Engine engine) {
        this.engine = engine;
    }

    List<RoomEvent> groupMessage(Room room, EntityFullJid session, Content content) throws StanzaErrorException {
        Occupant sender = speaker(room, session);
        if (sender.role() == Role.VISITOR) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Visitors have no voice here"); // §7.4
        }
        List<RoomEvent> events = new ArrayList<>();
        Instant now = engine.clock().instant();
        if (content.subject() != null && !content.hasBody()) {
            boolean may = sender.role() == Role.MODERATOR || room.config().get(RoomOptions.CHANGE_SUBJECT);
            if (!may) {
                throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "You may not change the subject"); // §8.1
            }
            Subject subject = new Subject(content.subject(), sender.nick(), content.payload(), now);
            room.subject(subject);
            engine.repository().save(room);
            events.add(new RoomEvent.SubjectChanged(subject, sender.occupantId()));
            return events;
        }
        HistoryEntry entry = new HistoryEntry(sender.nick(), sender.occupantId(), session, content.payload(),
                engine.archive().nextId(now), now, content.size());
        if (content.keep()) {
            room.addHistory(entry, room.config().get(RoomOptions.HISTORY_LENGTH));
        }
        events.add(new RoomEvent.GroupMessage(entry));
        return events;
    }

    /** §7.5 with the room's {@code allowpm} rule. */
    List<RoomEvent> privateMessage(Room room, EntityFullJid session, String toNick, Element payload)
            throws StanzaErrorException {
        Occupant sender = speaker(room, session);
        Occupant recipient = room.occupant(toNick);
        if (recipient == null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No occupant " + toNick);
        }
        String allowed = room.config().get(RoomOptions.ALLOW_PM);
        boolean may = switch (allowed) {
            case "none" -> false;
            case "moderators" -> sender.role() == Role.MODERATOR;
            case "participants" -> sender.role().atLeast(Role.PARTICIPANT);
            default -> true;
        };
        if (!may) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Private messages are not allowed here");
        }
        return List.of(new RoomEvent.PrivateMessage(sender, recipient, payload));
    }

    /** §7.8.2: an occupant invites someone; options may refuse it or grant membership. */
    List<RoomEvent> invite(Room room, EntityFullJid session, BareJid invitee, String reason, Element payload)
            throws StanzaErrorException {
        Occupant inviter = speaker(room, session);
        Invitation invitation = new Invitation(inviter, room.affiliationOf(inviter.user()), invitee,
                room.affiliationOf(invitee));
        List<RoomEvent> events = new ArrayList<>();
        for (RoomFeature feature : engine.features()) {
            Optional<Affiliation> granted = feature.onInvite(room, invitation);
            if (granted.isPresent()) {
                events.addAll(new Moderation(engine).apply(room,
                        List.of(new Moderation.AffiliationChange(invitee, granted.get(), null, null)), inviter.nick()));
            }
        }
        String password = room.config().get(RoomOptions.PASSWORD_PROTECTED) ? room.config().get(RoomOptions.PASSWORD)
                : null;
        events.add(new RoomEvent.Invited(session, invitee, reason, password, payload));
        return events;
    }

    /** §7.8.2: the invitee declines; the room passes it on. */
    List<RoomEvent> decline(Room room, EntityFullJid session, Jid inviter, String reason) {
        return List.of(new RoomEvent.Declined(session.asBareJid(), inviter, reason));
    }

    /** §8.6: a visitor asks moderators for voice. */
    List<RoomEvent> requestVoice(Room room, EntityFullJid session) throws StanzaErrorException {
        Occupant requester = speaker(room, session);
        if (!room.config().get(RoomOptions.VOICE_REQUESTS)) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Voice requests are off here");
        }
        if (requester.role() != Role.VISITOR) {
            return List.of(); // already has voice: nothing to ask
        }
        return List.of(new RoomEvent.VoiceRequested(requester));
    }

    /** §7.10: the user's reserved nickname, if registered (member or higher with a nick). */
    Optional<String> registeredNick(Room room, BareJid user) {
        AffiliationEntry entry = room.affiliationEntryOrNull(user);
        return entry == null || entry.affiliation() == Affiliation.OUTCAST ? Optional.empty()
                : Optional.ofNullable(entry.nick());
    }

    /** §7.10: registers {@code user} with {@code nick}: they become a member with that nickname reserved. */
    List<RoomEvent> register(Room room, BareJid user, String nick) throws StanzaErrorException {
        if (!room.config().get(RoomOptions.REGISTRATION)) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "Registration is off in this room");
        }
        Affiliation affiliation = room.affiliationOf(user);
        if (affiliation == Affiliation.OUTCAST) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "You are banned from this room");
        }
        Occupant holder = room.occupant(nick);
        if (room.nickOwnerOtherThan(nick, user) != null || (holder != null && !holder.user().equals(user))) {
            throw new StanzaErrorException(StanzaErrorCondition.CONFLICT, "That nickname is taken"); // §7.10
        }
        Affiliation granted = affiliation.atLeast(Affiliation.MEMBER) ? affiliation : Affiliation.MEMBER;
        return new Moderation(engine).apply(room,
                List.of(new Moderation.AffiliationChange(user, granted, null, nick)), null);
    }

    /** The occupant of {@code session}; §7.4/§7.5: others may not speak (not-acceptable). */
    private static Occupant speaker(Room room, EntityFullJid session) throws StanzaErrorException {
        Occupant occupant = room.occupantOf(session);
        if (occupant == null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "You are not in this room");
        }
        return occupant;
    }
}
