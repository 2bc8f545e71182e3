package org.xmppd.server.modules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;

/** Issue 3: every IM extension the server implements is listed in its disco#info (XEP-0030 §3.1). */
class ImFeaturesDiscoTest extends ImTestBase {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void serverListsTheImExtensions() throws Exception {
        ImClient alice = login(newAccount("alice"), "desk");
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice.connection())
                .discoverInfo(JidCreate.domainBareFrom(TestServer.DOMAIN));
        for (String feature : List.of(
                "urn:xmpp:blocking", // XEP-0191 §2
                "vcard-temp", // XEP-0054 §6
                "jabber:iq:private", // XEP-0049
                "jabber:iq:last", // XEP-0012 §5
                "urn:xmpp:carbons:2", // XEP-0280 §3
                "jabber:iq:register", // XEP-0077 §7: password change and removal are always there
                "http://jabber.org/protocol/caps", // XEP-0115 §6.1
                "msgoffline", // XEP-0160 §5
                "urn:xmpp:ping", "http://jabber.org/protocol/disco#info")) {
            assertTrue(info.containsFeature(feature), feature + " in " + info.toXML());
        }
        assertFalse(info.containsDuplicateFeatures(), info.toXML().toString());
    }
}
