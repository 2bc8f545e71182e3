package org.xmppd.muc.xml;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.codec.Element;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Occupant;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomEvent;

/** Messages the room itself sends: invitations, declines, voice requests, configuration notices. */
final class Notices {
    private Notices() {
    }

    /** §7.8.2: the invitation as the invitee gets it, from the room. */
    static Element invitation(Room room, RoomEvent.Invited e) {
        Element.Builder invite = Element.builder("invite", MucXml.USER).attribute("from", e.inviter().toString());
        if (e.reason() != null) {
            invite.child(MucXml.text("reason", MucXml.USER, e.reason()));
        }
        Element.Builder x = Element.builder("x", MucXml.USER).child(invite.build());
        if (e.password() != null) {
            x.child(MucXml.text("password", MucXml.USER, e.password()));
        }
        String body = e.inviter().asBareJid() + " invites you to the room " + room.jid()
                + (e.reason() == null ? "" : ": " + e.reason());
        return Element.builder("message", MucXml.CLIENT).attribute("from", room.jid().toString())
                .attribute("to", e.invitee().toString())
                .attribute("id", e.payload() == null ? null : e.payload().attributeOrNull("id"))
                .child(x.build()).child(MucXml.text("body", MucXml.CLIENT, body)).build();
    }

    /** §7.8.2: a declined invitation, passed to the inviter. */
    static Element decline(Room room, RoomEvent.Declined e) {
        Element.Builder decline = Element.builder("decline", MucXml.USER).attribute("from", e.decliner().toString());
        if (e.reason() != null) {
            decline.child(MucXml.text("reason", MucXml.USER, e.reason()));
        }
        return Element.builder("message", MucXml.CLIENT).attribute("from", room.jid().toString())
                .attribute("to", e.inviter().toString())
                .child(Element.builder("x", MucXml.USER).child(decline.build()).build()).build();
    }

    /** §8.6: the approval form moderators get. */
    static Element voiceRequest(Room room, Occupant requester) {
        List<FormField> fields = List.of(
                FormField.text("muc#role", "Requested role", "participant"),
                new FormField("muc#jid", "jid-single", "User ID", List.of(requester.sessions().get(0).jid().toString()),
                        List.of()),
                FormField.text("muc#roomnick", "Room Nickname", requester.nick()),
                FormField.flag("muc#request_allow", "Grant voice to this person?", false));
        return Element.builder("message", MucXml.CLIENT).attribute("from", room.jid().toString())
                .attribute("id", UUID.randomUUID().toString())
                .child(DataForms.form("form", MucXml.REQUEST, "Voice request", fields)).build();
    }

    /** §10.2.1: what changed in the configuration, as status codes. */
    static Element configChanged(Room room, Set<Integer> codes) {
        Element.Builder x = Element.builder("x", MucXml.USER);
        codes.stream().sorted().forEach(code -> x.child(MucXml.status(code)));
        return MucXml.message(room.jid().toString(), "groupchat").attribute("id", UUID.randomUUID().toString())
                .child(x.build()).build();
    }

    /** §10.9: the {@code <destroy/>} told to occupants of a destroyed room. */
    static Element destroy(EntityBareJid alternate, String reason, String password) {
        Element.Builder destroy = Element.builder("destroy", MucXml.USER)
                .attribute("jid", alternate == null ? null : alternate.toString());
        if (reason != null) {
            destroy.child(MucXml.text("reason", MucXml.USER, reason));
        }
        if (password != null) {
            destroy.child(MucXml.text("password", MucXml.USER, password));
        }
        return destroy.build();
    }
}
