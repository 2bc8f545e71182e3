package org.xmppd.muc.room;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a room's disco#info says (XEP-0045 §6.4): its name, its features and the
 * {@code muc#roominfo} fields.
 */
public record RoomInfo(String name, SortedSet<String> features, List<FormField> fields) {
    public RoomInfo {
        features = Collections.unmodifiableSortedSet(new TreeSet<>(features));
        fields = List.copyOf(fields);
    }

    public RoomInfo withName(String newName) {
        return new RoomInfo(newName, features, fields);
    }

    public RoomInfo withFeature(String feature) {
        SortedSet<String> more = new TreeSet<>(features);
        more.add(feature);
        return new RoomInfo(name, more, fields);
    }

    public RoomInfo withField(FormField field) {
        List<FormField> more = new ArrayList<>(fields);
        more.add(field);
        return new RoomInfo(name, features, more);
    }
}
