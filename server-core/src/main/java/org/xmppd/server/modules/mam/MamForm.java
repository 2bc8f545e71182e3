package org.xmppd.server.modules.mam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xmppd.codec.Element;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/** The XEP-0004 forms of XEP-0313: reading a submitted query form, and the form a client asks for. */
final class MamForm {
    private MamForm() {
    }

    /** Field var to values; empty without a form. Rejects a form of another FORM_TYPE. */
    static Map<String, List<String>> fields(Element form, String formType) throws StanzaErrorException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (form == null) {
            return fields;
        }
        for (Element field : form.elements()) {
            String var = field.attributeOrNull("var");
            if (!field.is("field", MamQuery.DATA) || var == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Element value : field.elements()) {
                if (value.is("value", MamQuery.DATA)) {
                    values.add(value.text());
                }
            }
            fields.put(var, values);
        }
        List<String> type = fields.get("FORM_TYPE");
        if (type != null && !type.equals(List.of(formType))) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "FORM_TYPE must be " + formType);
        }
        return fields;
    }

    /** The search form (XEP-0313 §4.1.1, with the #extended fields). */
    static Element searchForm(String formType) {
        return Element.builder("x", MamQuery.DATA).attribute("type", "form")
                .child(field("FORM_TYPE", "hidden", formType))
                .child(field("with", "jid-single", null))
                .child(field("start", "text-single", null))
                .child(field("end", "text-single", null))
                .child(field("before-id", "text-single", null))
                .child(field("after-id", "text-single", null))
                .child(field("ids", "list-multi", null))
                .build();
    }

    private static Element field(String var, String type, String value) {
        Element.Builder field = Element.builder("field", MamQuery.DATA).attribute("var", var).attribute("type", type);
        if (value != null) {
            field.textChild("value", MamQuery.DATA, value);
        }
        return field.build();
    }
}
