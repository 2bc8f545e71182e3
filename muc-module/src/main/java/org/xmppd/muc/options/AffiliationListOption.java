package org.xmppd.muc.options;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.Affiliation;
import org.xmppd.muc.room.AffiliationEntry;
import org.xmppd.muc.room.ConfigChange;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomFeature;
import org.xmppd.muc.room.SubmittedForm;

/**
 * A {@code jid-multi} field holding everyone with one affiliation (XEP-0045 §10.2
 * {@code muc#roomconfig_roomowners}, {@code ..._roomadmins}): submitting it makes the listed JIDs
 * exactly the holders; those left out drop to member.
 */
abstract class AffiliationListOption implements RoomFeature {
    private final String var;
    private final String label;
    private final Affiliation affiliation;

    AffiliationListOption(String var, String label, Affiliation affiliation) {
        this.var = var;
        this.label = label;
        this.affiliation = affiliation;
    }

    @Override
    public List<FormField> onConfigForm(Room room) {
        return List.of(FormField.jids(var, label,
                room.withAffiliation(affiliation).stream().map(e -> e.jid().toString()).sorted().toList()));
    }

    @Override
    public ConfigChange onConfigSubmit(Room room, SubmittedForm form, ConfigChange change)
            throws StanzaErrorException {
        if (!form.has(var)) {
            return change;
        }
        ConfigChange updated = change;
        List<BareJid> listed = new ArrayList<>();
        for (String text : form.values(var)) {
            if (!text.isBlank()) {
                listed.add(parse(text.trim()));
            }
        }
        for (AffiliationEntry holder : room.withAffiliation(affiliation)) {
            if (!listed.contains(holder.jid())) {
                updated = updated.withAffiliation(holder.jid(), Affiliation.MEMBER);
            }
        }
        for (BareJid jid : listed) {
            updated = updated.withAffiliation(jid, affiliation);
        }
        return updated;
    }

    private static BareJid parse(String text) throws StanzaErrorException {
        try {
            return JidCreate.bareFrom(text);
        } catch (XmppStringprepException e) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Not a JID: " + text);
        }
    }
}
