package org.xmppd.muc.options;

import java.util.List;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.ConfigChange;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Role;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomFeature;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.SubmittedForm;

/**
 * XEP-0045 §10.2 {@code muc#roomconfig_presencebroadcast}: the roles whose presence occupants
 * see (large rooms often hide visitors). Everyone always sees their own presence.
 */
public final class PresenceBroadcast implements RoomFeature {
    private static final List<FormField.Choice> CHOICES = List.of(new FormField.Choice("Moderator", "moderator"),
            new FormField.Choice("Participant", "participant"), new FormField.Choice("Visitor", "visitor"));

    @Override
    public List<FormField> onConfigForm(Room room) {
        return List.of(FormField.multi(RoomOptions.PRESENCE_BROADCAST.var(), "Roles for which Presence is Broadcast",
                room.config().get(RoomOptions.PRESENCE_BROADCAST), CHOICES));
    }

    @Override
    public ConfigChange onConfigSubmit(Room room, SubmittedForm form, ConfigChange change)
            throws StanzaErrorException {
        if (!form.has(RoomOptions.PRESENCE_BROADCAST.var())) {
            return change;
        }
        List<String> roles = form.values(RoomOptions.PRESENCE_BROADCAST.var());
        for (String role : roles) {
            Role parsed = Role.fromValueOrNull(role);
            if (parsed == null || parsed == Role.NONE) {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Unknown role " + role);
            }
        }
        return change.with(RoomOptions.PRESENCE_BROADCAST, roles);
    }
}
