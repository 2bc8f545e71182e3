package org.xmppd.muc.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xmppd.codec.Element;
import org.xmppd.muc.room.FormField;
import org.xmppd.muc.room.SubmittedForm;

/** XEP-0004 data forms: the engine's fields to XML, submitted XML to values. */
final class DataForms {
    private DataForms() {
    }

    /** A form of {@code type} ({@code form}, {@code result}...) with FORM_TYPE {@code formType} first. */
    static Element form(String type, String formType, String title, List<FormField> fields) {
        Element.Builder x = Element.builder("x", MucXml.DATA).attribute("type", type);
        if (title != null) {
            x.child(MucXml.text("title", MucXml.DATA, title));
        }
        x.child(field(FormField.hidden("FORM_TYPE", formType)));
        fields.forEach(f -> x.child(field(f)));
        return x.build();
    }

    static Element field(FormField field) {
        Element.Builder f = Element.builder("field", MucXml.DATA).attribute("var", field.var())
                .attribute("type", field.type()).attribute("label", field.label());
        field.values().forEach(v -> f.child(MucXml.text("value", MucXml.DATA, v)));
        for (FormField.Choice choice : field.options()) {
            f.child(Element.builder("option", MucXml.DATA).attribute("label", choice.label())
                    .child(MucXml.text("value", MucXml.DATA, choice.value())).build());
        }
        return f.build();
    }

    /** The values of a submitted {@code <x xmlns='jabber:x:data'/>}, FORM_TYPE left out. */
    static SubmittedForm submitted(Element x) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element field : x.elements()) {
            String var = field.attributeOrNull("var");
            if (!field.is("field", MucXml.DATA) || var == null || var.equals("FORM_TYPE")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            field.elements().stream().filter(v -> v.is("value", MucXml.DATA)).forEach(v -> values.add(v.text()));
            fields.put(var, values);
        }
        return new SubmittedForm(fields);
    }

    /** The FORM_TYPE of a form, or null. */
    static String formType(Element x) {
        for (Element field : x.elements()) {
            if ("FORM_TYPE".equals(field.attributeOrNull("var"))) {
                return field.childText("value", MucXml.DATA).orElse(null);
            }
        }
        return null;
    }
}
