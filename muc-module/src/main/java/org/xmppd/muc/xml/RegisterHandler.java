package org.xmppd.muc.xml;

import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.RoomService;

/**
 * Registering with a room (XEP-0045 §7.10, jabber:iq:register): the {@code muc#register} form,
 * and on submission membership with the nickname reserved. A registered user is told
 * {@code <registered/>} with their nickname (§7.12 discovering one's reserved nickname too).
 */
final class RegisterHandler {
    private static final String NICK = "muc#register_roomnick";

    private final RoomService rooms;

    RegisterHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    Element get(Iq iq, EntityBareJid room, EntityFullJid user) throws StanzaErrorException {
        if (!rooms.read(room, r -> r.config().get(RoomOptions.REGISTRATION))) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "No registration here");
        }
        Optional<String> nick = rooms.registeredNick(room, user.asBareJid());
        Element.Builder query = Element.builder("query", MucXml.REGISTER);
        if (nick.isPresent()) {
            query.child(Element.of("registered", MucXml.REGISTER))
                    .child(MucXml.text("username", MucXml.REGISTER, nick.get()));
        } else {
            query.child(MucXml.text("instructions", MucXml.REGISTER, "Choose the nickname to reserve in this room."))
                    .child(DataForms.form("form", MucXml.REGISTER_FORM, "Registration with " + room,
                            List.of(FormField.text(NICK, "Desired Nickname", null))));
        }
        return iq.result(query.build());
    }

    Element set(Iq iq, EntityBareJid room, EntityFullJid user) throws StanzaErrorException {
        Element query = iq.payload().orElseThrow();
        Element form = query.childOrNull("x", MucXml.DATA);
        if (form != null && "cancel".equals(form.attributeOrNull("type"))) {
            return iq.emptyResult();
        }
        String nick = form != null ? DataForms.submitted(form).value(NICK).orElse(null)
                : query.childText("username", MucXml.REGISTER).orElse(null);
        if (nick == null || nick.isBlank()) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "A nickname is required"); // §7.10
        }
        rooms.register(room, user.asBareJid(), nick.trim());
        return iq.emptyResult();
    }
}
