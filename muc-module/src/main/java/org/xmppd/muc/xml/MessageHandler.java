package org.xmppd.muc.xml;

import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Jids;
import org.xmppd.codec.Message;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.Role;
import org.xmppd.muc.room.RoomOption;
import org.xmppd.muc.room.RoomService;

/**
 * Messages to a room or an occupant: to everyone (XEP-0045 §7.4), the subject (§8.1), private
 * messages (§7.5), mediated invitations and declines (§7.8.2), voice requests and their approval
 * (§8.6).
 */
final class MessageHandler {
    private static final String HINTS = "urn:xmpp:hints";

    private final RoomService rooms;

    MessageHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    void handle(Message message, EntityFullJid from) throws StanzaErrorException {
        Jid to = message.to();
        String type = message.messageType();
        if (!to.hasLocalpart() || type.equals("error")) {
            return; // errors from occupants' clients and messages to the service end here
        }
        EntityBareJid room = to.asEntityBareJidIfPossible();
        if (to.hasResource()) {
            if (type.equals("groupchat")) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Group messages go to the room"); // §7.5
            }
            rooms.privateMessage(room, from, to.getResourceOrThrow().toString(), message.element());
        } else if (type.equals("groupchat")) {
            groupchat(message, from, room);
        } else {
            toRoom(message, from, room);
        }
    }

    private void groupchat(Message message, EntityFullJid from, EntityBareJid room) throws StanzaErrorException {
        Element element = message.element();
        String subject = element.childText("subject", MucXml.CLIENT).orElse(null);
        boolean hasBody = message.bodyOrNull() != null;
        // XEP-0334: no-store and no-permanent-store keep a message out of the history.
        boolean keep = (hasBody || subject != null) && element.childOrNull("no-store", HINTS) == null
                && element.childOrNull("no-permanent-store", HINTS) == null;
        rooms.groupMessage(room, from, element, element.toXml().length(), hasBody, subject, keep);
    }

    private void toRoom(Message message, EntityFullJid from, EntityBareJid room) throws StanzaErrorException {
        Element element = message.element();
        Element user = element.childOrNull("x", MucXml.USER);
        if (user != null) {
            for (Element invite : user.elements()) {
                if (invite.is("invite", MucXml.USER)) {
                    rooms.invite(room, from, jid(invite.attributeOrNull("to")).asBareJid(),
                            invite.childText("reason", MucXml.USER).orElse(null), element);
                } else if (invite.is("decline", MucXml.USER)) {
                    rooms.decline(room, from, jid(invite.attributeOrNull("to")),
                            invite.childText("reason", MucXml.USER).orElse(null));
                }
            }
            return;
        }
        Element form = element.childOrNull("x", MucXml.DATA);
        if (form != null && MucXml.REQUEST.equals(DataForms.formType(form))) {
            voice(from, room, form);
            return;
        }
        throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Send group messages as type groupchat");
    }

    /** §8.6: a visitor's request, or a moderator's answer to one. */
    private void voice(EntityFullJid from, EntityBareJid room, Element form) throws StanzaErrorException {
        var submitted = DataForms.submitted(form);
        if (!submitted.has("muc#request_allow")) {
            rooms.requestVoice(room, from);
            return;
        }
        String nick = submitted.value("muc#roomnick").orElse(null);
        if (nick != null && RoomOption.parseFlag(submitted.value("muc#request_allow").orElse("0"))) {
            rooms.setRoles(room, from, List.of(new RoomService.RoleChange(nick, Role.PARTICIPANT, null)));
        }
    }

    private static Jid jid(String text) throws StanzaErrorException {
        Jid jid = Jids.parseOrNull(text);
        if (jid == null) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "An invitation names a JID");
        }
        return jid;
    }
}
