package org.xmppd.server.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaslMechanismsTest {

    private final SaslFixtures.Users users = new SaslFixtures.Users();

    @Test
    void offersStrongestFirstAndOnlyWhatTheTransportAllows() {
        SaslMechanisms all = SaslFixtures.mechanisms("n");
        assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-1"), all.offered(SaslFixtures.plain(users)));
        assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN"), all.offered(SaslFixtures.tls(users)));
        assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN"),
                all.offered(SaslFixtures.tlsWithBinding(users)));
    }

    @Test
    void offersOnlyEnabledMechanisms() {
        SaslMechanisms some = SaslMechanisms.withSecureRandom(List.of("PLAIN", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-1"),
                4096, new SecureRandom());
        assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-1", "PLAIN"),
                some.offered(SaslFixtures.tlsWithBinding(users)));
    }

    @Test
    void createsOnlyOfferedMechanisms() {
        SaslMechanisms all = SaslFixtures.mechanisms("n");
        assertTrue(all.create("PLAIN", SaslFixtures.plain(users)).isEmpty(), "PLAIN needs TLS");
        assertTrue(all.create("SCRAM-SHA-256-PLUS", SaslFixtures.tls(users)).isEmpty(), "-PLUS needs binding data");
        assertTrue(all.create("DIGEST-MD5", SaslFixtures.tls(users)).isEmpty());
        assertEquals("SCRAM-SHA-1-PLUS",
                all.create("SCRAM-SHA-1-PLUS", SaslFixtures.tlsWithBinding(users)).orElseThrow().name());
    }

    @Test
    void unsupportedEnabledMechanismIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SaslMechanisms.withSecureRandom(List.of("SCRAM-SHA-256", "CRAM-MD5"), 4096, new SecureRandom()));
        assertTrue(e.getMessage().contains("CRAM-MD5"), e.getMessage());
    }

    @Test
    void bindingsNeedTls() {
        assertThrows(IllegalArgumentException.class, () -> new SaslContext(SaslFixtures.DOMAIN, users, false,
                List.of(ChannelBinding.tlsServerEndPoint(SaslFixtures.CERT_HASH))));
    }

    @Test
    void failureElementNamesFollowRfc6120() {
        assertEquals("not-authorized", SaslFailure.NOT_AUTHORIZED.elementName());
        assertEquals("temporary-auth-failure", SaslFailure.TEMPORARY_AUTH_FAILURE.elementName());
        assertEquals("invalid-authzid", SaslFailure.INVALID_AUTHZID.elementName());
        assertEquals(11, SaslFailure.values().length);
    }
}
