package org.xmppd.server.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.xmppd.server.TestServer;

/**
 * A Smack client for the IM tests: every presence, message with content and roster push it
 * receives lands in a queue, and its roster (Smack's {@link Roster}) answers subscriptions only
 * when the test says so.
 */
public final class ImClient implements AutoCloseable {
    public static final long WAIT_MS = 5000;
    private static final AtomicInteger IDS = new AtomicInteger();

    private final XMPPTCPConnection connection;
    private final BlockingQueue<Presence> presences = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<RosterPacket> pushes = new LinkedBlockingQueue<>();

    private ImClient(XMPPTCPConnection connection) {
        this.connection = connection;
        connection.addStanzaListener(s -> presences.add((Presence) s), s -> s instanceof Presence);
        connection.addStanzaListener(s -> messages.add((Message) s),
                s -> s instanceof Message m && (m.getBody() != null || m.getError() != null));
        // Smack hands IQ requests to their handler only, so the roster's push handler is wrapped.
        Roster.getInstanceFor(connection);
        AtomicReference<IQRequestHandler> rosterPushes = new AtomicReference<>();
        rosterPushes.set(connection.registerIQRequestHandler(new AbstractIqRequestHandler(RosterPacket.ELEMENT,
                RosterPacket.NAMESPACE, IQ.Type.set, IQRequestHandler.Mode.sync) {
            @Override
            public IQ handleIQRequest(IQ request) {
                pushes.add((RosterPacket) request);
                return rosterPushes.get().handleIQRequest(request);
            }
        }));
    }

    /**
     * Logs in with {@code resource}; the roster is fetched (so this resource is "interested") but
     * no presence is sent.
     */
    public static ImClient login(TestServer server, String user, String resource) throws Exception {
        ImClient client = connect(server, user, resource, true);
        client.roster().reloadAndWait();
        return client;
    }

    /** Logs in without asking for the roster (so not interested, RFC 6121 §2.1.6) or sending presence. */
    public static ImClient loginWithoutRoster(TestServer server, String user, String resource) throws Exception {
        return connect(server, user, resource, false);
    }

    private static ImClient connect(TestServer server, String user, String resource, boolean roster)
            throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(server.starttls(user, "pw-" + user)
                .setResource(resource).setSendPresence(false).addEnabledSaslMechanism("PLAIN").build());
        // Stream management acknowledges stanzas, but a dropped socket must end the session at
        // once (kill()), not leave it waiting for resumption (XEP-0198 §5).
        connection.setUseStreamManagementResumption(false);
        Roster smackRoster = Roster.getInstanceFor(connection);
        smackRoster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        smackRoster.setRosterLoadedAtLogin(roster);
        ImClient client = new ImClient(connection);
        connection.connect().login();
        return client;
    }

    /** Logs in and announces availability with {@code priority}, processed when this returns. */
    public static ImClient online(TestServer server, String user, String resource, int priority) throws Exception {
        ImClient client = login(server, user, resource);
        client.available(priority);
        return client;
    }

    public static EntityBareJid account(TestServer server, String user) throws Exception {
        return server.createUser(user, "pw-" + user);
    }

    public XMPPTCPConnection connection() {
        return connection;
    }

    public Roster roster() {
        return Roster.getInstanceFor(connection);
    }

    public EntityFullJid jid() {
        return connection.getUser();
    }

    public EntityBareJid bare() {
        return connection.getUser().asEntityBareJid();
    }

    /** Sends a stanza and waits until the server has processed it (a ping round trip: per-session order). */
    public void sendAndSync(org.jivesoftware.smack.packet.Stanza stanza) throws Exception {
        connection.sendStanza(stanza);
        sync();
    }

    public void sync() throws Exception {
        assertTrue(PingManager.getInstanceFor(connection).pingMyServer(), "server answers pings");
    }

    public void available(int priority) throws Exception {
        sendAndSync(PresenceBuilder.buildPresence().ofType(Presence.Type.available).setPriority(priority).build());
    }

    public void subscription(Presence.Type type, Jid to) throws Exception {
        sendAndSync(PresenceBuilder.buildPresence().ofType(type).to(to).build());
    }

    public Message chat(Jid to, String body) throws Exception {
        Message message = MessageBuilder.buildMessage("m" + IDS.incrementAndGet()).to(to)
                .ofType(Message.Type.chat).setBody(body).build();
        connection.sendStanza(message);
        return message;
    }

    /** The next presence matching {@code filter}; earlier non-matching ones are dropped. */
    public Presence nextPresence(Predicate<Presence> filter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (true) {
            Presence presence = presences.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(presence, "no matching presence arrived at " + jid());
            if (filter.test(presence)) {
                return presence;
            }
        }
    }

    public Presence nextPresence(Presence.Type type, Jid from) throws InterruptedException {
        return nextPresence(p -> p.getType() == type && from.equals(p.getFrom()));
    }

    public Message nextMessage() throws InterruptedException {
        Message message = messages.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(message, "no message arrived at " + jid());
        return message;
    }

    /** The next roster push, holding one item. */
    public RosterPacket.Item nextPush() throws InterruptedException {
        RosterPacket push = pushes.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(push, "no roster push arrived at " + jid());
        assertEquals(1, push.getRosterItemCount(), push.toXML().toString());
        return push.getRosterItems().get(0);
    }

    /** The next push about {@code contact}; pushes about others are dropped. */
    public RosterPacket.Item nextPush(Jid contact) throws InterruptedException {
        while (true) {
            RosterPacket.Item item = nextPush();
            if (item.getJid().equals(contact)) {
                return item;
            }
        }
    }

    /** What arrived so far and is still unread; for asserting that nothing came. */
    public BlockingQueue<Presence> presences() {
        return presences;
    }

    public BlockingQueue<Message> messages() {
        return messages;
    }

    public BlockingQueue<RosterPacket> pushes() {
        return pushes;
    }

    /** Ends the connection without a closing stream or unavailable presence: a dropped socket. */
    public void kill() {
        connection.instantShutdown();
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
