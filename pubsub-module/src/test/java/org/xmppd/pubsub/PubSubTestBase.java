package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.junit.jupiter.api.function.Executable;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;

/** Accounts, connections and assertions shared by the end-to-end pubsub and PEP tests. */
abstract class PubSubTestBase {
    static final long WAIT_MS = 5000;
    /** The pubsub service of the test server's host. */
    static final DomainBareJid SERVICE = JidCreate.domainBareFromOrThrowUnchecked("pubsub.localhost");
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private final List<XMPPTCPConnection> connections = new ArrayList<>();

    /** A server with the default modules: pubsub and pep are among them (muc is left out here). */
    static TestServer newServer() {
        return new TestServer();
    }

    abstract TestServer server();

    @AfterEach
    void disconnect() {
        connections.forEach(XMPPTCPConnection::disconnect);
        connections.clear();
    }

    static PubSubManager pubsub(XMPPTCPConnection connection) {
        return PubSubManager.getInstanceFor(connection, SERVICE);
    }

    /** An item with an Atom-like entry. */
    static PayloadItem<SimplePayload> entry(String id, String text) {
        return new PayloadItem<>(id, new SimplePayload("<entry xmlns='urn:test:entry'>" + text + "</entry>"));
    }

    /** A new account, logged in with presence sent. */
    XMPPTCPConnection login(String prefix) throws Exception {
        String name = prefix + ACCOUNTS.incrementAndGet();
        server().createUser(name, "pw-" + name);
        XMPPTCPConnection connection = server().login(name, "pw-" + name, "SCRAM-SHA-1");
        connections.add(connection);
        return connection;
    }

    /** A new account, logged in with presence sent, whose received XML is kept in {@code log[0]}. */
    XMPPTCPConnection loginLogged(String prefix, WireLog[] log) throws Exception {
        String name = prefix + ACCOUNTS.incrementAndGet();
        server().createUser(name, "pw-" + name);
        XMPPTCPConnection connection = new XMPPTCPConnection(server().starttls(name, "pw-" + name)
                .addEnabledSaslMechanism("SCRAM-SHA-1").setDebuggerFactory(c -> log[0] = new WireLog(c)).build());
        connection.connect().login();
        connections.add(connection);
        return connection;
    }

    /** Every message with a pubsub event that reaches {@code connection} from now on. */
    static BlockingQueue<Message> events(XMPPTCPConnection connection) {
        BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
        connection.addAsyncStanzaListener(s -> queue.add((Message) s), s -> s instanceof Message m
                && m.hasExtension("event", "http://jabber.org/protocol/pubsub#event"));
        return queue;
    }

    static Message next(BlockingQueue<Message> queue) throws InterruptedException {
        Message message = queue.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(message, "no event arrived");
        return message;
    }

    /** The XML of the next event. */
    static String nextXml(BlockingQueue<Message> queue) throws InterruptedException {
        return next(queue).toXML().toString();
    }

    /** Asserts the call fails with {@code condition}; returns the error for more checks. */
    static StanzaError fails(StanzaError.Condition condition, Executable call) {
        XMPPErrorException e = assertThrows(XMPPErrorException.class, call);
        assertEquals(condition, e.getStanzaError().getCondition(), e.getStanzaError().toXML().toString());
        return e.getStanzaError();
    }

    /** Asserts the error carries the {@code pubsub#errors} condition {@code name}. */
    static void hasSpecific(StanzaError error, String name) {
        assertNotNull(error.getExtension(name, "http://jabber.org/protocol/pubsub#errors"),
                "expected <" + name + "/> in " + error.toXML());
    }
}
