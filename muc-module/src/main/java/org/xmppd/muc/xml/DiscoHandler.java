package org.xmppd.muc.xml;

import java.util.UUID;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.Occupant;
import org.xmppd.muc.room.RoomInfo;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.RoomService;

/**
 * XEP-0045 §6: discovering the service (identity {@code conference/text}), its public rooms, a
 * room's features and {@code muc#roominfo}, and its occupants where the room allows it; and
 * XEP-0307 unique room names.
 */
final class DiscoHandler {
    /** XEP-0045 §7.12: the disco node for discovering one's reserved nickname. */
    private static final String RESERVED_NICK_NODE = "x-roomuser-item";

    private final RoomService rooms;
    private final String serviceName;

    DiscoHandler(RoomService rooms, String serviceName) {
        this.rooms = rooms;
        this.serviceName = serviceName;
    }

    /** §6.1: the service's identity and features. */
    Element serviceInfo(Iq iq) throws StanzaErrorException {
        noNode(iq);
        Element.Builder query = Element.builder("query", MucXml.DISCO_INFO)
                .child(identity(serviceName));
        for (String feature : new String[] {MucXml.MUC, MucXml.DISCO_INFO, MucXml.DISCO_ITEMS, MucXml.UNIQUE}) {
            query.child(feature(feature));
        }
        return iq.result(query.build());
    }

    /** §6.3: the public rooms. */
    Element serviceItems(Iq iq) throws StanzaErrorException {
        noNode(iq);
        Element.Builder query = Element.builder("query", MucXml.DISCO_ITEMS);
        for (RoomService.Listing room : rooms.publicRooms()) {
            query.child(Element.builder("item", MucXml.DISCO_ITEMS).attribute("jid", room.jid().toString())
                    .attribute("name", room.name().isEmpty() ? room.jid().getLocalpart().toString() : room.name())
                    .build());
        }
        return iq.result(query.build());
    }

    /** XEP-0307: a room name nobody uses. */
    Element unique(Iq iq) {
        String name;
        do {
            name = UUID.randomUUID().toString();
        } while (rooms.exists(room(name)));
        return iq.result(MucXml.text("unique", MucXml.UNIQUE, name));
    }

    private EntityBareJid room(String name) {
        return JidCreate.entityBareFromOrThrowUnchecked(name + "@" + rooms.domain());
    }

    /**
     * §6.4: the room's identity, features and {@code muc#roominfo} form (XEP-0128); with the node
     * {@code x-roomuser-item}, the asker's reserved nickname as the identity's name (§7.12).
     */
    Element roomInfo(Iq iq, EntityBareJid room, EntityFullJid asker) throws StanzaErrorException {
        if (RESERVED_NICK_NODE.equals(iq.payload().orElseThrow().attributeOrNull("node")) && asker != null) {
            Element.Builder query = Element.builder("query", MucXml.DISCO_INFO).attribute("node", RESERVED_NICK_NODE);
            rooms.registeredNick(room, asker.asBareJid()).ifPresent(nick -> query.child(identity(nick)));
            return iq.result(query.build());
        }
        noNode(iq);
        RoomInfo info = rooms.info(room);
        Element.Builder query = Element.builder("query", MucXml.DISCO_INFO).child(identity(info.name()));
        query.child(feature(MucXml.DISCO_INFO));
        info.features().forEach(f -> query.child(feature(f)));
        query.child(DataForms.form("result", MucXml.ROOMINFO, null, info.fields()));
        return iq.result(query.build());
    }

    /** §6.5: occupants of a public room, or of any room for its own occupants; never real JIDs. */
    Element roomItems(Iq iq, EntityBareJid room, EntityFullJid asker) throws StanzaErrorException {
        noNode(iq);
        Element items = rooms.read(room, r -> {
            Element.Builder query = Element.builder("query", MucXml.DISCO_ITEMS);
            boolean listed = r.config().get(RoomOptions.PUBLIC) || (asker != null && r.occupantOf(asker) != null);
            if (listed) {
                for (Occupant occupant : r.occupants()) {
                    query.child(Element.builder("item", MucXml.DISCO_ITEMS)
                            .attribute("jid", r.jid() + "/" + occupant.nick()).build());
                }
            }
            return query.build();
        });
        return iq.result(items);
    }

    private static void noNode(Iq iq) throws StanzaErrorException {
        String node = iq.payload().orElseThrow().attributeOrNull("node");
        if (node != null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No such node: " + node);
        }
    }

    private static Element identity(String name) {
        return Element.builder("identity", MucXml.DISCO_INFO).attribute("category", "conference")
                .attribute("type", "text").attribute("name", name).build();
    }

    private static Element feature(String var) {
        return Element.builder("feature", MucXml.DISCO_INFO).attribute("var", var).build();
    }
}
