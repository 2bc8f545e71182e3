package org.xmppd.pubsub.caps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.xmppd.codec.Element;

/**
 * The XEP-0115 §5.1 verification string of a disco#info answer, with identities, features and
 * extended forms (XEP-0128), so a client's answer is checked before it is shared with every
 * client announcing the same string (§5.4).
 */
final class Verification {
    private static final String INFO = "http://jabber.org/protocol/disco#info";
    private static final String DATA = "jabber:x:data";
    /** §5.1: strings sort by "i;octet" (RFC 4790), the bytes of their UTF-8 form. */
    private static final Comparator<String> OCTETS = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private Verification() {
    }

    /** The verification string of {@code query} hashed with {@code hash}; empty for an unknown hash. */
    static Optional<String> of(Element query, String hash) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(hash.toUpperCase(Locale.ROOT));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty(); // §5.4: an unsupported hash cannot be checked
        }
        byte[] bytes = digest.digest(input(query).getBytes(StandardCharsets.UTF_8));
        return Optional.of(Base64.getEncoder().encodeToString(bytes));
    }

    private static String input(Element query) {
        List<String> identities = new ArrayList<>();
        List<String> features = new ArrayList<>();
        List<Element> forms = new ArrayList<>();
        for (Element child : query.elements()) {
            if (child.is("identity", INFO)) {
                identities.add(value(child, "category") + "/" + value(child, "type") + "/"
                        + value(child, "xml:lang") + "/" + value(child, "name"));
            } else if (child.is("feature", INFO)) {
                features.add(value(child, "var"));
            } else if (child.is("x", DATA)) {
                forms.add(child);
            }
        }
        identities.sort(OCTETS);
        features.sort(OCTETS);
        StringBuilder s = new StringBuilder();
        identities.forEach(i -> s.append(i).append('<'));
        features.forEach(f -> s.append(f).append('<'));
        forms.stream().map(Verification::form).sorted(OCTETS).forEach(s::append);
        return s.toString();
    }

    /** §5.1 step 7: FORM_TYPE first, then each field by var with its sorted values. */
    private static String form(Element x) {
        String formType = "";
        List<String[]> fields = new ArrayList<>();
        for (Element field : x.elements()) {
            if (!field.is("field", DATA)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            field.elements().stream().filter(v -> v.is("value", DATA)).forEach(v -> values.add(v.text()));
            values.sort(OCTETS);
            String var = value(field, "var");
            if (var.equals("FORM_TYPE")) {
                formType = values.isEmpty() ? "" : values.get(0);
            } else {
                fields.add(new String[] {var, var + "<" + String.join("<", values) + (values.isEmpty() ? "" : "<")});
            }
        }
        fields.sort((a, b) -> OCTETS.compare(a[0], b[0]));
        StringBuilder s = new StringBuilder(formType).append('<');
        fields.forEach(f -> s.append(f[1]));
        return s.toString();
    }

    private static String value(Element element, String attribute) {
        String value = element.attributeOrNull(attribute);
        return value == null ? "" : value;
    }
}
