package org.xmppd.server.modules.privatexml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.iqprivate.PrivateDataManager;
import org.jivesoftware.smackx.iqprivate.packet.DefaultPrivateData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;
import org.xmppd.server.modules.RawIq;

/** XEP-0049 private XML storage through the wire, with Smack's PrivateDataManager. */
class PrivateXmlTest extends ImTestBase {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static final String NS = "urn:xmppd:test:prefs";

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void storedDataComesBackToEveryResourceOfTheOwnerOnly() throws Exception {
        String alice = newAccount("alice");
        String bob = newAccount("bob");
        ImClient a1 = login(alice, "one");
        DefaultPrivateData prefs = new DefaultPrivateData("prefs", NS);
        prefs.setValue("nick", "Al");
        prefs.setValue("theme", "dark \u00e9\u6f22");
        PrivateDataManager.getInstanceFor(a1.connection()).setPrivateData(prefs);

        ImClient a2 = login(alice, "two");
        DefaultPrivateData read = (DefaultPrivateData) PrivateDataManager.getInstanceFor(a2.connection())
                .getPrivateData("prefs", NS);
        assertEquals("Al", read.getValue("nick"));
        assertEquals("dark \u00e9\u6f22", read.getValue("theme"));

        DefaultPrivateData bobs = (DefaultPrivateData) PrivateDataManager.getInstanceFor(login(bob, "b").connection())
                .getPrivateData("prefs", NS);
        assertNull(bobs.getValue("nick"), "bob has his own, empty, storage");
    }

    @Test
    void aSetReplacesTheNamespaceAndMayCarrySeveral() throws Exception {
        ImClient a = login(newAccount("alice"), "one");
        RawIq.resultOf(a.connection(), new RawIq(IQ.Type.set, null, "query", "jabber:iq:private",
                "<prefs xmlns='" + NS + "'><nick>old</nick></prefs><bookmarks xmlns='urn:xmppd:test:other'>"
                        + "<url>x</url></bookmarks>"));
        RawIq.resultOf(a.connection(), new RawIq(IQ.Type.set, null, "query", "jabber:iq:private",
                "<prefs xmlns='" + NS + "'><nick>new</nick></prefs>"));
        PrivateDataManager manager = PrivateDataManager.getInstanceFor(a.connection());
        assertEquals("new", ((DefaultPrivateData) manager.getPrivateData("prefs", NS)).getValue("nick"));
        assertEquals("x", ((DefaultPrivateData) manager.getPrivateData("bookmarks", "urn:xmppd:test:other"))
                .getValue("url"));
    }

    @Test
    void anotherUsersDataIsForbidden() throws Exception {
        String alice = newAccount("alice");
        ImClient bob = login(newAccount("bob"), "b");
        ImClient a = login(alice, "a");
        StanzaError error = RawIq.errorOf(bob.connection(), new RawIq(IQ.Type.get, a.bare(), "query",
                "jabber:iq:private", "<prefs xmlns='" + NS + "'/>"));
        assertEquals(StanzaError.Condition.forbidden, error.getCondition());
        error = RawIq.errorOf(bob.connection(), new RawIq(IQ.Type.set, a.bare(), "query",
                "jabber:iq:private", "<prefs xmlns='" + NS + "'><nick>evil</nick></prefs>"));
        assertEquals(StanzaError.Condition.forbidden, error.getCondition());
        DefaultPrivateData own = (DefaultPrivateData) PrivateDataManager.getInstanceFor(a.connection())
                .getPrivateData("prefs", NS);
        assertNull(own.getValue("nick"), "nothing was stored for alice");
    }

    @Test
    void reservedNamespacesAndEmptyQueriesAreNotAcceptable() throws Exception {
        ImClient a = login(newAccount("alice"), "a");
        for (String reserved : new String[] {"jabber:iq:roster", "http://jabber.org/protocol/disco#info", "vcard-temp"}) {
            StanzaError error = RawIq.errorOf(a.connection(), new RawIq(IQ.Type.set, null, "query",
                    "jabber:iq:private", "<x xmlns='" + reserved + "'/>"));
            assertEquals(StanzaError.Condition.not_acceptable, error.getCondition(), reserved);
        }
        assertEquals(StanzaError.Condition.not_acceptable, RawIq.errorOf(a.connection(),
                new RawIq(IQ.Type.get, null, "query", "jabber:iq:private", "")).getCondition());
        assertEquals(StanzaError.Condition.not_acceptable, RawIq.errorOf(a.connection(),
                new RawIq(IQ.Type.set, null, "query", "jabber:iq:private", "")).getCondition());
        assertEquals(StanzaError.Condition.bad_request, RawIq.errorOf(a.connection(), new RawIq(IQ.Type.get, null,
                "query", "jabber:iq:private", "<a xmlns='urn:a'/><b xmlns='urn:b'/>")).getCondition());
    }

    @Test
    void serverAnnouncesTheFeature() throws Exception {
        ImClient a = login(newAccount("alice"), "a");
        assertTrue(PrivateDataManager.getInstanceFor(a.connection()).isSupported());
    }
}
