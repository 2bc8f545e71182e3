package org.xmppd.muc.options;

import java.util.List;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.room.ConfigChange;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.Room;
import org.xmppd.muc.room.RoomFeature;
import org.xmppd.muc.room.RoomOption;
import org.xmppd.muc.room.SubmittedForm;

/** A whole-number option within 0..{@code max} (0 meaning "no limit" where the option says so). */
abstract class NumberOption implements RoomFeature {
    private final RoomOption<Integer> option;
    private final String label;
    private final int max;

    NumberOption(RoomOption<Integer> option, String label, int max) {
        this.option = option;
        this.label = label;
        this.max = max;
    }

    final int value(Room room) {
        return room.config().get(option);
    }

    @Override
    public List<FormField> onConfigForm(Room room) {
        return List.of(FormField.text(option.var(), label, String.valueOf(value(room))));
    }

    @Override
    public ConfigChange onConfigSubmit(Room room, SubmittedForm form, ConfigChange change)
            throws StanzaErrorException {
        var text = form.value(option.var());
        if (text.isEmpty() || text.get().isBlank()) {
            return change;
        }
        int value;
        try {
            value = Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, option.var() + " must be a number");
        }
        if (value < 0) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, option.var() + " must not be negative");
        }
        return change.with(option, clamp(value));
    }

    /** The service's ceiling applies to what owners ask. */
    int clamp(int value) {
        return max > 0 && (value == 0 || value > max) ? max : value;
    }
}
