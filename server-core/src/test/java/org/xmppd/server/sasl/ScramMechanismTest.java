package org.xmppd.server.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.xmppd.server.sasl.SaslFixtures.base64;
import static org.xmppd.server.sasl.SaslFixtures.create;
import static org.xmppd.server.sasl.SaslFixtures.text;
import static org.xmppd.server.sasl.SaslFixtures.utf8;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScramMechanismTest {

    private final SaslFixtures.Users users = new SaslFixtures.Users().add("juliet", "r0m30myr0m30");
    private final SaslMechanisms mechanisms = SaslFixtures.mechanisms("SERVERNONCE");

    /** RFC 5802 §5: the SCRAM-SHA-1 example exchange, byte for byte. */
    @Test
    void rfc5802TestVector() {
        users.put("user", ScramCredentials.derive("SCRAM-SHA-1", "pencil", base64("QSXCR+Q6sek8bf92"), 4096));
        SaslMechanism scram = create(SaslFixtures.mechanisms("3rfcNHYJY1ZVvWVs7j"), "SCRAM-SHA-1",
                SaslFixtures.plain(users));

        Step first = scram.start(utf8("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));
        assertEquals("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
                text(assertInstanceOf(Step.Challenge.class, first).data()));
        Step last = scram.respond(utf8("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,"
                + "p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="));
        Step.Success success = assertInstanceOf(Step.Success.class, last);
        assertEquals("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=", text(success.additionalDataOrNull()));
        assertEquals("user", success.authenticatedLocalpart());
    }

    /**
     * RFC 7677 §3: the SCRAM-SHA-256 example exchange. The published server signature has a typo
     * (RFC Errata 5089): the correct value, produced by every implementation, ends in {@code 95G4=}.
     */
    @Test
    void rfc7677TestVector() {
        users.put("user", ScramCredentials.derive("SCRAM-SHA-256", "pencil", base64("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096));
        SaslMechanism scram = create(SaslFixtures.mechanisms("%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"), "SCRAM-SHA-256",
                SaslFixtures.plain(users));

        Step first = scram.start(utf8("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                text(assertInstanceOf(Step.Challenge.class, first).data()));
        Step last = scram.respond(utf8("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
                text(assertInstanceOf(Step.Success.class, last).additionalDataOrNull()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void fullExchangeWithoutInitialResponse(boolean sha256) {
        SaslMechanism scram = create(mechanisms, sha256 ? "SCRAM-SHA-256" : "SCRAM-SHA-1", SaslFixtures.plain(users));
        ScramClient client = new ScramClient(sha256, "n,,", "juliet", "abc", new byte[0]);

        assertEquals(0, assertInstanceOf(Step.Challenge.class, scram.start(null)).data().length);
        byte[] serverFirst = assertInstanceOf(Step.Challenge.class, scram.respond(client.clientFirst())).data();
        byte[] clientFinal = client.clientFinal(serverFirst, "r0m30myr0m30");
        Step.Success success = assertInstanceOf(Step.Success.class, scram.respond(clientFinal));
        assertEquals(client.expectedServerFinal(serverFirst, clientFinal, "r0m30myr0m30"),
                text(success.additionalDataOrNull()));
        assertEquals("juliet", success.authenticatedLocalpart());
    }

    @Test
    void wrongPasswordIsNotAuthorized() {
        Step.Failure failure = exchange("SCRAM-SHA-256", "juliet", "wrong", SaslFixtures.plain(users));
        assertEquals(SaslFailure.NOT_AUTHORIZED, failure.condition());
    }

    @Test
    void unknownUserLooksLikeWrongPassword() {
        SaslContext context = SaslFixtures.plain(users);
        Step.Failure wrongPassword = exchange("SCRAM-SHA-256", "juliet", "wrong", context);
        Step.Failure unknownUser = exchange("SCRAM-SHA-256", "romeo", "wrong", context);
        assertEquals(wrongPassword, unknownUser);

        String known = serverFirst("juliet");
        String unknown = serverFirst("romeo");
        assertEquals(ScramClient.attribute(known, 'i'), ScramClient.attribute(unknown, 'i'));
        assertEquals(ScramClient.attribute(known, 's').length(), ScramClient.attribute(unknown, 's').length());
        assertEquals(ScramClient.attribute(unknown, 's'), ScramClient.attribute(serverFirst("romeo"), 's'),
                "an unknown user's salt must be stable, or repeated probes would reveal it is fake");
    }

    @Test
    void usernameIsUnescapedAndNormalized() {
        users.add("a,b=c", "secret");
        SaslContext context = SaslFixtures.plain(users);
        assertInstanceOf(Step.Challenge.class,
                create(mechanisms, "SCRAM-SHA-1", context).start(utf8("n,,n=a=2Cb=3Dc,r=xyz")));
        assertEquals("a,b=c", users.lookups.get(users.lookups.size() - 1));

        ScramClient client = new ScramClient(false, "n,,", "JULIET", "abc", new byte[0]);
        SaslMechanism scram = create(mechanisms, "SCRAM-SHA-1", context);
        byte[] serverFirst = ((Step.Challenge) scram.start(client.clientFirst())).data();
        Step step = scram.respond(client.clientFinal(serverFirst, "r0m30myr0m30"));
        assertEquals("juliet", assertInstanceOf(Step.Success.class, step).authenticatedLocalpart());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "n,,", "x,,n=juliet,r=abc", "n,b=x,n=juliet,r=abc",
        "n,,m=ext,n=juliet,r=abc", "n,,n=jul=iet,r=abc", "n,,r=abc,n=juliet", "n,,n=juliet,r=a b",
        "n,,n=,r=abc", "p=,,n=juliet,r=abc", "n,,n=juliet"})
    void malformedClientFirst(String message) {
        Step step = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.plain(users)).start(utf8(message));
        assertEquals(SaslFailure.MALFORMED_REQUEST, assertInstanceOf(Step.Failure.class, step).condition());
    }

    @Test
    void invalidUtf8IsMalformed() {
        Step step = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.plain(users))
                .start(new byte[] {'n', ',', ',', 'n', '=', (byte) 0xC3, ',', 'r', '=', 'a'});
        assertEquals(SaslFailure.MALFORMED_REQUEST, assertInstanceOf(Step.Failure.class, step).condition());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c=biws,r=abcSERVERNONCE", "c=biws,r=abcSERVERNONCE,p=!!notbase64!!", "r=x,c=biws,p=AA=="})
    void malformedClientFinal(String message) {
        SaslMechanism scram = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.plain(users));
        scram.start(utf8("n,,n=juliet,r=abc"));
        Step step = scram.respond(utf8(message));
        assertEquals(SaslFailure.MALFORMED_REQUEST, assertInstanceOf(Step.Failure.class, step).condition());
    }

    @Test
    void nonceMismatchIsRejected() {
        SaslMechanism scram = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.plain(users));
        ScramClient client = new ScramClient(true, "n,,", "juliet", "abc", new byte[0]);
        byte[] serverFirst = ((Step.Challenge) scram.start(client.clientFirst())).data();
        byte[] forged = utf8(text(serverFirst).replace("r=abcSERVERNONCE", "r=abcOTHERNONCE"));
        Step step = scram.respond(client.clientFinal(forged, "r0m30myr0m30"));
        assertEquals(SaslFailure.NOT_AUTHORIZED, assertInstanceOf(Step.Failure.class, step).condition());
    }

    @Test
    void authzidMustBeTheAuthenticatedBareJid() {
        SaslContext context = SaslFixtures.plain(users);
        Step other = create(mechanisms, "SCRAM-SHA-256", context).start(utf8("n,a=romeo@example.org,n=juliet,r=abc"));
        assertEquals(SaslFailure.INVALID_AUTHZID, assertInstanceOf(Step.Failure.class, other).condition());
        Step otherDomain = create(mechanisms, "SCRAM-SHA-256", context)
                .start(utf8("n,a=juliet@example.net,n=juliet,r=abc"));
        assertEquals(SaslFailure.INVALID_AUTHZID, assertInstanceOf(Step.Failure.class, otherDomain).condition());

        ScramClient client = new ScramClient(true, "n,a=juliet@example.org,", "juliet", "abc", new byte[0]);
        SaslMechanism scram = create(mechanisms, "SCRAM-SHA-256", context);
        byte[] serverFirst = ((Step.Challenge) scram.start(client.clientFirst())).data();
        assertInstanceOf(Step.Success.class, scram.respond(client.clientFinal(serverFirst, "r0m30myr0m30")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS"})
    void plusWithMatchingBindingSucceeds(String name) {
        Step step = plusExchange(name, SaslFixtures.CERT_HASH);
        assertEquals("juliet", assertInstanceOf(Step.Success.class, step).authenticatedLocalpart());
    }

    @Test
    void plusWithOtherBindingDataFails() {
        byte[] otherCertificate = SaslFixtures.CERT_HASH.clone();
        otherCertificate[0] ^= 1;
        Step step = plusExchange("SCRAM-SHA-256-PLUS", otherCertificate);
        assertEquals(SaslFailure.NOT_AUTHORIZED, assertInstanceOf(Step.Failure.class, step).condition());
    }

    @Test
    void plusNeedsTheBindingFlag() {
        SaslContext context = SaslFixtures.tlsWithBinding(users);
        Step noBinding = create(mechanisms, "SCRAM-SHA-256-PLUS", context).start(utf8("n,,n=juliet,r=abc"));
        assertEquals(SaslFailure.MALFORMED_REQUEST, assertInstanceOf(Step.Failure.class, noBinding).condition());
        Step unknownType = create(mechanisms, "SCRAM-SHA-256-PLUS", context)
                .start(utf8("p=tls-unique,,n=juliet,r=abc"));
        assertEquals(SaslFailure.NOT_AUTHORIZED, assertInstanceOf(Step.Failure.class, unknownType).condition());
        Step bindingWithoutPlus = create(mechanisms, "SCRAM-SHA-256", context)
                .start(utf8("p=tls-server-end-point,,n=juliet,r=abc"));
        assertEquals(SaslFailure.MALFORMED_REQUEST,
                assertInstanceOf(Step.Failure.class, bindingWithoutPlus).condition());
    }

    /** RFC 5802 §6: "y" means the client thinks we cannot bind; if we offered -PLUS, someone stripped it. */
    @Test
    void yFlagWhilePlusIsOfferedIsADowngrade() {
        Step downgrade = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.tlsWithBinding(users))
                .start(utf8("y,,n=juliet,r=abc"));
        assertEquals(SaslFailure.NOT_AUTHORIZED, assertInstanceOf(Step.Failure.class, downgrade).condition());

        SaslMechanism scram = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.tls(users));
        ScramClient client = new ScramClient(true, "y,,", "juliet", "abc", new byte[0]);
        byte[] serverFirst = ((Step.Challenge) scram.start(client.clientFirst())).data();
        assertInstanceOf(Step.Success.class, scram.respond(client.clientFinal(serverFirst, "r0m30myr0m30")));
    }

    @Test
    void bindingFlagMustBeEchoedInClientFinal() {
        SaslMechanism scram = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.tls(users));
        byte[] serverFirst = ((Step.Challenge) scram.start(utf8("y,,n=juliet,r=abc"))).data();
        ScramClient liar = new ScramClient(true, "n,,", "juliet", "abc", new byte[0]);
        Step step = scram.respond(liar.clientFinal(serverFirst, "r0m30myr0m30"));
        assertEquals(SaslFailure.NOT_AUTHORIZED, assertInstanceOf(Step.Failure.class, step).condition());
    }

    @Test
    void noStepsAfterTheEnd() {
        SaslMechanism scram = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.plain(users));
        assertInstanceOf(Step.Failure.class, scram.start(utf8("garbage")));
        Step again = scram.respond(utf8("n,,n=juliet,r=abc"));
        assertEquals(SaslFailure.MALFORMED_REQUEST, assertInstanceOf(Step.Failure.class, again).condition());
        assertEquals(SaslFailure.MALFORMED_REQUEST,
                assertInstanceOf(Step.Failure.class, scram.start(null)).condition());
    }

    @Test
    void storeFailureIsTemporary() {
        CredentialLookup broken = (localpart, mechanism) -> {
            throw new IllegalStateException("database down");
        };
        Step step = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.plain(broken)).start(utf8("n,,n=juliet,r=abc"));
        assertEquals(SaslFailure.TEMPORARY_AUTH_FAILURE, assertInstanceOf(Step.Failure.class, step).condition());
    }

    @Test
    void challengeBytesAreCopied() {
        byte[] data = {1, 2, 3};
        Step.Challenge challenge = new Step.Challenge(data);
        data[0] = 9;
        challenge.data()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, challenge.data());
        assertEquals(List.of(new Step.Challenge(new byte[] {1, 2, 3})), List.of(challenge));
    }

    private Step plusExchange(String name, byte[] clientBindingData) {
        SaslMechanism scram = create(mechanisms, name, SaslFixtures.tlsWithBinding(users));
        ScramClient client = new ScramClient(name.startsWith("SCRAM-SHA-256"), "p=tls-server-end-point,,",
                "juliet", "abc", clientBindingData);
        byte[] serverFirst = ((Step.Challenge) scram.start(client.clientFirst())).data();
        return scram.respond(client.clientFinal(serverFirst, "r0m30myr0m30"));
    }

    private Step.Failure exchange(String name, String user, String password, SaslContext context) {
        SaslMechanism scram = create(mechanisms, name, context);
        ScramClient client = new ScramClient(name.contains("256"), "n,,", user, "abc", new byte[0]);
        byte[] serverFirst = assertInstanceOf(Step.Challenge.class, scram.start(client.clientFirst())).data();
        return assertInstanceOf(Step.Failure.class, scram.respond(client.clientFinal(serverFirst, password)));
    }

    private String serverFirst(String user) {
        SaslMechanism scram = create(mechanisms, "SCRAM-SHA-256", SaslFixtures.plain(users));
        return text(((Step.Challenge) scram.start(utf8("n,,n=" + user + ",r=abc"))).data());
    }
}
