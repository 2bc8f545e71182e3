package org.xmppd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppd.server.config.LimitsConfig;

/**
 * Bad input over the wire gets its RFC 6120 §4.9.3 stream error and loses its connection, while
 * another client, connected with Smack, carries on.
 */
class StreamErrorsTest {
    /** The RFC 6120 §13.12 minimum, so an oversized stanza is cheap to send. */
    static final int MAX_STANZA_BYTES = 10_000;

    @RegisterExtension
    static final TestServer SERVER = new TestServer(config -> config.withLimits(smallStanzas()));

    static XMPPTCPConnection witness;
    static BlockingQueue<Message> witnessInbox;

    private RawXmppClient raw;

    static LimitsConfig smallStanzas() {
        LimitsConfig d = LimitsConfig.defaults();
        return new LimitsConfig(MAX_STANZA_BYTES, d.maxDepth(), d.idleTimeoutSeconds(), d.pingTimeoutSeconds(),
                d.authFailuresBeforeDelay(), d.authDelayMaxSeconds(), d.scramIterations(),
                d.handshakeTimeoutSeconds());
    }

    @BeforeAll
    static void accounts() throws Exception {
        SERVER.createUser("mallory", "evil");
        SERVER.createUser("wendy", "witness");
        witness = SERVER.login("wendy", "witness", "SCRAM-SHA-256");
        witnessInbox = LoginAndChatTest.inbox(witness);
    }

    @AfterAll
    static void disconnect() {
        witness.disconnect();
    }

    @BeforeEach
    void clearInbox() {
        witnessInbox.clear();
    }

    @AfterEach
    void closeRaw() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    static Stream<Arguments> afterBind() {
        String to = " to='wendy@localhost'";
        return Stream.of(
                Arguments.of("unclosed element", "<message" + to + "><body></message>", "not-well-formed"),
                Arguments.of("entity reference in text", "<message" + to + "><body>&foo;</body></message>",
                        "restricted-xml"),
                Arguments.of("entity reference in attribute", "<message to='&foo;'><body>x</body></message>",
                        "restricted-xml"),
                Arguments.of("processing instruction", "<?evil pi?><message" + to + "><body>x</body></message>",
                        "restricted-xml"),
                Arguments.of("comment", "<!-- hidden --><message" + to + "><body>x</body></message>",
                        "restricted-xml"),
                Arguments.of("comment inside a stanza", "<message" + to + "><!-- x --><body>x</body></message>",
                        "restricted-xml"),
                Arguments.of("oversized stanza",
                        "<message" + to + "><body>" + "x".repeat(MAX_STANZA_BYTES + 100) + "</body></message>",
                        "policy-violation"),
                Arguments.of("jabber:server stanza", "<message xmlns='jabber:server'" + to + "><body>x</body></message>",
                        "invalid-namespace"),
                Arguments.of("unknown top-level element", "<foo xmlns='jabber:client'/>", "unsupported-stanza-type"),
                Arguments.of("spoofed full JID", "<message from='wendy@localhost/x'" + to + "><body>x</body></message>",
                        "invalid-from"),
                Arguments.of("spoofed domain", "<message from='localhost'" + to + "><body>x</body></message>",
                        "invalid-from"),
                Arguments.of("malformed from", "<message from='a@b@c'" + to + "><body>x</body></message>",
                        "invalid-from"));
    }

    /** RFC 6120 §4.9.1.1: the error is sent, the stream closed, and the offending data not processed. */
    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("afterBind")
    void badInputAfterBind(String what, String xml, String condition) throws Exception {
        raw = RawXmppClient.loginAndBind(SERVER, "mallory", "evil", "raw");
        raw.send(xml);
        assertEquals(condition, raw.awaitStreamError(), what);
        assertTrue(raw.awaitClosed(RawXmppClient.TIMEOUT), "connection closed");
        assertWitnessUnaffected();
    }

    static Stream<Arguments> badHeaders() {
        String ns = "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'";
        return Stream.of(
                Arguments.of("DTD with internal subset", "<?xml version='1.0'?><!DOCTYPE stream:stream "
                        + "[<!ENTITY foo 'bar'>]><stream:stream " + ns + " to='localhost' version='1.0'>",
                        "restricted-xml"),
                Arguments.of("DTD without subset", "<?xml version='1.0'?><!DOCTYPE stream:stream>"
                        + "<stream:stream " + ns + " to='localhost' version='1.0'>", "restricted-xml"),
                Arguments.of("processing instruction in prolog", "<?evil pi?><stream:stream " + ns
                        + " to='localhost' version='1.0'>", "restricted-xml"),
                Arguments.of("unserved domain", "<stream:stream " + ns + " to='example.net' version='1.0'>",
                        "host-unknown"),
                Arguments.of("no to", "<stream:stream " + ns + " version='1.0'>", "host-unknown"),
                Arguments.of("wrong stream namespace", "<stream:stream xmlns='jabber:client' "
                        + "xmlns:stream='http://example.com/streams' to='localhost' version='1.0'>",
                        "invalid-namespace"),
                Arguments.of("server content namespace", "<stream:stream xmlns='jabber:server' "
                        + "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>",
                        "invalid-namespace"),
                Arguments.of("missing version", "<stream:stream " + ns + " to='localhost'>", "unsupported-version"),
                Arguments.of("version 2.0", "<stream:stream " + ns + " to='localhost' version='2.0'>",
                        "unsupported-version"),
                Arguments.of("not a stream root", "<message " + ns + "/>", "bad-format"));
    }

    /** RFC 6120 §4.9.1.2: an error in the header still gets a response header first. */
    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badHeaders")
    void badStreamHeader(String what, String xml, String condition) throws Exception {
        raw = RawXmppClient.connect(SERVER);
        raw.send(xml);
        assertEquals(condition, raw.awaitStreamError(), what);
        assertTrue(raw.text().contains("<stream:stream "), "response header sent before the error");
        assertTrue(raw.awaitClosed(RawXmppClient.TIMEOUT), "connection closed");
        assertWitnessUnaffected();
    }

    /** RFC 6120 §5.3.1, §6.4.1: with TLS mandatory only STARTTLS is offered, SASL comes after TLS. */
    @Test
    void plainIsOfferedOnlyAfterTls() throws Exception {
        raw = RawXmppClient.connect(SERVER);
        String before = raw.openStream();
        assertTrue(before.matches("(?s).*<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"><required/></starttls>.*"),
                before);
        assertFalse(before.contains("<mechanisms"), "no SASL before TLS: " + before);
        raw.starttls();
        String after = raw.openStream();
        assertTrue(after.contains("<mechanism>PLAIN</mechanism>"), after);
        assertTrue(after.contains("<mechanism>SCRAM-SHA-256</mechanism>"), after);
        assertFalse(after.contains("starttls"), "no second STARTTLS: " + after);
    }

    /**
     * RFC 6120 §6.5.4: {@code <auth/>} before mandatory TLS fails with {@code encryption-required};
     * no password is checked, and the client may still start TLS.
     */
    @Test
    void plainAuthBeforeStarttlsIsRefused() throws Exception {
        raw = RawXmppClient.connect(SERVER);
        raw.openStream();
        raw.send(RawXmppClient.plainAuth("mallory", "evil"));
        String answer = raw.readUntil("</failure>");
        assertTrue(answer.contains("<encryption-required/>"), answer);
        assertFalse(answer.contains("success"), answer);
        raw.starttls();
        raw.openStream();
        raw.authPlain("mallory", "evil");
        assertTrue(raw.openStream().contains("urn:ietf:params:xml:ns:xmpp-bind"));
    }

    /** RFC 6120 §5.3.1 with §4.9.3.14: skipping mandatory TLS breaks local policy. */
    @Test
    void stanzaBeforeTlsIsPolicyViolation() throws Exception {
        raw = RawXmppClient.connect(SERVER);
        raw.openStream();
        raw.send("<message to='wendy@localhost'><body>sneaky</body></message>");
        assertEquals("policy-violation", raw.awaitStreamError());
        assertTrue(raw.awaitClosed(RawXmppClient.TIMEOUT));
        assertWitnessUnaffected();
    }

    /** RFC 6120 §4.9.3.12: stanzas before authentication are not-authorized. */
    @Test
    void stanzaAfterTlsBeforeAuthIsNotAuthorized() throws Exception {
        raw = RawXmppClient.connect(SERVER);
        raw.openStream();
        raw.starttls();
        raw.openStream();
        raw.send("<message to='wendy@localhost'><body>sneaky</body></message>");
        assertEquals("not-authorized", raw.awaitStreamError());
        assertTrue(raw.awaitClosed(RawXmppClient.TIMEOUT));
        assertWitnessUnaffected();
    }

    /** RFC 6120 §7.1: nothing but resource binding before a resource is bound. */
    @Test
    void stanzaBeforeBindIsNotAuthorized() throws Exception {
        raw = RawXmppClient.connect(SERVER);
        raw.openStream();
        raw.starttls();
        raw.openStream();
        raw.authPlain("mallory", "evil");
        raw.openStream();
        raw.send("<message to='wendy@localhost'><body>sneaky</body></message>");
        assertEquals("not-authorized", raw.awaitStreamError());
        assertTrue(raw.awaitClosed(RawXmppClient.TIMEOUT));
        assertWitnessUnaffected();
    }

    /** The same checks on a direct TLS (XEP-0368) connection. */
    @Test
    void directTlsMalformedXml() throws Exception {
        raw = RawXmppClient.connectDirectTls(SERVER);
        String features = raw.openStream();
        assertTrue(features.contains("<mechanism>PLAIN</mechanism>"), features);
        assertFalse(features.contains("starttls"), features);
        raw.send("<message><body></message>");
        assertEquals("not-well-formed", raw.awaitStreamError());
        assertTrue(raw.awaitClosed(RawXmppClient.TIMEOUT));
        assertWitnessUnaffected();
    }

    /**
     * The witness still answers a ping, and a message it sends itself is the first one it gets:
     * nothing the offender sent was delivered.
     */
    private static void assertWitnessUnaffected() throws Exception {
        assertTrue(witness.isConnected() && witness.isAuthenticated(), "witness still connected");
        assertTrue(PingManager.getInstanceFor(witness).pingMyServer(), "witness pings the server");
        witness.sendStanza(MessageBuilder.buildMessage().to(witness.getUser()).ofType(Message.Type.chat)
                .setBody("marker").build());
        Message first = witnessInbox.poll(5, TimeUnit.SECONDS);
        assertEquals("marker", first == null ? null : first.getBody(), "nothing from the offender came first");
    }
}
