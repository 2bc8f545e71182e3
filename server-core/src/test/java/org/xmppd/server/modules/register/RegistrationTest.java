package org.xmppd.server.modules.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.iqregister.packet.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.xmppd.server.TestServer;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.Subscription;

/** XEP-0077 through the wire with Smack's {@link AccountManager}, as clients use it. */
class RegistrationTest {
    /** Registration on, with room for every account these tests create from 127.0.0.1. */
    @RegisterExtension
    static final TestServer OPEN = new TestServer(c -> c.withRegistration(c.registration().withEnabled(true)
            .withRateLimit(100, 600)));

    /** The shipped default: registration off. */
    @RegisterExtension
    static final TestServer CLOSED = new TestServer();

    /** Registration on, two accounts per address per ten minutes. */
    @RegisterExtension
    static final TestServer LIMITED = new TestServer(c -> c.withRegistration(c.registration().withEnabled(true)
            .withRateLimit(2, 600)));

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Test
    void createLoginChangePasswordRemove() throws Exception {
        String name = "carol" + NAMES.incrementAndGet();
        XMPPTCPConnection connection = connected(OPEN);
        try {
            AccountManager accounts = AccountManager.getInstance(connection);
            assertTrue(accounts.isSupported(), "register stream feature offered");
            assertTrue(accounts.supportsAccountCreation());
            assertEquals(Set.of("username", "password"), accounts.getAccountAttributes());
            accounts.createAccount(Localpart.from(name), "first secret");
            connection.login(name, "first secret");
            assertTrue(connection.isAuthenticated(), "logged in on the stream that registered");

            accounts.changePassword("second secret");
        } finally {
            connection.disconnect();
        }
        assertLoginFails(OPEN, name, "first secret");

        XMPPTCPConnection again = OPEN.login(name, "second secret", "SCRAM-SHA-256");
        CompletableFuture<Exception> closed = closedOnError(again);
        try {
            AccountManager.getInstance(again).deleteAccount();
            Exception error = closed.get(10, TimeUnit.SECONDS);
            assertEquals(StreamError.Condition.not_authorized,
                    ((StreamErrorException) error).getStreamError().getCondition());
        } finally {
            again.disconnect();
        }
        assertFalse(OPEN.storage().users().exists(JidCreate.entityBareFrom(name + "@" + TestServer.DOMAIN)));
        assertLoginFails(OPEN, name, "second secret");
    }

    @Test
    void existingUsernameIsAConflict() throws Exception {
        OPEN.createUser("dave", "taken");
        assertEquals(StanzaError.Condition.conflict, createFails(OPEN, "dave", "other"));
        assertEquals(StanzaError.Condition.conflict, createFails(OPEN, "DAVE", "other"),
                "usernames are case-mapped (PRECIS UsernameCaseMapped)");
    }

    @Test
    void invalidUsernameOrPasswordIsNotAcceptable() throws Exception {
        assertEquals(StanzaError.Condition.not_acceptable, createFails(OPEN, "no@good", "secret"));
        assertEquals(StanzaError.Condition.not_acceptable, createFails(OPEN, "", "secret"));
        assertEquals(StanzaError.Condition.not_acceptable, createFails(OPEN, "erin" + NAMES.incrementAndGet(), ""));
    }

    @Test
    void registrationOffOffersNothingAndRefuses() throws Exception {
        XMPPTCPConnection connection = connected(CLOSED);
        try {
            assertFalse(connection.hasFeature("register", "http://jabber.org/features/iq-register"));
        } finally {
            connection.disconnect();
        }
        assertEquals(StanzaError.Condition.not_allowed, createFails(CLOSED, "frank", "secret"));
        assertFalse(CLOSED.storage().users().exists(JidCreate.entityBareFrom("frank@" + TestServer.DOMAIN)));
    }

    @Test
    void passwordChangeAndRemovalWorkWithRegistrationOff() throws Exception {
        EntityBareJid grace = CLOSED.createUser("grace", "old one");
        XMPPTCPConnection connection = CLOSED.login("grace", "old one", "SCRAM-SHA-1");
        try {
            AccountManager.getInstance(connection).changePassword("new one");
        } finally {
            connection.disconnect();
        }
        connection = CLOSED.login("grace", "new one", "SCRAM-SHA-1");
        try {
            AccountManager.getInstance(connection).deleteAccount();
        } finally {
            connection.disconnect();
        }
        assertFalse(CLOSED.storage().users().exists(grace));
    }

    @Test
    void emptyNewPasswordIsRefusedAndTheOldOneKept() throws Exception {
        CLOSED.createUser("olivia", "kept");
        XMPPTCPConnection connection = CLOSED.login("olivia", "kept", "SCRAM-SHA-256");
        try {
            Registration change = new Registration(Map.of("username", "olivia", "password", ""));
            change.setType(IQ.Type.set);
            change.setTo(connection.getXMPPServiceDomain());
            XMPPErrorException e = assertThrows(XMPPErrorException.class,
                    () -> connection.sendIqRequestAndWaitForResponse(change));
            assertEquals(StanzaError.Condition.bad_request, e.getStanzaError().getCondition());
        } finally {
            connection.disconnect();
        }
        CLOSED.login("olivia", "kept", "SCRAM-SHA-256").disconnect();
    }

    @Test
    void anotherUsersPasswordCannotBeChanged() throws Exception {
        CLOSED.createUser("heidi", "hers");
        CLOSED.createUser("ivan", "his");
        XMPPTCPConnection connection = CLOSED.login("ivan", "his", "SCRAM-SHA-256");
        try {
            Registration change = new Registration(Map.of("username", "heidi", "password", "mine now"));
            change.setType(IQ.Type.set);
            change.setTo(connection.getXMPPServiceDomain());
            XMPPErrorException e = assertThrows(XMPPErrorException.class,
                    () -> connection.sendIqRequestAndWaitForResponse(change));
            assertEquals(StanzaError.Condition.not_allowed, e.getStanzaError().getCondition());
        } finally {
            connection.disconnect();
        }
        CLOSED.login("heidi", "hers", "SCRAM-SHA-256").disconnect();
    }

    @Test
    void accountCreationIsRateLimitedPerAddress() throws Exception {
        XMPPTCPConnection connection = connected(LIMITED);
        try {
            AccountManager accounts = AccountManager.getInstance(connection);
            accounts.createAccount(Localpart.from("judy"), "secret");
            // A failed attempt does not use up the allowance.
            assertThrows(XMPPErrorException.class, () -> accounts.createAccount(Localpart.from("judy"), "again"));
            accounts.createAccount(Localpart.from("ken"), "secret");
            XMPPErrorException e = assertThrows(XMPPErrorException.class,
                    () -> accounts.createAccount(Localpart.from("leo"), "secret"));
            assertEquals(StanzaError.Condition.resource_constraint, e.getStanzaError().getCondition());
        } finally {
            connection.disconnect();
        }
        assertFalse(LIMITED.storage().users().exists(JidCreate.entityBareFrom("leo@" + TestServer.DOMAIN)));
    }

    @Test
    void removalCancelsSubscriptionsAndDeletesTheRoster() throws Exception {
        EntityBareJid mallory = CLOSED.createUser("mallory", "leaving");
        EntityBareJid nina = CLOSED.createUser("nina", "staying");
        CLOSED.storage().roster().put(mallory, RosterItem.of(nina, Subscription.BOTH));
        CLOSED.storage().roster().put(nina, RosterItem.of(mallory, Subscription.BOTH));
        CLOSED.storage().userData().put(mallory, "vcard", "", "<vCard xmlns='vcard-temp'><FN>M</FN></vCard>");
        XMPPTCPConnection contact = CLOSED.login("nina", "staying", "SCRAM-SHA-256");
        BlockingQueue<Presence> presences = new LinkedBlockingQueue<>();
        contact.addAsyncStanzaListener(p -> presences.add((Presence) p), p -> p instanceof Presence
                && mallory.equals(p.getFrom().asBareJid()));
        XMPPTCPConnection leaving = CLOSED.login("mallory", "leaving", "SCRAM-SHA-256");
        try {
            AccountManager.getInstance(leaving).deleteAccount();
            Set<Presence.Type> seen = new HashSet<>();
            while (!seen.containsAll(Set.of(Presence.Type.unsubscribe, Presence.Type.unsubscribed))) {
                Presence presence = presences.poll(10, TimeUnit.SECONDS);
                assertTrue(presence != null, "cancellations reach the contact, got " + seen);
                seen.add(presence.getType());
            }
        } finally {
            leaving.disconnect();
            contact.disconnect();
        }
        assertTrue(CLOSED.storage().roster().roster(mallory).items().isEmpty());
        assertTrue(CLOSED.storage().userData().all(mallory, "vcard").isEmpty(), "vCard deleted");
        assertFalse(CLOSED.storage().users().exists(mallory));
    }

    /** Connected over STARTTLS, not logged in: what a client that is about to register holds. */
    private static XMPPTCPConnection connected(TestServer server) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(server.starttls("unused", "unused").build());
        connection.connect();
        return connection;
    }

    /** The condition of the error a registration attempt gets; sent raw, so empty fields reach the server. */
    private static StanzaError.Condition createFails(TestServer server, String username, String password)
            throws Exception {
        XMPPTCPConnection connection = connected(server);
        try {
            Registration create = new Registration(Map.of("username", username, "password", password));
            create.setType(IQ.Type.set);
            create.setTo(connection.getXMPPServiceDomain());
            // By id, as AccountManager does: before login Smack has no address to match replies with.
            XMPPErrorException e = assertThrows(XMPPErrorException.class, () -> connection
                    .createStanzaCollectorAndSend(new StanzaIdFilter(create.getStanzaId()), create)
                    .nextResultOrThrow());
            return e.getStanzaError().getCondition();
        } finally {
            connection.disconnect();
        }
    }

    private static void assertLoginFails(TestServer server, String name, String password) throws Exception {
        XMPPTCPConnection connection = connected(server);
        try {
            SASLErrorException e = assertThrows(SASLErrorException.class, () -> connection.login(name, password));
            assertEquals("not-authorized", e.getSASLFailure().getSASLErrorString());
        } finally {
            connection.disconnect();
        }
    }

    private static CompletableFuture<Exception> closedOnError(XMPPTCPConnection connection) {
        CompletableFuture<Exception> closed = new CompletableFuture<>();
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closed.complete(e);
            }
        });
        return closed;
    }
}
