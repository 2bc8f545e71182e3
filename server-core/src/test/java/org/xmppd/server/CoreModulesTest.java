package org.xmppd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.time.EntityTimeManager;
import org.jivesoftware.smackx.time.packet.Time;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/** The core modules (disco, ping, version, time) answer Smack's own managers. */
class CoreModulesTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();
    static DomainBareJid domain;
    static EntityBareJid bob;
    static XMPPTCPConnection alice;

    @BeforeAll
    static void login() throws Exception {
        domain = JidCreate.domainBareFrom(TestServer.DOMAIN);
        SERVER.createUser("alice", "a-pass");
        bob = SERVER.createUser("bob", "b-pass");
        alice = SERVER.login("alice", "a-pass", "PLAIN");
    }

    @AfterAll
    static void logout() {
        alice.disconnect();
    }

    /** XEP-0030 §3.1 with the features the core modules register. */
    @Test
    void serverDiscoInfoListsIdentityAndFeatures() throws Exception {
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(domain);
        assertTrue(info.hasIdentity("server", "im"), info.toXML().toString());
        assertEquals("xmppd", info.getIdentities("server", "im").get(0).getName());
        for (String feature : new String[] {"urn:xmpp:ping", "jabber:iq:version", "urn:xmpp:time",
                "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items"}) {
            assertTrue(info.containsFeature(feature), feature + " in " + info.toXML());
        }
        assertFalse(info.containsDuplicateFeatures(), info.toXML().toString());
        assertFalse(info.containsDuplicateIdentities(), info.toXML().toString());
    }

    @Test
    void serverDiscoItemsAnswers() throws Exception {
        DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(alice).discoverItems(domain);
        assertEquals(domain, items.getFrom());
        assertNotNull(items.getItems());
    }

    /** XEP-0030 §3.2 and §7: an unknown node is item-not-found. */
    @Test
    void discoInfoOfUnknownNodeIsItemNotFound() throws Exception {
        XMPPErrorException e = assertThrows(XMPPErrorException.class,
                () -> ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(domain, "no-such-node"));
        assertEquals(StanzaError.Condition.item_not_found, e.getStanzaError().getCondition());
    }

    /** XEP-0030 §3.1 / RFC 6121 §8.5.1: the server answers for an account with account/registered. */
    @Test
    void accountDiscoInfoIsAccountRegistered() throws Exception {
        DiscoverInfo other = ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(bob);
        assertTrue(other.hasIdentity("account", "registered"), other.toXML().toString());
        assertEquals(bob, other.getFrom());
        assertFalse(other.hasIdentity("server", "im"), other.toXML().toString());

        DiscoverInfo own = ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(alice.getUser().asBareJid());
        assertTrue(own.hasIdentity("account", "registered"), own.toXML().toString());
    }

    /** RFC 6121 §8.5.1: no such account. */
    @Test
    void discoInfoOfUnknownAccountIsServiceUnavailable() throws Exception {
        XMPPErrorException e = assertThrows(XMPPErrorException.class, () -> ServiceDiscoveryManager
                .getInstanceFor(alice).discoverInfo(JidCreate.entityBareFrom("nobody@localhost")));
        assertEquals(StanzaError.Condition.service_unavailable, e.getStanzaError().getCondition());
    }

    /** XEP-0199 §4.2: client-to-server ping. */
    @Test
    void pingTheServer() throws Exception {
        assertTrue(PingManager.getInstanceFor(alice).pingMyServer());
        assertTrue(PingManager.getInstanceFor(alice).ping(domain));
    }

    /** XEP-0092: the server's name and build version. */
    @Test
    void softwareVersion() throws Exception {
        Version version = VersionManager.getInstanceFor(alice).getVersion(domain);
        assertEquals("xmppd", version.getName());
        assertNotNull(version.getVersion());
        assertFalse(version.getVersion().isBlank());
    }

    /** XEP-0202: the server's time, parsed by Smack, close to ours. */
    @Test
    void entityTime() throws Exception {
        Time time = EntityTimeManager.getInstanceFor(alice).getTime(domain);
        assertNotNull(time.getUtc());
        assertNotNull(time.getTzo());
        assertTrue(time.getTzo().matches("[+-]\\d\\d:\\d\\d|Z"), time.getTzo());
        Duration skew = Duration.between(Instant.now(), time.getTime().toInstant()).abs();
        assertTrue(skew.compareTo(Duration.ofMinutes(1)) < 0, "server time " + time.getUtc());
    }
}
