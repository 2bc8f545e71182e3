package org.xmppd.server.sasl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.ScramCredential;

/** Shared test setup: an in-memory credential table and contexts for example.org. */
final class SaslFixtures {

    static final DomainBareJid DOMAIN = JidCreate.domainBareFromOrThrowUnchecked("example.org");
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] CERT_HASH = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    /** Credentials by "localpart/mechanism"; records every lookup. */
    static final class Users implements CredentialLookup {
        private final Map<String, ScramCredential> credentials = new HashMap<>();
        final List<String> lookups = new ArrayList<>();

        Users add(String localpart, String password) {
            for (String mechanism : List.of("SCRAM-SHA-1", "SCRAM-SHA-256")) {
                credentials.put(localpart + "/" + mechanism,
                        ScramCredentials.derive(mechanism, password, salt(localpart), 4096));
            }
            return this;
        }

        Users put(String localpart, ScramCredential credential) {
            credentials.put(localpart + "/" + credential.mechanism(), credential);
            return this;
        }

        @Override
        public Optional<ScramCredential> find(String localpart, String mechanism) {
            lookups.add(localpart);
            return Optional.ofNullable(credentials.get(localpart + "/" + mechanism));
        }
    }

    private SaslFixtures() {
    }

    static byte[] salt(String localpart) {
        byte[] salt = new byte[ScramCredentials.SALT_LENGTH];
        byte[] name = localpart.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, salt, 0, Math.min(name.length, salt.length));
        return salt;
    }

    static SaslContext plain(CredentialLookup users) {
        return new SaslContext(DOMAIN, users, false, List.of());
    }

    static SaslContext tls(CredentialLookup users) {
        return new SaslContext(DOMAIN, users, true, List.of());
    }

    static SaslContext tlsWithBinding(CredentialLookup users) {
        return new SaslContext(DOMAIN, users, true, List.of(ChannelBinding.tlsServerEndPoint(CERT_HASH)));
    }

    static SaslMechanisms mechanisms(String serverNonce) {
        return new SaslMechanisms(SaslMechanisms.SUPPORTED, 4096, () -> serverNonce, SECRET);
    }

    static SaslMechanism create(SaslMechanisms mechanisms, String name, SaslContext context) {
        return mechanisms.create(name, context).orElseThrow(() -> new AssertionError(name + " not offered"));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
