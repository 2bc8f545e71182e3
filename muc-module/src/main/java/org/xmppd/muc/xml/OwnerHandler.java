package org.xmppd.muc.xml;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Jids;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.RoomService;

/**
 * {@code muc#owner} (XEP-0045 §10): the configuration form, its submission (an empty form makes an
 * instant room, §10.1.2; cancel on a new room destroys it, §10.1.3) and destruction (§10.9).
 * <pre>
 * C: &lt;iq type='set' to='room@service'&gt;&lt;query xmlns='http://jabber.org/protocol/muc#owner'&gt;
 *      &lt;x xmlns='jabber:x:data' type='submit'/&gt;&lt;/query&gt;&lt;/iq&gt;
 * S: &lt;iq type='result'/&gt;  (the room is unlocked)
 * </pre>
 */
final class OwnerHandler {
    private final RoomService rooms;

    OwnerHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    Element get(Iq iq, EntityBareJid room, EntityFullJid owner) throws StanzaErrorException {
        Element form = DataForms.form("form", MucXml.ROOMCONFIG, "Configuration for " + room,
                rooms.configForm(room, owner));
        return iq.result(Element.builder("query", MucXml.OWNER).child(form).build());
    }

    Element set(Iq iq, EntityBareJid room, EntityFullJid owner) throws StanzaErrorException {
        Element query = iq.payload().orElseThrow();
        Element destroy = query.childOrNull("destroy", MucXml.OWNER);
        Element form = query.childOrNull("x", MucXml.DATA);
        if (destroy != null) {
            Jid alternate = Jids.parseOrNull(destroy.attributeOrNull("jid"));
            rooms.destroy(room, owner, destroy.childText("reason", MucXml.OWNER).orElse(null),
                    alternate == null ? null : alternate.asEntityBareJidIfPossible(),
                    destroy.childText("password", MucXml.OWNER).orElse(null));
        } else if (form != null && "cancel".equals(form.attributeOrNull("type"))) {
            rooms.cancelConfiguration(room, owner);
        } else if (form != null && "submit".equals(form.attributeOrNull("type"))) {
            rooms.configure(room, owner, DataForms.submitted(form));
        } else {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Submit a form or destroy the room");
        }
        return iq.emptyResult();
    }
}
