package org.xmppd.muc.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/**
 * Roles and affiliations changed by moderators, admins and owners (XEP-0045 §8.2-§8.5, §9, §10.3-
 * §10.8). A request is checked whole before anything changes: one refused item refuses it all.
 */
final class Moderation {
    /** Give {@code nick} the role {@code role} (none kicks). */
    record RoleChange(String nick, Role role, String reason) {
    }

    /** Give {@code jid} the affiliation {@code affiliation} (outcast bans, none removes). */
    record AffiliationChange(BareJid jid, Affiliation affiliation, String reason, String nick) {
    }

    private final Engine engine;

    Moderation(Engine engine) {
        this.engine = engine;
    }

    List<RoomEvent> setRoles(Room room, EntityFullJid actorSession, List<RoleChange> changes)
            throws StanzaErrorException {
        Occupant actor = room.occupantOf(actorSession);
        if (actor == null || actor.role() != Role.MODERATOR) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only moderators change roles"); // §8
        }
        Affiliation actorAffiliation = room.affiliationOf(actor.user());
        for (RoleChange change : changes) {
            checkRoleChange(room, actorAffiliation, change);
        }
        List<RoomEvent> events = new ArrayList<>();
        for (RoleChange change : changes) {
            Occupant target = room.occupant(change.nick());
            if (target == null) {
                continue; // named twice and kicked by the first item
            }
            if (change.role() == Role.NONE) {
                room.removeOccupant(target);
                events.add(new RoomEvent.Left(target, Set.of(Status.KICKED), actor.nick(), change.reason(), null));
            } else if (change.role() != target.role()) {
                Occupant updated = target.withRole(change.role());
                room.putOccupant(updated);
                events.add(new RoomEvent.PresenceChanged(updated, Set.of(), actor.nick(), change.reason()));
            }
        }
        return events;
    }

    private static void checkRoleChange(Room room, Affiliation actorAffiliation, RoleChange change)
            throws StanzaErrorException {
        Occupant target = room.occupant(change.nick());
        if (target == null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No occupant " + change.nick());
        }
        Affiliation targetAffiliation = room.affiliationOf(target.user());
        if (change.role() != Role.MODERATOR && targetAffiliation.atLeast(Affiliation.ADMIN)) {
            // §5.1.1, §8.2, §8.4, §9.7: admins and owners cannot be kicked, silenced or demoted by
            // role, whoever asks; checked first so that the answer is not-allowed.
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "Admins and owners keep their role");
        }
        boolean grantsOrTakesModerator = change.role() == Role.MODERATOR || target.role() == Role.MODERATOR;
        if (grantsOrTakesModerator && !actorAffiliation.atLeast(Affiliation.ADMIN)) {
            // §9.6, §9.7: only admins and owners grant or revoke moderator status.
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only admins change moderators");
        }
        if (change.role() == Role.NONE && targetAffiliation.ordinal() < actorAffiliation.ordinal()) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "Cannot kick a higher affiliation");
        }
    }

    List<RoomEvent> setAffiliations(Room room, EntityFullJid actorSession, List<AffiliationChange> changes)
            throws StanzaErrorException {
        Affiliation actorAffiliation = room.affiliationOf(actorSession.asEntityBareJid());
        if (!actorAffiliation.atLeast(Affiliation.ADMIN)) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only admins change affiliations"); // §9
        }
        for (AffiliationChange change : changes) {
            checkAffiliationChange(room, actorAffiliation, change);
        }
        checkOwnersRemain(room, changes);
        Occupant actor = room.occupantOf(actorSession);
        return apply(room, changes, actor == null ? null : actor.nick());
    }

    /** Applies affiliation changes already allowed (also from the configuration form) and re-roles occupants. */
    List<RoomEvent> apply(Room room, List<AffiliationChange> changes, String actorNick) {
        Map<String, Affiliation> before = new HashMap<>();
        room.occupants().forEach(o -> before.put(o.nick(), room.affiliationOf(o.user())));
        Map<BareJid, String> reasons = new HashMap<>();
        for (AffiliationChange change : changes) {
            if (change.affiliation() == Affiliation.NONE) {
                engine.repository().removeAffiliation(room, change.jid());
                room.removeAffiliation(change.jid());
            } else {
                AffiliationEntry previous = room.affiliationEntryOrNull(change.jid());
                String nick = change.nick() != null ? change.nick() : previous == null ? null : previous.nick();
                AffiliationEntry entry = new AffiliationEntry(change.jid(), change.affiliation(), nick, change.reason());
                engine.repository().affiliation(room, entry);
                room.putAffiliation(entry);
            }
            if (change.reason() != null) {
                reasons.put(change.jid(), change.reason());
            }
        }
        List<RoomEvent> events = new ArrayList<>();
        for (Occupant occupant : List.copyOf(room.occupants())) {
            Affiliation now = room.affiliationOf(occupant.user());
            if (now != before.get(occupant.nick())) {
                String reason = reasons.getOrDefault(occupant.user(), reasons.get(occupant.user().asDomainBareJid()));
                events.add(reRole(room, occupant, now, actorNick, reason));
            }
        }
        return events;
    }

    /** §9.1 ban (301), §9.4 removal from a members-only room (321), else the new default role. */
    private static RoomEvent reRole(Room room, Occupant occupant, Affiliation now, String actorNick, String reason) {
        if (now == Affiliation.OUTCAST) {
            room.removeOccupant(occupant);
            return new RoomEvent.Left(occupant, Set.of(Status.BANNED), actorNick, reason, null);
        }
        if (now == Affiliation.NONE && room.config().get(RoomOptions.MEMBERS_ONLY)) {
            room.removeOccupant(occupant);
            return new RoomEvent.Left(occupant, Set.of(Status.AFFILIATION_CHANGE), actorNick, reason, null);
        }
        Occupant updated = occupant.withRole(Engine.defaultRole(now, room.config()));
        room.putOccupant(updated);
        return new RoomEvent.PresenceChanged(updated, Set.of(), actorNick, reason);
    }

    private static void checkAffiliationChange(Room room, Affiliation actor, AffiliationChange change)
            throws StanzaErrorException {
        AffiliationEntry current = room.affiliationEntryOrNull(change.jid());
        Affiliation from = current == null ? Affiliation.NONE : current.affiliation();
        if (actor == Affiliation.OWNER) {
            return; // §10: owners may change any affiliation, within the last-owner rule
        }
        if (change.affiliation().atLeast(Affiliation.ADMIN)) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only owners grant admin or owner"); // §10.6
        }
        if (from.atLeast(Affiliation.ADMIN)) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "Admins cannot change admins or owners");
        }
    }

    /** §10.6/§10.7: the last owner cannot be removed (conflict). */
    static void checkOwnersRemain(Room room, List<AffiliationChange> changes) throws StanzaErrorException {
        Map<BareJid, Affiliation> owners = new HashMap<>();
        room.withAffiliation(Affiliation.OWNER).forEach(e -> owners.put(e.jid(), Affiliation.OWNER));
        changes.forEach(c -> owners.put(c.jid(), c.affiliation()));
        if (!owners.containsValue(Affiliation.OWNER)) {
            throw new StanzaErrorException(StanzaErrorCondition.CONFLICT, "A room keeps at least one owner");
        }
    }

    /** §8.5, §9.8: the occupants with {@code role}, for moderators. */
    List<Occupant> withRole(Room room, EntityFullJid who, Role role) throws StanzaErrorException {
        Occupant asker = room.occupantOf(who);
        if (asker == null || asker.role() != Role.MODERATOR) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only moderators see role lists");
        }
        return room.occupants().stream().filter(o -> o.role() == role).toList();
    }

    /** §9.5, §10.5: affiliation lists, for admins and owners (and members of a members-only room for members). */
    List<AffiliationEntry> withAffiliation(Room room, EntityFullJid who, Affiliation affiliation)
            throws StanzaErrorException {
        Affiliation asker = room.affiliationOf(who.asEntityBareJid());
        boolean memberListForMembers = affiliation == Affiliation.MEMBER && asker == Affiliation.MEMBER
                && room.config().get(RoomOptions.MEMBERS_ONLY);
        if (!asker.atLeast(Affiliation.ADMIN) && !memberListForMembers) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only admins see affiliation lists");
        }
        return room.withAffiliation(affiliation);
    }
}
