package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/**
 * {@code module_options.pep.max_nodes_per_account}: past the limit, neither publishing to a new
 * node (auto-create) nor creating one is allowed (not-allowed + max-nodes-exceeded); existing
 * nodes keep working, other accounts have their own count, and a deletion makes room.
 */
class PepNodeLimitTest extends PepTestBase {
    @RegisterExtension
    static final TestServer SERVER = new TestServer(c -> c.withModuleOptions(
            Map.of("pep", Map.of("max_nodes_per_account", 2))));

    @Override
    TestServer server() {
        return SERVER;
    }

    @Test
    void theThirdNodeIsRefusedUntilOneIsDeleted() throws Exception {
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        PepManager pep = PepManager.getInstanceFor(alice);
        PubSubManager own = PubSubManager.getInstanceFor(alice, alice.getUser().asBareJid());
        pep.publish("urn:test:limit:a", payload("1", "urn:test:limit:a", "one"));
        own.createNode("urn:test:limit:b");
        hasSpecific(fails(StanzaError.Condition.not_allowed, () -> pep.publish("urn:test:limit:c",
                payload("1", "urn:test:limit:c", "three"))), "max-nodes-exceeded");
        hasSpecific(fails(StanzaError.Condition.not_allowed, () -> own.createNode("urn:test:limit:c")),
                "max-nodes-exceeded");
        pep.publish("urn:test:limit:a", payload("2", "urn:test:limit:a", "again"));
        assertEquals(2, own.discoverNodes(null).getItems().size(), "still the two nodes");
        PepManager.getInstanceFor(bob).publish("urn:test:limit:c", payload("1", "urn:test:limit:c", "bob's own"));
        own.deleteNode("urn:test:limit:b");
        pep.publish("urn:test:limit:c", payload("1", "urn:test:limit:c", "room now"));
        assertEquals(2, own.discoverNodes(null).getItems().size());
    }
}
