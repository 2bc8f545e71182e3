package org.xmppd.muc.xml;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Jids;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.Affiliation;
import org.xmppd.muc.room.AffiliationEntry;
import org.xmppd.muc.room.Occupant;
import org.xmppd.muc.room.Role;
import org.xmppd.muc.room.RoomService;

/**
 * {@code muc#admin} (XEP-0045 §8, §9, §10.3-§10.8): kicks, voice, bans, membership, moderator,
 * admin and owner grants, and the lists. <pre>
 * C: &lt;iq type='set' to='room@service'&gt;&lt;query xmlns='http://jabber.org/protocol/muc#admin'&gt;
 *      &lt;item nick='pistol' role='none'&gt;&lt;reason&gt;Avaunt!&lt;/reason&gt;&lt;/item&gt;&lt;/query&gt;&lt;/iq&gt;
 * S: &lt;iq type='result'/&gt; and pistol's unavailable presence with status 307
 * </pre>
 */
final class AdminHandler {
    private final RoomService rooms;

    AdminHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    Element set(Iq iq, EntityBareJid room, EntityFullJid actor) throws StanzaErrorException {
        List<RoomService.RoleChange> roles = new ArrayList<>();
        List<RoomService.AffiliationChange> affiliations = new ArrayList<>();
        for (Element item : items(iq)) {
            String reason = item.childText("reason", MucXml.ADMIN).orElse(null);
            String affiliation = item.attributeOrNull("affiliation");
            if (affiliation != null) {
                Affiliation parsed = Affiliation.fromValueOrNull(affiliation);
                if (parsed == null) {
                    throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Unknown affiliation " + affiliation);
                }
                affiliations.add(new RoomService.AffiliationChange(target(item, room), parsed, reason));
            } else {
                Role role = Role.fromValueOrNull(item.attributeOrNull("role"));
                String nick = item.attributeOrNull("nick");
                if (role == null || nick == null) {
                    throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An item names a role and a nick");
                }
                roles.add(new RoomService.RoleChange(nick, role, reason));
            }
        }
        if (!roles.isEmpty()) {
            rooms.setRoles(room, actor, roles);
        }
        if (!affiliations.isEmpty()) {
            rooms.setAffiliations(room, actor, affiliations);
        }
        return iq.emptyResult();
    }

    /** The item's JID (bare), or the real JID of the occupant it names by nick. */
    private BareJid target(Element item, EntityBareJid room) throws StanzaErrorException {
        String text = item.attributeOrNull("jid");
        if (text != null) {
            Jid jid = Jids.parseOrNull(text);
            return jid.asBareJid();
        }
        String nick = item.attributeOrNull("nick");
        BareJid user = nick == null ? null : rooms.read(room, r -> {
            Occupant occupant = r.occupant(nick);
            return occupant == null ? null : occupant.user();
        });
        if (user == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An affiliation item names a JID");
        }
        return user;
    }

    /** §8.5, §9.5, §10.5: the occupants with a role, or the JIDs with an affiliation. */
    Element get(Iq iq, EntityBareJid room, EntityFullJid asker) throws StanzaErrorException {
        Element.Builder query = Element.builder("query", MucXml.ADMIN);
        for (Element item : items(iq)) {
            Affiliation affiliation = Affiliation.fromValueOrNull(item.attributeOrNull("affiliation"));
            Role role = Role.fromValueOrNull(item.attributeOrNull("role"));
            if (affiliation != null && affiliation != Affiliation.NONE) {
                for (AffiliationEntry entry : rooms.withAffiliation(room, asker, affiliation)) {
                    query.child(Element.builder("item", MucXml.ADMIN).attribute("affiliation", affiliation.value())
                            .attribute("jid", entry.jid().toString()).attribute("nick", entry.nick()).build());
                }
            } else if (role != null && role != Role.NONE) {
                for (Occupant occupant : rooms.withRole(room, asker, role)) {
                    query.child(Element.builder("item", MucXml.ADMIN).attribute("role", role.value())
                            .attribute("nick", occupant.nick())
                            .attribute("jid", occupant.sessions().get(0).jid().toString())
                            .attribute("affiliation", rooms.read(room, r -> r.affiliationOf(occupant.user())).value())
                            .build());
                }
            } else {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Ask for one role or affiliation");
            }
        }
        return iq.result(query.build());
    }

    private static List<Element> items(Iq iq) throws StanzaErrorException {
        List<Element> items = iq.payload().orElseThrow().elements().stream()
                .filter(e -> e.is("item", MucXml.ADMIN)).toList();
        if (items.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "No item");
        }
        return items;
    }
}
