package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.ParticipantStatusListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.xmppd.server.TestServer;
import org.xmppd.server.config.ServerConfig;

/**
 * Shared plumbing of the end-to-end MUC tests: a server running the default modules plus
 * {@code muc}, fresh accounts per test (so tests never share rooms or users) and Smack's MUC API.
 */
public abstract class MucTestBase {
    public static final String SERVICE = "conference." + TestServer.DOMAIN;
    private static final AtomicInteger IDS = new AtomicInteger();

    /** Fills in a configuration form. */
    @FunctionalInterface
    protected interface FormAnswers {
        void accept(FillableForm form) throws Exception;
    }

    private final List<XMPPTCPConnection> connections = new ArrayList<>();

    /** The server of the test class. */
    protected abstract TestServer server();

    /** A server with the MUC module and its options changed by {@code options}. */
    protected static TestServer serverWithMuc(UnaryOperator<ServerConfig> more) {
        return new TestServer(config -> {
            List<String> modules = new ArrayList<>(config.modules());
            if (!modules.contains("muc")) {
                modules.add("muc");
            }
            return more.apply(config.withModules(modules));
        });
    }

    @AfterEach
    void disconnect() {
        connections.forEach(XMPPTCPConnection::disconnect);
        connections.clear();
    }

    /** A new account ({@code prefix} plus a number), logged in and available. */
    protected XMPPTCPConnection user(String prefix) throws Exception {
        String name = prefix + IDS.incrementAndGet();
        server().createUser(name, "pw-" + name);
        XMPPTCPConnection connection = server().login(name, "pw-" + name, "PLAIN");
        connections.add(connection);
        return connection;
    }

    /** Another resource of an account made by {@link #user}. */
    protected XMPPTCPConnection resource(XMPPTCPConnection of, String resource) throws Exception {
        String name = of.getUser().getLocalpart().toString();
        XMPPTCPConnection connection = new XMPPTCPConnection(server().starttls(name, "pw-" + name)
                .setResource(resource).addEnabledSaslMechanism("PLAIN").build());
        connection.connect().login();
        connections.add(connection);
        return connection;
    }

    /** A room JID nobody used yet. */
    protected static EntityBareJid newRoom(String prefix) {
        return JidCreate.entityBareFromOrThrowUnchecked(prefix + IDS.incrementAndGet() + "@" + SERVICE);
    }

    protected static MultiUserChat muc(XMPPTCPConnection connection, EntityBareJid room) {
        return MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(room);
    }

    /** Creates {@code room} as an instant room (XEP-0045 §10.1.2) with {@code connection} in it as {@code nick}. */
    protected static MultiUserChat instantRoom(XMPPTCPConnection connection, EntityBareJid room, String nick)
            throws Exception {
        MultiUserChat muc = muc(connection, room);
        muc.create(nick(nick)).makeInstant();
        return muc;
    }

    /** Creates {@code room} configured by {@code answers} (a reserved room, XEP-0045 §10.1.3). */
    protected static MultiUserChat reservedRoom(XMPPTCPConnection connection, EntityBareJid room, String nick,
            FormAnswers answers) throws Exception {
        MultiUserChat muc = muc(connection, room);
        muc.create(nick(nick));
        configure(muc, answers);
        return muc;
    }

    /** Sends the room's configuration form with {@code answers} filled in. */
    protected static void configure(MultiUserChat muc, FormAnswers answers) throws Exception {
        FillableForm form = muc.getConfigurationForm().getFillableForm();
        answers.accept(form);
        muc.sendConfigurationForm(form);
    }

    protected static Resourcepart nick(String nick) {
        return Resourcepart.fromOrThrowUnchecked(nick);
    }

    /** Occupants seen entering {@code muc} from now on (XEP-0045 §7.2.3 presence of new occupants). */
    protected static BlockingQueue<EntityFullJid> joins(MultiUserChat muc) {
        BlockingQueue<EntityFullJid> joined = new LinkedBlockingQueue<>();
        muc.addParticipantStatusListener(new ParticipantStatusListener() {
            @Override
            public void joined(EntityFullJid participant) {
                joined.add(participant);
            }
        });
        return joined;
    }

    /** Occupants seen leaving {@code muc} from now on. */
    protected static BlockingQueue<EntityFullJid> leaves(MultiUserChat muc) {
        BlockingQueue<EntityFullJid> left = new LinkedBlockingQueue<>();
        muc.addParticipantStatusListener(new ParticipantStatusListener() {
            @Override
            public void left(EntityFullJid participant) {
                left.add(participant);
            }
        });
        return left;
    }

    /** The next group message with a body (skipping the subject and notices), or null after 5 s. */
    protected static Message nextBody(MultiUserChat muc) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            Message message = left <= 0 ? null : muc.nextMessage(left);
            if (message == null || message.getBody() != null) {
                return message;
            }
        }
    }

    /** Chat messages and errors {@code connection} receives from now on (private messages, §7.5). */
    protected static BlockingQueue<Message> privateMessages(XMPPTCPConnection connection) {
        BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        connection.addAsyncStanzaListener(s -> messages.add((Message) s),
                s -> s instanceof Message m && m.getType() != Message.Type.groupchat
                        && (m.getBody() != null || m.getError() != null));
        return messages;
    }

    /** Sends a private message to {@code room/nick} (§7.5). */
    protected static void sendPrivate(XMPPTCPConnection from, EntityBareJid room, String nick, String body)
            throws Exception {
        from.sendStanza(MessageBuilder.buildMessage().to(JidCreate.entityFullFrom(room, nick(nick)))
                .ofType(Message.Type.chat).setBody(body).build());
    }

    /** Asserts {@code action} fails with {@code condition}. */
    protected static void assertError(StanzaError.Condition condition, Executable action) {
        XMPPErrorException error = assertThrows(XMPPErrorException.class, action);
        assertEquals(condition, error.getStanzaError().getCondition(), error.getMessage());
    }
}
