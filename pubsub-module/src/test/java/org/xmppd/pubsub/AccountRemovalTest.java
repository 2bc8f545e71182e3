package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.Affiliation;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.form.FillableConfigureForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.server.OfflineAccounts;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.RawIq;
import org.xmppd.storage.NodeStore;

/**
 * Deleting an account takes its PEP nodes and its place on other nodes along, whether the user
 * cancels in-band (XEP-0077 §3.2) or an admin runs {@code xmppd deluser} while the server is
 * down; a new account of the same name starts with nothing.
 */
class AccountRemovalTest extends PepTestBase {
    @RegisterExtension
    static final TestServer SERVER = newServer();

    private static final String MOOD = "urn:test:gone:mood";

    @Override
    TestServer server() {
        return SERVER;
    }

    @Test
    void cancellingRegistrationDeletesPepNodesAndLeavesOtherNodes() throws Exception {
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        EntityBareJid aliceJid = alice.getUser().asEntityBareJid();
        String local = aliceJid.getLocalpart().toString();
        LeafNode bobsPep = pepNodesOf(alice, bob);
        LeafNode alicesNode = pubsub(alice).createNode("alone-" + local);
        LeafNode bobsNode = pubsub(bob).createNode("kept-" + local);
        BlockingQueue<Message> bobEvents = events(bob);
        pubsub(bob).getLeafNode(alicesNode.getId()).subscribe(bob.getUser().asBareJid());
        pubsub(alice).getLeafNode(bobsNode.getId()).subscribe(alice.getUser());
        bobsNode.modifyAffiliationAsOwner(List.of(new Affiliation(aliceJid, Affiliation.Type.publisher)));

        AccountManager.getInstance(alice).deleteAccount();

        String deleted = nextXml(bobEvents);
        assertTrue(deleted.contains("<delete") && deleted.contains(alicesNode.getId()), "the node alice alone owned: "
                + deleted);
        assertEquals(List.of(), bobsNode.getSubscriptionsAsOwner());
        // Smack 4.5 has no provider for the owner's <affiliations/>: read the reply as XML.
        String affiliations = RawIq.resultOf(bob, new RawIq(IQ.Type.get, SERVICE, "pubsub",
                "http://jabber.org/protocol/pubsub#owner", "<affiliations node='" + bobsNode.getId() + "'/>"))
                .toXML().toString();
        assertTrue(affiliations.contains(bob.getUser().asBareJid() + "' affiliation='owner'")
                && !affiliations.contains(aliceJid.toString()), affiliations);
        assertEquals(List.of(), bobsPep.getSubscriptionsAsOwner());
        assertNewAccountStartsEmpty(local, aliceJid);
    }

    @Test
    void deluserWhileTheServerIsDownDeletesPepNodesToo() throws Exception {
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        EntityBareJid aliceJid = alice.getUser().asEntityBareJid();
        String local = aliceJid.getLocalpart().toString();
        LeafNode bobsPep = pepNodesOf(alice, bob);
        String bobLocal = bob.getUser().getLocalpart().toString();
        SERVER.storage().userData().put(aliceJid, "vcard", "", "<vCard xmlns='vcard-temp'><FN>Alice</FN></vCard>");

        SERVER.whileDown(() -> {
            OfflineAccounts offline = new OfflineAccounts(SERVER.config(), SERVER.storage());
            assertTrue(offline.delete(aliceJid));
            assertFalse(offline.delete(aliceJid), "a second deletion finds no account");
        });
        assertEquals(Map.of(), SERVER.storage().userData().all(aliceJid, "vcard"), "the core stores are cleared too");

        assertNewAccountStartsEmpty(local, aliceJid);
        XMPPTCPConnection bobAgain = SERVER.login(bobLocal, "pw-" + bobLocal, "SCRAM-SHA-1");
        try {
            assertEquals(List.of(), PubSubManager.getInstanceFor(bobAgain, bobAgain.getUser().asBareJid())
                    .getLeafNode(bobsPep.getId()).getSubscriptionsAsOwner());
        } finally {
            bobAgain.disconnect();
        }
    }

    /** Alice publishes her mood by PEP and subscribes to bob's open PEP node, which is returned. */
    private static LeafNode pepNodesOf(XMPPTCPConnection alice, XMPPTCPConnection bob) throws Exception {
        PepManager.getInstanceFor(alice).publish(MOOD, payload("m1", MOOD, "leaving"));
        LeafNode open = openPepNode(bob, "urn:test:gone:open");
        PubSubManager.getInstanceFor(alice, bob.getUser().asBareJid()).getLeafNode(open.getId())
                .subscribe(alice.getUser().asBareJid());
        return open;
    }

    /** A PEP node anyone may subscribe to. */
    private static LeafNode openPepNode(XMPPTCPConnection owner, String node) throws Exception {
        PubSubManager pep = PubSubManager.getInstanceFor(owner, owner.getUser().asBareJid());
        LeafNode leaf = pep.getOrCreateLeafNode(node);
        FillableConfigureForm form = leaf.getNodeConfiguration().getFillableForm();
        form.setAccessModel(org.jivesoftware.smackx.pubsub.AccessModel.open);
        leaf.sendConfigurationForm(form);
        return leaf;
    }

    private void assertNewAccountStartsEmpty(String local, EntityBareJid jid) throws Exception {
        NodeStore nodes = SERVER.storage().nodes();
        assertEquals(List.of(), nodes.nodes(jid), "no PEP node is left in the store");
        assertEquals(List.of(), nodes.nodesWith(jid), "no subscription or affiliation is left");
        SERVER.createUser(local, "pw-" + local + "-new");
        XMPPTCPConnection again = SERVER.login(local, "pw-" + local + "-new", "SCRAM-SHA-1");
        try {
            BareJid self = again.getUser().asBareJid();
            assertEquals(List.of(), ServiceDiscoveryManager.getInstanceFor(again).discoverItems(self).getItems(),
                    "the new account has no PEP nodes");
            fails(StanzaError.Condition.item_not_found, () -> PubSubManager.getInstanceFor(again, self)
                    .getLeafNode(MOOD).getItems());
            assertEquals(Map.of(), Map.copyOf(pubsub(again).getAffiliations()
                    .stream().collect(java.util.stream.Collectors.toMap(a -> a.getNode(), a -> a.getAffiliation()))));
        } finally {
            again.disconnect();
        }
    }
}
