package org.xmppd.server.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.xmppd.server.sasl.SaslFixtures.create;
import static org.xmppd.server.sasl.SaslFixtures.utf8;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainMechanismTest {

    private final SaslFixtures.Users users = new SaslFixtures.Users().add("juliet", "r0m30myr0m30");
    private final SaslMechanisms mechanisms = SaslFixtures.mechanisms("unused");

    private Step plain(String message) {
        return create(mechanisms, "PLAIN", SaslFixtures.tls(users)).start(utf8(message));
    }

    @Test
    void correctPasswordSucceeds() {
        Step.Success success = assertInstanceOf(Step.Success.class, plain("\0juliet\0r0m30myr0m30"));
        assertEquals("juliet", success.authenticatedLocalpart());
        assertNull(success.additionalDataOrNull());
    }

    @Test
    void withoutInitialResponseTheServerSendsAnEmptyChallenge() {
        SaslMechanism plain = create(mechanisms, "PLAIN", SaslFixtures.tls(users));
        assertEquals(0, assertInstanceOf(Step.Challenge.class, plain.start(null)).data().length);
        assertInstanceOf(Step.Success.class, plain.respond(utf8("\0juliet\0r0m30myr0m30")));
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlike() {
        Step.Failure wrong = assertInstanceOf(Step.Failure.class, plain("\0juliet\0wrong"));
        Step.Failure unknown = assertInstanceOf(Step.Failure.class, plain("\0romeo\0wrong"));
        assertEquals(SaslFailure.NOT_AUTHORIZED, wrong.condition());
        assertEquals(wrong, unknown);
    }

    @Test
    void authzidMustBeTheUsersBareJid() {
        assertInstanceOf(Step.Success.class, plain("juliet@example.org\0juliet\0r0m30myr0m30"));
        Step.Failure other = assertInstanceOf(Step.Failure.class, plain("romeo@example.org\0juliet\0r0m30myr0m30"));
        assertEquals(SaslFailure.INVALID_AUTHZID, other.condition());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "juliet", "\0juliet", "\0\0r0m30myr0m30", "\0juliet\0", "a\0b\0c\0d"})
    void malformedMessages(String message) {
        assertEquals(SaslFailure.MALFORMED_REQUEST, assertInstanceOf(Step.Failure.class, plain(message)).condition());
    }

    @Test
    void sha1OnlyCredentialIsAccepted() {
        users.put("romeo", ScramCredentials.derive("SCRAM-SHA-1", "wherefore", 4096, new SecureRandom()));
        assertInstanceOf(Step.Success.class, plain("\0romeo\0wherefore"));
    }

    @Test
    void passwordIsPreparedLikeAtRegistration() {
        users.add("nurse", "caf\u00e9\u00a0latte");
        assertInstanceOf(Step.Success.class, plain("\0nurse\0cafe\u0301 latte"));
    }
}
