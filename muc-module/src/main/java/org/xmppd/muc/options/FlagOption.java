package org.xmppd.muc.options;

import java.util.List;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.ConfigChange;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomFeature;
import org.xmppd.muc.room.RoomInfo;
import org.xmppd.muc.room.RoomOption;
import org.xmppd.muc.room.SubmittedForm;

/**
 * A yes/no option: a boolean form field, and (when given) the disco#info feature naming each
 * state, e.g. {@code muc_moderated} / {@code muc_unmoderated} (XEP-0045 §15.4.1 registry).
 */
abstract class FlagOption implements RoomFeature {
    private final RoomOption<Boolean> option;
    private final String label;
    private final String featureWhenOn;
    private final String featureWhenOff;

    FlagOption(RoomOption<Boolean> option, String label, String featureWhenOn, String featureWhenOff) {
        this.option = option;
        this.label = label;
        this.featureWhenOn = featureWhenOn;
        this.featureWhenOff = featureWhenOff;
    }

    final boolean isOn(Room room) {
        return room.config().get(option);
    }

    @Override
    public RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        String feature = isOn(room) ? featureWhenOn : featureWhenOff;
        return feature == null ? info : info.withFeature(feature);
    }

    @Override
    public List<FormField> onConfigForm(Room room) {
        return List.of(FormField.flag(option.var(), label, isOn(room)));
    }

    @Override
    public ConfigChange onConfigSubmit(Room room, SubmittedForm form, ConfigChange change)
            throws StanzaErrorException {
        return form.flag(option.var()).map(v -> change.with(option, v)).orElse(change);
    }
}
