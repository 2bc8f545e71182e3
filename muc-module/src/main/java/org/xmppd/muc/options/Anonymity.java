package org.xmppd.muc.options;

import java.util.List;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.ConfigChange;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomFeature;
import org.xmppd.muc.room.RoomInfo;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.SubmittedForm;

/**
 * XEP-0045 §10.2 {@code muc#roomconfig_whois}: who sees occupants' real JIDs, moderators only
 * (semi-anonymous, {@code muc_semianonymous}) or anyone (non-anonymous, {@code muc_nonanonymous},
 * status 100 on entering). The XML layer puts real JIDs into presence accordingly.
 */
public final class Anonymity implements RoomFeature {
    private static final List<FormField.Choice> CHOICES = List.of(
            new FormField.Choice("Moderators Only", "moderators"), new FormField.Choice("Anyone", "anyone"));

    @Override
    public RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        return info.withFeature(RoomOptions.nonAnonymous(room.config()) ? "muc_nonanonymous" : "muc_semianonymous");
    }

    @Override
    public List<FormField> onConfigForm(Room room) {
        return List.of(FormField.single(RoomOptions.WHOIS.var(), "Who May Discover Real JIDs?",
                room.config().get(RoomOptions.WHOIS), CHOICES));
    }

    @Override
    public ConfigChange onConfigSubmit(Room room, SubmittedForm form, ConfigChange change)
            throws StanzaErrorException {
        var value = form.value(RoomOptions.WHOIS.var());
        if (value.isEmpty()) {
            return change;
        }
        if (!value.get().equals("moderators") && !value.get().equals("anyone")) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "whois is moderators or anyone");
        }
        return change.with(RoomOptions.WHOIS, value.get());
    }
}
