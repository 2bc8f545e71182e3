package org.xmppd.server.sasl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Parses the client messages of SCRAM (RFC 5802 §7 grammar). */
final class ScramMessages {

    /** The gs2-cbind-flag (RFC 5802 §7): no binding, binding supported but not used, binding used. */
    enum BindingFlag { N, Y, P }

    /**
     * The GS2 header (RFC 5801 §4, RFC 5802 §7); {@code raw} is echoed back in the client's {@code c=}.
     */
    record Gs2Header(BindingFlag flag, String bindingTypeOrNull, String authzidOrNull, String raw) {}

    /** The client-first-message: header, the bare part (for AuthMessage), username and client nonce. */
    record ClientFirst(Gs2Header header, String bare, String username, String nonce) {}

    /** The client-final-message; {@code withoutProof} goes into the AuthMessage. */
    record ClientFinal(String channelBinding, String nonce, String proof, String withoutProof) {}

    private ScramMessages() {
    }

    static String utf8(byte[] data) throws AuthenticationFailure {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("Message is not valid UTF-8");
        }
    }

    static ClientFirst parseClientFirst(String message) throws AuthenticationFailure {
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) {
            throw malformed("Missing GS2 header");
        }
        Gs2Header header = gs2Header(message.substring(0, first), message.substring(first + 1, second),
                message.substring(0, second + 1));
        String bare = message.substring(second + 1);
        List<String> attributes = attributes(bare);
        if (attributes.get(0).startsWith("m=")) {
            throw malformed("Mandatory SCRAM extensions are not supported"); // RFC 5802 §5.1 m
        }
        if (attributes.size() < 2 || !attributes.get(0).startsWith("n=") || !attributes.get(1).startsWith("r=")) {
            throw malformed("Expected n= and r= attributes");
        }
        String username = saslName(attributes.get(0).substring(2));
        String nonce = nonce(attributes.get(1).substring(2));
        return new ClientFirst(header, bare, username, nonce);
    }

    static ClientFinal parseClientFinal(String message) throws AuthenticationFailure {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw malformed("Missing p= attribute");
        }
        String withoutProof = message.substring(0, proofAt);
        String proof = message.substring(proofAt + 3);
        List<String> attributes = attributes(withoutProof);
        if (attributes.size() < 2 || !attributes.get(0).startsWith("c=") || !attributes.get(1).startsWith("r=")
                || proof.indexOf(',') >= 0) {
            throw malformed("Expected c=, r= and p= attributes");
        }
        return new ClientFinal(attributes.get(0).substring(2), attributes.get(1).substring(2), proof, withoutProof);
    }

    static byte[] base64(String value) throws AuthenticationFailure {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw malformed("Invalid base64 in SCRAM attribute");
        }
    }

    /** RFC 5802 §5.1: {@code =2C} and {@code =3D} stand for ',' and '='; any other '=' is an error. */
    static String saslName(String encoded) throws AuthenticationFailure {
        StringBuilder decoded = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '=') {
                decoded.append(c);
            } else if (encoded.startsWith("=2C", i)) {
                decoded.append(',');
                i += 2;
            } else if (encoded.startsWith("=3D", i)) {
                decoded.append('=');
                i += 2;
            } else {
                throw malformed("Invalid escape in SCRAM username");
            }
        }
        if (decoded.length() == 0) {
            throw malformed("Empty SCRAM name");
        }
        return decoded.toString();
    }

    private static Gs2Header gs2Header(String flag, String authz, String raw) throws AuthenticationFailure {
        String authzid = null;
        if (!authz.isEmpty()) {
            if (!authz.startsWith("a=")) {
                throw malformed("Invalid authzid in GS2 header");
            }
            authzid = saslName(authz.substring(2));
        }
        if (flag.equals("n")) {
            return new Gs2Header(BindingFlag.N, null, authzid, raw);
        }
        if (flag.equals("y")) {
            return new Gs2Header(BindingFlag.Y, null, authzid, raw);
        }
        if (flag.startsWith("p=") && flag.length() > 2 && flag.substring(2).matches("[A-Za-z0-9.-]+")) {
            return new Gs2Header(BindingFlag.P, flag.substring(2), authzid, raw);
        }
        throw malformed("Invalid channel-binding flag in GS2 header");
    }

    private static List<String> attributes(String text) throws AuthenticationFailure {
        List<String> attributes = List.of(text.split(",", -1));
        for (String attribute : attributes) {
            if (attribute.length() < 2 || attribute.charAt(1) != '=' || !isAsciiLetter(attribute.charAt(0))) {
                throw malformed("Invalid SCRAM attribute");
            }
        }
        return attributes;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** RFC 5802 §7: a nonce is printable ASCII except ','. */
    private static String nonce(String value) throws AuthenticationFailure {
        if (value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ',')) {
            throw malformed("Invalid nonce");
        }
        return value;
    }

    private static AuthenticationFailure malformed(String text) {
        return new AuthenticationFailure(SaslFailure.MALFORMED_REQUEST, text);
    }
}
