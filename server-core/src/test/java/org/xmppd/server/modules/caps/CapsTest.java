package org.xmppd.server.modules.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.caps.EntityCapsManager;
import org.jivesoftware.smackx.caps.packet.CapsExtension;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;
import org.xmppd.server.module.DiscoInfo;
import org.xmppd.server.module.Identity;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;

/** XEP-0115 entity capabilities of the server, checked against Smack's own verification. */
class CapsTest extends ImTestBase {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void theStreamFeatureMatchesTheServersDiscoInfo() throws Exception {
        ImClient client = login(newAccount("alice"), "a");
        CapsExtension caps = client.connection().getFeature(CapsExtension.class);
        assertNotNull(caps, "caps offered as a stream feature after authentication (§6.3)");
        assertEquals("sha-1", caps.getHash());
        assertEquals(EntityCaps.NODE, caps.getNode());

        DomainBareJid server = JidCreate.domainBareFrom(TestServer.DOMAIN);
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(client.connection());
        DiscoverInfo info = disco.discoverInfo(server);
        assertTrue(EntityCapsManager.verifyDiscoverInfoVersion(caps.getVer(), caps.getHash(), info),
                "Smack computes the same verification string");
        for (String feature : List.of("urn:xmpp:blocking", "vcard-temp", "jabber:iq:private", "urn:xmpp:carbons:2",
                CapsModule.NAMESPACE, "http://jabber.org/protocol/disco#info")) {
            assertTrue(info.containsFeature(feature), feature);
        }

        DiscoverInfo byNode = disco.discoverInfo(server, caps.getNode() + "#" + caps.getVer());
        assertEquals(caps.getNode() + "#" + caps.getVer(), byNode.getNode());
        assertEquals(info.getFeatures(), byNode.getFeatures(), "§6.2: the node answers like the server");
        assertEquals(info.getIdentities(), byNode.getIdentities());

        XMPPException.XMPPErrorException unknown = assertThrows(XMPPException.XMPPErrorException.class,
                () -> disco.discoverInfo(server, caps.getNode() + "#not-the-ver"));
        assertEquals(StanzaError.Condition.item_not_found, unknown.getStanzaError().getCondition());
    }

    /** XEP-0115 §5.2, the "simple generation example": identity client/pc//Exodus 0.9.1 and four features. */
    @Test
    void verificationStringOfTheXepExample() {
        SortedSet<String> features = new TreeSet<>(List.of("http://jabber.org/protocol/caps",
                "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
                "http://jabber.org/protocol/muc"));
        DiscoInfo info = new DiscoInfo(List.of(new Identity("client", "pc", "Exodus 0.9.1")), features);
        assertEquals("QgayPKawpkPSDYmwT/WM94uAlu0=", EntityCaps.verification(info));
        assertEquals(EntityCaps.NODE + "#QgayPKawpkPSDYmwT/WM94uAlu0=", EntityCaps.node(info));
    }
}
