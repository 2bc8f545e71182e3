package org.xmppd.muc.room;

import java.util.Locale;

/** A standing for the length of a visit (XEP-0045 §5.1), highest first. */
public enum Role {
    MODERATOR, PARTICIPANT, VISITOR, NONE;

    /** The XML value, e.g. {@code moderator}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code value}, or null when there is none such. */
    public static Role fromValueOrNull(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return role;
            }
        }
        return null;
    }

    /** True when this role ranks at least as high as {@code other}. */
    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
