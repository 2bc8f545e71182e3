package org.xmppd.server.modules.caps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.xmppd.server.module.DiscoInfo;
import org.xmppd.server.module.Identity;

/** The XEP-0115 §5.1 verification string of a disco#info answer, and the node it is published under. */
public final class EntityCaps {
    /** §4: the URI of the software, the caps node; {@code NODE#ver} answers disco#info (§6.2). */
    public static final String NODE = "https://xmppd.org";

    /** §5.1: strings sort by "i;octet" (RFC 4790), the bytes of their UTF-8 form. */
    private static final Comparator<String> OCTETS = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private EntityCaps() {
    }

    /** The base64 SHA-1 of identities then features, each sorted (§5.1; no data forms here). */
    public static String verification(DiscoInfo info) {
        List<String> identities = new ArrayList<>();
        for (Identity identity : info.identities()) {
            // category/type/lang/name; identities here carry no xml:lang.
            identities.add(identity.category() + "/" + identity.type() + "//"
                    + (identity.name() == null ? "" : identity.name()));
        }
        identities.sort(OCTETS);
        List<String> features = new ArrayList<>(info.features());
        features.sort(OCTETS);
        StringBuilder s = new StringBuilder();
        identities.forEach(i -> s.append(i).append('<'));
        features.forEach(f -> s.append(f).append('<'));
        return Base64.getEncoder().encodeToString(sha1(s.toString()));
    }

    /** The disco node whose info is {@code info} (§6.2). */
    public static String node(DiscoInfo info) {
        return NODE + "#" + verification(info);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest's specification).
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
