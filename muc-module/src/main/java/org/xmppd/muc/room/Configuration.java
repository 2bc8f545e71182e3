package org.xmppd.muc.room;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/** The owner's business: the configuration form (XEP-0045 §10.1, §10.2) and destruction (§10.9). */
final class Configuration {
    private final Engine engine;

    Configuration(Engine engine) {
        this.engine = engine;
    }

    /** §10.2: the form with the room's current values, for owners. */
    List<FormField> form(Room room, EntityFullJid who) throws StanzaErrorException {
        requireOwner(room, who);
        List<FormField> fields = new ArrayList<>();
        engine.features().forEach(f -> fields.addAll(f.onConfigForm(room)));
        return fields;
    }

    /**
     * §10.1.2/§10.2: applies a submitted form (empty for an instant room), unlocks a new room and
     * tells occupants what changed (104, 172, 173) and removes non-members if the room just became
     * members-only (322, §9.3).
     */
    List<RoomEvent> submit(Room room, EntityFullJid who, SubmittedForm form) throws StanzaErrorException {
        requireOwner(room, who);
        RoomConfig before = room.config();
        ConfigChange change = new ConfigChange(before, Map.of());
        for (RoomFeature feature : engine.features()) {
            change = feature.onConfigSubmit(room, form, change);
        }
        List<Moderation.AffiliationChange> affiliations = new ArrayList<>();
        change.affiliations().forEach((jid, a) -> affiliations.add(new Moderation.AffiliationChange(jid, a, null, null)));
        Moderation.checkOwnersRemain(room, affiliations);
        boolean wasLocked = room.isLocked();
        boolean wasStored = before.get(RoomOptions.PERSISTENT) && !wasLocked;
        room.configure(change.config());
        room.unlock();
        persist(room, wasStored);
        List<RoomEvent> events = new ArrayList<>(new Moderation(engine).apply(room, affiliations, null));
        if (!before.get(RoomOptions.MEMBERS_ONLY) && change.config().get(RoomOptions.MEMBERS_ONLY)) {
            events.addAll(removeNonMembers(room));
        }
        if (!wasLocked) {
            events.add(new RoomEvent.ConfigChanged(changeCodes(before, change.config())));
        }
        return events;
    }

    private void persist(Room room, boolean wasStored) {
        boolean stored = room.config().get(RoomOptions.PERSISTENT);
        if (stored && !wasStored) {
            engine.repository().saveWhole(room);
        } else if (stored) {
            engine.repository().save(room);
        } else if (wasStored) {
            engine.repository().delete(room);
        }
    }

    private static List<RoomEvent> removeNonMembers(Room room) {
        List<RoomEvent> events = new ArrayList<>();
        for (Occupant occupant : List.copyOf(room.occupants())) {
            if (!room.affiliationOf(occupant.user()).atLeast(Affiliation.MEMBER)) {
                room.removeOccupant(occupant);
                events.add(new RoomEvent.Left(occupant, Set.of(Status.MEMBERS_ONLY), null, null, null));
            }
        }
        return events;
    }

    private static Set<Integer> changeCodes(RoomConfig before, RoomConfig after) {
        Set<Integer> codes = new LinkedHashSet<>();
        codes.add(Status.CONFIG_CHANGED);
        boolean wasOpen = RoomOptions.nonAnonymous(before);
        boolean isOpen = RoomOptions.nonAnonymous(after);
        if (!wasOpen && isOpen) {
            codes.add(Status.NOW_NON_ANONYMOUS);
        } else if (wasOpen && !isOpen) {
            codes.add(Status.NOW_SEMI_ANONYMOUS);
        }
        return codes;
    }

    /** §10.9: the owner destroys the room; everyone is removed and told where to go. */
    List<RoomEvent> destroy(Room room, EntityFullJid who, String reason, EntityBareJid alternate, String password)
            throws StanzaErrorException {
        requireOwner(room, who);
        return destroyed(room, reason, alternate, password);
    }

    /** Removes everyone and forgets the room (also when a new room's creation is cancelled, §10.1.3). */
    List<RoomEvent> destroyed(Room room, String reason, EntityBareJid alternate, String password) {
        List<Occupant> occupants = List.copyOf(room.occupants());
        occupants.forEach(room::removeOccupant);
        room.markDestroyed();
        engine.repository().delete(room);
        return List.of(new RoomEvent.Destroyed(occupants, reason, alternate, password));
    }

    static void requireOwner(Room room, EntityFullJid who) throws StanzaErrorException {
        BareJid user = who.asBareJid();
        if (room.affiliationOf(user) != Affiliation.OWNER) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only owners configure the room"); // §10
        }
    }
}
