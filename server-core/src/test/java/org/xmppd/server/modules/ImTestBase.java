package org.xmppd.server.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jivesoftware.smack.packet.Presence;
import org.junit.jupiter.api.AfterEach;
import org.xmppd.server.TestServer;

/**
 * Shared plumbing of the IM end-to-end tests. Each test class is abstract and runs once per
 * storage backend through a tiny subclass that supplies the {@link TestServer}; every test
 * creates fresh accounts, so tests never see each other's rosters.
 */
public abstract class ImTestBase {
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private final List<ImClient> clients = new ArrayList<>();

    /** The server this subclass runs (H2 or Redis backed). */
    protected abstract TestServer server();

    @AfterEach
    void closeClients() {
        clients.forEach(ImClient::close);
        clients.clear();
    }

    /** A new account named {@code prefix} plus a unique number; its password is derived from the name. */
    protected String newAccount(String prefix) throws Exception {
        String name = prefix + ACCOUNTS.incrementAndGet();
        ImClient.account(server(), name);
        return name;
    }

    /** Logs in without sending presence; closed after the test. */
    protected ImClient login(String user, String resource) throws Exception {
        return track(ImClient.login(server(), user, resource));
    }

    /** Logs in without fetching the roster (not an interested resource) or sending presence. */
    protected ImClient loginWithoutRoster(String user, String resource) throws Exception {
        return track(ImClient.loginWithoutRoster(server(), user, resource));
    }

    /** Logs in and announces availability with {@code priority}; closed after the test. */
    protected ImClient online(String user, String resource, int priority) throws Exception {
        return track(ImClient.online(server(), user, resource, priority));
    }

    private ImClient track(ImClient client) {
        clients.add(client);
        return client;
    }

    /**
     * Proves {@code receiver} got no presence matching {@code unwanted} from what {@code sender}
     * did so far, without sleeping: the sender's stanzas are handled in order, so a marker message
     * it sends now arrives after anything its earlier stanzas caused.
     */
    protected static void assertNoPresence(ImClient sender, ImClient receiver, Predicate<Presence> unwanted)
            throws Exception {
        String marker = "marker-" + ACCOUNTS.incrementAndGet();
        sender.chat(receiver.jid(), marker);
        while (true) {
            String body = receiver.nextMessage().getBody();
            if (marker.equals(body)) {
                break;
            }
        }
        for (Presence presence : receiver.presences()) {
            assertEquals(false, unwanted.test(presence), "unexpected " + presence.toXML());
        }
    }

    /** {@code from} asks for {@code to}'s presence and {@code to} approves (§3.1). */
    protected static void subscribe(ImClient from, ImClient to) throws Exception {
        from.subscription(Presence.Type.subscribe, to.bare());
        assertTrue(from.nextPush(to.bare()).isSubscriptionPending(), "ask='subscribe' pushed");
        to.nextPresence(Presence.Type.subscribe, from.bare());
        to.subscription(Presence.Type.subscribed, from.bare());
        to.nextPush(from.bare());
        from.nextPresence(Presence.Type.subscribed, to.bare());
        from.nextPush(to.bare());
        from.nextPresence(Presence.Type.available, to.jid()); // §3.1.5: the contact's presence follows
    }

    /** Mutual subscription: both items end at "both". */
    protected static void subscribeBothWays(ImClient a, ImClient b) throws Exception {
        subscribe(a, b);
        subscribe(b, a);
    }
}
