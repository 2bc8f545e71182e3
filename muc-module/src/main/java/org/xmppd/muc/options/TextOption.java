package org.xmppd.muc.options;

import java.util.List;
import org.xmppd.muc.room.ConfigChange;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomFeature;
import org.xmppd.muc.room.RoomInfo;
import org.xmppd.muc.room.RoomOption;
import org.xmppd.muc.room.SubmittedForm;

/** A free-text option shown as a text field and, when {@code infoVar} is given, as a {@code muc#roominfo} field. */
abstract class TextOption implements RoomFeature {
    private final RoomOption<String> option;
    private final String label;
    private final String infoVar;

    TextOption(RoomOption<String> option, String label, String infoVar) {
        this.option = option;
        this.label = label;
        this.infoVar = infoVar;
    }

    final String value(Room room) {
        return room.config().get(option);
    }

    @Override
    public List<FormField> onConfigForm(Room room) {
        return List.of(FormField.text(option.var(), label, value(room)));
    }

    @Override
    public ConfigChange onConfigSubmit(Room room, SubmittedForm form, ConfigChange change) {
        return form.has(option.var()) ? change.with(option, String.join("\n", form.values(option.var()))) : change;
    }

    @Override
    public RoomInfo onDiscoInfo(Room room, RoomInfo info) {
        return infoVar == null ? info : info.withField(FormField.info(infoVar, label, value(room)));
    }
}
