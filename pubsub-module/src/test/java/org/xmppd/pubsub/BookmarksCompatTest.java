package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.bookmarks.BookmarkManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.RawIq;

/** XEP-0402 {@code #compat}: bookmarks written through private XML and through PEP see each other. */
class BookmarksCompatTest extends PepTestBase {
    @RegisterExtension
    static final TestServer SERVER = newServer();
    private static final String NODE = "urn:xmpp:bookmarks:1";

    @Override
    TestServer server() {
        return SERVER;
    }

    @Test
    void privateXmlBookmarksAppearOnPepAndNotifyTheOwnersClients() throws Exception {
        XMPPTCPConnection alice = login("alice");
        assertTrue(ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(alice.getUser().asBareJid())
                .containsFeature(NODE + "#compat"));
        BlockingQueue<org.jivesoftware.smack.packet.Message> modern = events(alice);
        ServiceDiscoveryManager.getInstanceFor(alice).addFeature(NODE + "+notify");
        awaitNotifyFeature(alice, NODE);
        BookmarkManager legacy = BookmarkManager.getBookmarkManager(alice);
        legacy.addBookmarkedConference("Tea room", JidCreate.entityBareFrom("tea@conference.localhost"), true,
                Resourcepart.from("ally"), "secret");
        String pushed = nextXml(modern);
        assertTrue(pushed.contains("id='tea@conference.localhost'"), pushed);
        List<Item> items = PubSubManager.getInstanceFor(alice, alice.getUser().asBareJid()).getLeafNode(NODE).getItems();
        assertEquals(1, items.size());
        String item = items.get(0).toXML().toString();
        assertTrue(item.contains("name='Tea room'") && item.contains("autojoin='true'") && item.contains("ally"), item);

        legacy.removeBookmarkedConference(JidCreate.entityBareFrom("tea@conference.localhost"));
        assertTrue(PubSubManager.getInstanceFor(alice, alice.getUser().asBareJid()).getLeafNode(NODE).getItems()
                .isEmpty(), "removed through private XML, retracted on PEP");
    }

    @Test
    void pepBookmarksAppearInPrivateXml() throws Exception {
        XMPPTCPConnection alice = login("alice");
        RawIq.resultOf(alice, new RawIq(IQ.Type.set, null, "pubsub", "http://jabber.org/protocol/pubsub",
                "<publish node='" + NODE + "'><item id='chess@conference.localhost'>"
                + "<conference xmlns='" + NODE + "' name='Chess' autojoin='false'><nick>knight</nick></conference>"
                + "</item></publish><publish-options><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                + "<field var='pubsub#persist_items'><value>true</value></field>"
                + "<field var='pubsub#max_items'><value>max</value></field>"
                + "<field var='pubsub#send_last_published_item'><value>never</value></field>"
                + "<field var='pubsub#access_model'><value>whitelist</value></field></x></publish-options>"));
        String stored = privateBookmarks(alice);
        assertTrue(stored.contains("jid='chess@conference.localhost'") && stored.contains("name='Chess'")
                && stored.contains("knight"), stored);

        RawIq.resultOf(alice, new RawIq(IQ.Type.set, null, "pubsub", "http://jabber.org/protocol/pubsub",
                "<retract node='" + NODE + "' notify='true'><item id='chess@conference.localhost'/></retract>"));
        assertFalse(privateBookmarks(alice).contains("chess@"), "retracted on PEP, gone from private XML");
    }

    private static String privateBookmarks(XMPPTCPConnection connection) throws Exception {
        return RawIq.resultOf(connection, new RawIq(IQ.Type.get, null, "query", "jabber:iq:private",
                "<storage xmlns='storage:bookmarks'/>")).toXML().toString();
    }
}
