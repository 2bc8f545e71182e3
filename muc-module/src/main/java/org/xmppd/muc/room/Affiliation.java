package org.xmppd.muc.room;

import java.util.Locale;

/** A lasting standing in a room (XEP-0045 §5.2), highest first. */
public enum Affiliation {
    OWNER, ADMIN, MEMBER, NONE, OUTCAST;

    /** The XML value, e.g. {@code owner}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The affiliation named {@code value}, or null when there is none such. */
    public static Affiliation fromValueOrNull(String value) {
        for (Affiliation affiliation : values()) {
            if (affiliation.value().equals(value)) {
                return affiliation;
            }
        }
        return null;
    }

    /** True when this affiliation ranks at least as high as {@code other} (outcast is lowest). */
    public boolean atLeast(Affiliation other) {
        return ordinal() <= other.ordinal();
    }
}
