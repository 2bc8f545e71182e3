package org.xmppd.muc.options;

import java.util.List;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.ConfigChange;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomFeature;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.SubmittedForm;

/**
 * XEP-0045 {@code muc#roomconfig_allowpm} (§7.5, version 1.32): who may send private messages to
 * other occupants: anyone, participants (not visitors), moderators or none. The engine enforces it.
 */
public final class AllowPrivateMessages implements RoomFeature {
    private static final List<FormField.Choice> CHOICES = List.of(new FormField.Choice("Anyone", "anyone"),
            new FormField.Choice("Anyone with Voice", "participants"),
            new FormField.Choice("Moderators Only", "moderators"), new FormField.Choice("Nobody", "none"));

    @Override
    public List<FormField> onConfigForm(Room room) {
        return List.of(FormField.single(RoomOptions.ALLOW_PM.var(), "Allowed to Send Private Messages",
                room.config().get(RoomOptions.ALLOW_PM), CHOICES));
    }

    @Override
    public ConfigChange onConfigSubmit(Room room, SubmittedForm form, ConfigChange change)
            throws StanzaErrorException {
        var value = form.value(RoomOptions.ALLOW_PM.var());
        if (value.isEmpty()) {
            return change;
        }
        if (CHOICES.stream().noneMatch(c -> c.value().equals(value.get()))) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Unknown allowpm value");
        }
        return change.with(RoomOptions.ALLOW_PM, value.get());
    }
}
