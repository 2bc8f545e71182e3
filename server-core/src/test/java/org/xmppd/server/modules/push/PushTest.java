package org.xmppd.server.modules.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.push_notifications.PushNotificationsManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;
import org.xmppd.server.config.ComponentsConfig;
import org.xmppd.server.modules.RawIq;
import org.xmppd.server.modules.push.TestPushService.Publish;

/**
 * XEP-0357 end to end: Smack clients enable push for an app server that is a real XEP-0114
 * component ({@link TestPushService}); messages to an offline or hibernated account are published
 * to it with the summary the configuration allows; disable and app server errors stop them.
 */
class PushTest {
    private static final String PUSH = "push.localhost";
    private static final AtomicInteger USERS = new AtomicInteger();

    /** Body and sender included, so tests can tell which message a publish is about. */
    @RegisterExtension
    static final TestServer SERVER = new TestServer(config -> config
            .withComponents(ComponentsConfig.defaults().withDomains(Map.of(PUSH, "push-secret")))
            .withModuleOptions(Map.of("push", Map.of("include_body", true, "include_sender", true))));

    /** The defaults: neither body nor sender. */
    @RegisterExtension
    static final TestServer PRIVATE = new TestServer(config -> config
            .withComponents(ComponentsConfig.defaults().withDomains(Map.of(PUSH, "push-secret"))));

    private static TestPushService service;
    private static TestPushService privateService;

    @BeforeAll
    static void pushServices() throws Exception {
        service = new TestPushService(SERVER.componentAddress(), PUSH, "push-secret");
        privateService = new TestPushService(PRIVATE.componentAddress(), PUSH, "push-secret");
    }

    @AfterAll
    static void closeServices() throws Exception {
        service.close();
        privateService.close();
    }

    private static String newUser(TestServer server) throws Exception {
        String name = "u" + USERS.incrementAndGet();
        server.createUser(name, "pw");
        return name;
    }

    private static XMPPTCPConnection login(TestServer server, String user, boolean resumable) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(server.starttls(user, "pw").setResource("phone")
                .addEnabledSaslMechanism("PLAIN").build());
        connection.setUseStreamManagement(resumable);
        connection.setUseStreamManagementResumption(resumable);
        connection.connect().login();
        return connection;
    }

    /** {@code user} logs in, enables {@code nodes} of the push service and logs out. */
    private static void enableAndLeave(TestServer server, String user, String... nodes) throws Exception {
        XMPPTCPConnection client = login(server, user, false);
        for (String node : nodes) {
            assertTrue(PushNotificationsManager.getInstanceFor(client).enable(push(), node));
        }
        client.disconnect();
    }

    private static Jid push() {
        return JidCreate.domainBareFromOrThrowUnchecked(PUSH);
    }

    private static void chat(XMPPTCPConnection from, EntityBareJid to, String body) throws Exception {
        from.sendStanza(MessageBuilder.buildMessage().to(to).ofType(Message.Type.chat).setBody(body).build());
    }

    private static EntityBareJid bare(String user) {
        return JidCreate.entityBareFromOrThrowUnchecked(user + "@localhost");
    }

    /** Waits, at most five seconds, for something the server does on another thread. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    private static void awaitBody(BlockingQueue<Message> inbox, String body) throws InterruptedException {
        while (true) {
            Message message = inbox.poll(5, TimeUnit.SECONDS);
            assertNotNull(message, "no message '" + body + "'");
            if (body.equals(message.getBody())) {
                return;
            }
        }
    }

    @Test
    void anOfflineAccountsAppServerGetsASummaryPerMessage() throws Exception {
        String alice = newUser(SERVER);
        String bob = newUser(SERVER);
        XMPPTCPConnection aliceClient = login(SERVER, alice, false);
        PushNotificationsManager push = PushNotificationsManager.getInstanceFor(aliceClient);
        assertTrue(push.isSupported(), "the account's disco#info lists urn:xmpp:push:0");
        assertTrue(push.enable(push(), "node-1", Map.of("secret", "s1")));
        aliceClient.disconnect();

        XMPPTCPConnection bobClient = login(SERVER, bob, false);
        try {
            chat(bobClient, bare(alice), "hello");
            bobClient.sendStanza(MessageBuilder.buildMessage().to(bare(alice)).ofType(Message.Type.chat)
                    .addExtension(new ChatStateExtension(ChatState.composing)).build());
            chat(bobClient, bare(alice), "still there?");
            Publish first = service.next();
            assertEquals(bare(alice).toString(), first.from(), "published by the account's bare JID");
            assertEquals("node-1", first.node());
            assertEquals(Map.of("FORM_TYPE", "urn:xmpp:push:summary", "message-count", "1",
                    "last-message-sender", bobClient.getUser().toString(), "last-message-body", "hello"), first.summary());
            assertEquals("s1", first.options().get("secret"));
            assertEquals("http://jabber.org/protocol/pubsub#publish-options", first.options().get("FORM_TYPE"));
            Publish second = service.next();
            assertEquals("still there?", second.summary().get("last-message-body"), "the chat state woke nobody");
            assertEquals("2", second.summary().get("message-count"));

            // Back online: no notification, and the count starts again afterwards.
            XMPPTCPConnection again = login(SERVER, alice, false);
            BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
            again.addAsyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message m && m.getBody() != null);
            chat(bobClient, bare(alice), "you are online");
            awaitBody(inbox, "you are online"); // after the offline messages, however they interleave
            again.disconnect();
            chat(bobClient, bare(alice), "gone again");
            Publish third = service.next();
            assertEquals("gone again", third.summary().get("last-message-body"), "none for the online message");
            assertEquals("1", third.summary().get("message-count"));
        } finally {
            bobClient.disconnect();
        }
    }

    @Test
    void byDefaultNeitherBodyNorSenderLeaveTheServer() throws Exception {
        String alice = newUser(PRIVATE);
        String bob = newUser(PRIVATE);
        enableAndLeave(PRIVATE, alice, "quiet");
        XMPPTCPConnection bobClient = login(PRIVATE, bob, false);
        try {
            chat(bobClient, bare(alice), "a secret");
            Publish publish = privateService.next();
            assertEquals(Map.of("FORM_TYPE", "urn:xmpp:push:summary", "message-count", "1"), publish.summary());
            assertEquals(Map.of(), publish.options());
        } finally {
            bobClient.disconnect();
        }
    }

    /** XEP-0198: a session whose connection dropped waits for resumption; its messages are notified. */
    @Test
    void aHibernatedSessionIsNotified() throws Exception {
        String alice = newUser(SERVER);
        String bob = newUser(SERVER);
        XMPPTCPConnection aliceClient = login(SERVER, alice, true);
        XMPPTCPConnection bobClient = login(SERVER, bob, false);
        try {
            assertTrue(PushNotificationsManager.getInstanceFor(aliceClient).enable(push(), "hibernated"));
            BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
            aliceClient.addAsyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message m && m.getBody() != null);
            EntityFullJid phone = aliceClient.getUser();
            aliceClient.instantShutdown();
            await("the server noticed the lost connection", () -> SERVER.server().sessions().find(phone)
                    .map(s -> !s.isConnected()).orElse(false));

            chat(bobClient, bare(alice), "wake up");
            Publish publish = service.next();
            assertEquals("hibernated", publish.node());
            assertEquals("wake up", publish.summary().get("last-message-body"));

            aliceClient.connect().login();
            assertTrue(aliceClient.streamWasResumed());
            assertEquals("wake up", inbox.poll(5, TimeUnit.SECONDS).getBody(), "queued for the resumed session");
            chat(bobClient, bare(alice), "connected again");
            assertEquals("connected again", inbox.poll(5, TimeUnit.SECONDS).getBody());
            aliceClient.disconnect();
            chat(bobClient, bare(alice), "logged out");
            assertEquals("logged out", service.next().summary().get("last-message-body"),
                    "nothing was published while the session was connected");
        } finally {
            bobClient.disconnect();
        }
    }

    @Test
    void disableStopsOneNodeOrAllOfAService() throws Exception {
        String alice = newUser(SERVER);
        String bob = newUser(SERVER);
        XMPPTCPConnection aliceClient = login(SERVER, alice, false);
        PushNotificationsManager push = PushNotificationsManager.getInstanceFor(aliceClient);
        assertTrue(push.enable(push(), "node-a"));
        assertTrue(push.enable(push(), "node-b"));
        assertTrue(push.disable(push(), "node-a"));
        aliceClient.disconnect();
        XMPPTCPConnection bobClient = login(SERVER, bob, false);
        try {
            chat(bobClient, bare(alice), "one");
            assertEquals("node-b", service.next().node());

            aliceClient = login(SERVER, alice, false);
            push = PushNotificationsManager.getInstanceFor(aliceClient);
            assertTrue(push.disableAll(push()));
            assertTrue(push.enable(push(), "node-c"));
            aliceClient.disconnect();
            chat(bobClient, bare(alice), "two");
            // node-b, enabled before node-c, would have been published first.
            Publish next = service.next();
            assertEquals("node-c", next.node());
            assertEquals("two", next.summary().get("last-message-body"));
        } finally {
            bobClient.disconnect();
        }
    }

    /** §7.1: an error answer disables the registration; a wait error (transient) does not. */
    @Test
    void anAppServerErrorRemovesTheRegistration() throws Exception {
        String alice = newUser(SERVER);
        String bob = newUser(SERVER);
        service.gone.add("gone-" + alice);
        service.busy.add("busy-" + alice);
        enableAndLeave(SERVER, alice, "gone-" + alice, "busy-" + alice);
        XMPPTCPConnection bobClient = login(SERVER, bob, false);
        try {
            chat(bobClient, bare(alice), "first");
            assertEquals(Set.of("gone-" + alice, "busy-" + alice), Set.of(service.next().node(), service.next().node()));
            await("the refusing registration is removed",
                    () -> SERVER.storage().userData().all(bare(alice), PushRegistrations.KIND).size() == 1);
            chat(bobClient, bare(alice), "second");
            Publish next = service.next();
            assertEquals("busy-" + alice, next.node(), "kept through its wait error");
            assertEquals("second", next.summary().get("last-message-body"));
            assertEquals(1, SERVER.storage().userData().all(bare(alice), PushRegistrations.KIND).size());
        } finally {
            bobClient.disconnect();
        }
    }

    /** Registrations live in storage: after a restart the app server still gets notifications. */
    @Test
    void registrationsSurviveARestart() throws Exception {
        String alice = newUser(PRIVATE);
        String bob = newUser(PRIVATE);
        enableAndLeave(PRIVATE, alice, "durable");
        PRIVATE.restart();
        privateService.close();
        privateService = new TestPushService(PRIVATE.componentAddress(), PUSH, "push-secret");
        XMPPTCPConnection bobClient = login(PRIVATE, bob, false);
        try {
            chat(bobClient, bare(alice), "after the restart");
            assertEquals("durable", privateService.next().node());
        } finally {
            bobClient.disconnect();
        }
    }

    @Test
    void badRequestsAreRefused() throws Exception {
        String alice = newUser(SERVER);
        String bob = newUser(SERVER);
        XMPPTCPConnection aliceClient = login(SERVER, alice, false);
        XMPPTCPConnection bobClient = login(SERVER, bob, false);
        try {
            assertEquals(StanzaError.Condition.bad_request, RawIq.errorOf(aliceClient,
                    new RawIq(IQ.Type.set, null, "enable", "urn:xmpp:push:0", "")).getCondition(), "no jid");
            assertEquals(StanzaError.Condition.bad_request, RawIq.errorOf(aliceClient, enable(null, "jid='push.localhost'",
                    "")).getCondition(), "no node");
            String wrongForm = "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>urn:other</value>"
                    + "</field></x>";
            assertEquals(StanzaError.Condition.bad_request, RawIq.errorOf(aliceClient,
                    enable(null, "jid='push.localhost' node='n'", wrongForm)).getCondition(), "not publish-options");
            assertEquals(StanzaError.Condition.forbidden, RawIq.errorOf(bobClient,
                    enable(bare(alice), "jid='push.localhost' node='n'", "")).getCondition(), "someone else's account");
            assertTrue(SERVER.storage().userData().all(bare(alice), PushRegistrations.KIND).isEmpty(), "nothing stored");
        } finally {
            aliceClient.disconnect();
            bobClient.disconnect();
        }
    }

    /** An enable request built by hand: {@code <enable xmlns='urn:xmpp:push:0' attributes>children</enable>}. */
    private static RawIq enable(Jid to, String attributes, String children) {
        return new RawIq(IQ.Type.set, to, "enable", "urn:xmpp:push:0", "") {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.append(" ").append(attributes);
                if (children.isEmpty()) {
                    xml.setEmptyElement();
                } else {
                    xml.rightAngleBracket().append(children);
                }
                return xml;
            }
        };
    }
}
