package org.xmppd.pubsub.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xmppd.codec.Element;

/**
 * A XEP-0004 data form as the pubsub requests use it: its type and field values, with
 * {@code FORM_TYPE} kept apart (XEP-0068).
 *
 * @param type     {@code form}, {@code submit}, {@code cancel} or {@code result}
 * @param formType the hidden {@code FORM_TYPE} value, or null
 * @param fields   field var to values, in document order, without FORM_TYPE
 */
public record DataForm(String type, String formType, Map<String, List<String>> fields) {
    public DataForm {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((var, values) -> copy.put(var, List.copyOf(values)));
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first {@code <x xmlns='jabber:x:data'/>} child of {@code parent}, read. */
    public static Optional<DataForm> in(Element parent) {
        return parent == null ? Optional.empty() : parent.child("x", Ns.DATA).map(DataForm::of);
    }

    public static DataForm of(Element x) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String formType = null;
        for (Element field : x.elements()) {
            String var = field.attributeOrNull("var");
            if (!field.is("field", Ns.DATA) || var == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Element value : field.elements()) {
                if (value.is("value", Ns.DATA)) {
                    values.add(value.text());
                }
            }
            if (var.equals("FORM_TYPE")) {
                formType = values.isEmpty() ? null : values.get(0);
            } else {
                fields.put(var, values);
            }
        }
        return new DataForm(x.attribute("type").orElse("form"), formType, fields);
    }

    /** Single values by var, for forms whose fields are all single-valued. */
    public Map<String, String> singleValues() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((var, list) -> values.put(var, list.isEmpty() ? "" : list.get(0)));
        return values;
    }

    /** A form element builder: {@code FORM_TYPE} first, then fields added with {@link Builder#field}. */
    public static Builder builder(String type, String formType) {
        return new Builder(type, formType);
    }

    /** Builds a {@code <x xmlns='jabber:x:data'/>}. */
    public static final class Builder {
        private final Element.Builder x;

        Builder(String type, String formType) {
            x = Element.builder("x", Ns.DATA).attribute("type", type);
            if (formType != null) {
                field("FORM_TYPE", "hidden", null, List.of(formType), List.of());
            }
        }

        /** A field; {@code fieldType} and {@code label} may be null; {@code options} for list fields. */
        public Builder field(String var, String fieldType, String label, List<String> values, List<String> options) {
            Element.Builder field = Element.builder("field", Ns.DATA).attribute("var", var)
                    .attribute("type", fieldType).attribute("label", label);
            for (String option : options) {
                field.child(Element.builder("option", Ns.DATA)
                        .child(Element.builder("value", Ns.DATA).text(option).build()).build());
            }
            for (String value : values) {
                field.child(Element.builder("value", Ns.DATA).text(value).build());
            }
            x.child(field.build());
            return this;
        }

        public Element build() {
            return x.build();
        }
    }
}
