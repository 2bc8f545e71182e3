package org.xmppd.muc.room;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The values of a submitted XEP-0004 form, by field name. */
public record SubmittedForm(Map<String, List<String>> fields) {
    public SubmittedForm {
        fields = Map.copyOf(fields);
    }

    public static SubmittedForm empty() {
        return new SubmittedForm(Map.of());
    }

    public boolean has(String var) {
        return fields.containsKey(var);
    }

    /** All values of the field; empty when absent. */
    public List<String> values(String var) {
        return fields.getOrDefault(var, List.of());
    }

    /** The first value of the field, when it was submitted with one. */
    public Optional<String> value(String var) {
        List<String> values = values(var);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The field as a boolean, when submitted. */
    public Optional<Boolean> flag(String var) {
        return value(var).map(RoomOption::parseFlag);
    }
}
