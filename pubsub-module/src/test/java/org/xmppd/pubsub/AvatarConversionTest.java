package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.RawIq;

/** XEP-0084 avatars on PEP with XEP-0398: the vCard photo and the presence hash follow, and back. */
class AvatarConversionTest extends PepTestBase {
    @RegisterExtension
    static final TestServer SERVER = newServer();
    private static final byte[] IMAGE = "not really a png, but bytes all the same".getBytes(
            java.nio.charset.StandardCharsets.UTF_8);

    @Override
    TestServer server() {
        return SERVER;
    }

    @Test
    void aPepAvatarBecomesTheVCardPhotoAndThePresenceHash() throws Exception {
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        befriend(alice, bob);
        assertTrue(ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(alice.getUser().asBareJid())
                .containsFeature("urn:xmpp:pep-vcard-conversion:0"));
        String hash = sha1(IMAGE);
        publish(alice, "urn:xmpp:avatar:data", hash, "<data xmlns='urn:xmpp:avatar:data'>"
                + Base64.getEncoder().encodeToString(IMAGE) + "</data>");
        publish(alice, "urn:xmpp:avatar:metadata", hash, "<metadata xmlns='urn:xmpp:avatar:metadata'><info id='"
                + hash + "' bytes='" + IMAGE.length + "' type='image/png'/></metadata>");

        String raw = RawIq.resultOf(bob, new RawIq(IQ.Type.get, alice.getUser().asBareJid(), "vCard", "vcard-temp", ""))
                .toXML().toString();
        assertTrue(raw.contains("BINVAL"), raw);
        VCard card = VCardManager.getInstanceFor(bob).loadVCard(alice.getUser().asEntityBareJid());
        assertArrayEquals(IMAGE, card.getAvatar());
        assertEquals("image/png", card.getAvatarMimeType());

        BlockingQueue<Presence> seen = new LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(s -> seen.add((Presence) s), s -> s instanceof Presence p
                && alice.getUser().equals(p.getFrom()) && p.getType() == Presence.Type.available);
        alice.sendStanza(PresenceBuilder.buildPresence().setStatus("with avatar").build());
        Presence presence = seen.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(presence);
        String xml = presence.toXML().toString();
        assertTrue(xml.contains("vcard-temp:x:update") && xml.contains("<photo>" + hash + "</photo>"), xml);
    }

    @Test
    void aVCardPhotoBecomesThePepAvatar() throws Exception {
        XMPPTCPConnection alice = login("alice");
        VCard card = new VCard();
        card.setFirstName("Alice");
        card.setAvatar(IMAGE, "image/jpeg");
        VCardManager.getInstanceFor(alice).saveVCard(card);
        PubSubManager pep = PubSubManager.getInstanceFor(alice, alice.getUser().asBareJid());
        List<Item> metadata = pep.getLeafNode("urn:xmpp:avatar:metadata").getItems();
        assertEquals(sha1(IMAGE), metadata.get(0).getId());
        String xml = metadata.get(0).toXML().toString();
        assertTrue(xml.contains("type='image/jpeg'") && xml.contains("bytes='" + IMAGE.length + "'"), xml);
        assertEquals(sha1(IMAGE), pep.getLeafNode("urn:xmpp:avatar:data").getItems().get(0).getId());
        assertEquals("Alice", VCardManager.getInstanceFor(alice).loadVCard().getFirstName(), "the vCard is kept too");
    }

    private static void publish(XMPPTCPConnection connection, String node, String id, String payload)
            throws Exception {
        RawIq.resultOf(connection, new RawIq(IQ.Type.set, null, "pubsub", "http://jabber.org/protocol/pubsub",
                "<publish node='" + node + "'><item id='" + id + "'>" + payload + "</item></publish>"));
    }

    private static String sha1(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    }
}
