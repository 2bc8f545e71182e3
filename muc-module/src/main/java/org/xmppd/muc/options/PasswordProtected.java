package org.xmppd.muc.options;

import java.util.List;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.ConfigChange;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.JoinAttempt;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomOptions;
import org.xmppd.muc.room.SubmittedForm;

/**
 * XEP-0045 §10.2 {@code muc#roomconfig_passwordprotectedroom} and {@code ..._roomsecret}: entering
 * needs the password (§7.2.5, {@code not-authorized}); disco says {@code muc_passwordprotected} or
 * {@code muc_unsecured}.
 */
public final class PasswordProtected extends FlagOption {
    public PasswordProtected() {
        super(RoomOptions.PASSWORD_PROTECTED, "Password Required to Enter", "muc_passwordprotected",
                "muc_unsecured");
    }

    @Override
    public List<FormField> onConfigForm(Room room) {
        return List.of(super.onConfigForm(room).get(0),
                FormField.secret(RoomOptions.PASSWORD.var(), "Password", room.config().get(RoomOptions.PASSWORD)));
    }

    @Override
    public ConfigChange onConfigSubmit(Room room, SubmittedForm form, ConfigChange change)
            throws StanzaErrorException {
        ConfigChange updated = super.onConfigSubmit(room, form, change);
        if (form.has(RoomOptions.PASSWORD.var())) {
            updated = updated.with(RoomOptions.PASSWORD, form.value(RoomOptions.PASSWORD.var()).orElse(""));
        }
        // Smack and others send only the secret: a non-empty one switches protection on.
        if (!form.has(RoomOptions.PASSWORD_PROTECTED.var()) && form.has(RoomOptions.PASSWORD.var())) {
            updated = updated.with(RoomOptions.PASSWORD_PROTECTED, !updated.config().get(RoomOptions.PASSWORD).isEmpty());
        }
        if (updated.config().get(RoomOptions.PASSWORD_PROTECTED) && updated.config().get(RoomOptions.PASSWORD).isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "A protected room needs a password");
        }
        return updated;
    }

    @Override
    public void beforeJoin(Room room, JoinAttempt attempt) throws StanzaErrorException {
        if (isOn(room) && !room.config().get(RoomOptions.PASSWORD).equals(attempt.password())) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_AUTHORIZED, "A password is required"); // §7.2.6
        }
    }
}
