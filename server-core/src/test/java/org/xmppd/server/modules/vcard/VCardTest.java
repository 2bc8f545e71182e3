package org.xmppd.server.modules.vcard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;
import org.xmppd.server.modules.RawIq;

/** XEP-0054 vcard-temp through the wire, with Smack's VCardManager. */
class VCardTest extends ImTestBase {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void ownerPublishesAndEveryoneReads() throws Exception {
        String alice = newAccount("alice");
        ImClient a = login(alice, "a");
        ImClient bob = login(newAccount("bob"), "b");
        VCard card = new VCard();
        card.setFirstName("Alice");
        card.setLastName("Liddell \u00e9\u6f22");
        card.setNickName("al");
        card.setEmailHome("alice@example.org");
        byte[] photo = new byte[20_000];
        Arrays.fill(photo, (byte) 7);
        card.setAvatar(photo, "image/png");
        VCardManager.getInstanceFor(a.connection()).saveVCard(card);

        VCard own = VCardManager.getInstanceFor(login(alice, "again").connection()).loadVCard();
        assertEquals("Alice", own.getFirstName());
        assertEquals("Liddell \u00e9\u6f22", own.getLastName());

        VCard seen = VCardManager.getInstanceFor(bob.connection()).loadVCard(a.bare());
        assertEquals("al", seen.getNickName());
        assertEquals("alice@example.org", seen.getEmailHome());
        assertArrayEquals(photo, seen.getAvatar());

        card.setNickName("ally");
        VCardManager.getInstanceFor(a.connection()).saveVCard(card);
        assertEquals("ally", VCardManager.getInstanceFor(bob.connection()).loadVCard(a.bare()).getNickName(),
                "a new vCard replaces the old one");
    }

    @Test
    void noVCardIsAnEmptyOne() throws Exception {
        ImClient a = login(newAccount("alice"), "a");
        ImClient bob = login(newAccount("bob"), "b");
        VCard none = VCardManager.getInstanceFor(bob.connection()).loadVCard(a.bare());
        assertNull(none.getFirstName());
        assertNull(none.getNickName());
        assertNull(VCardManager.getInstanceFor(a.connection()).loadVCard().getFirstName(), "own vCard, none yet");
        IQ server = RawIq.resultOf(bob.connection(), new RawIq(IQ.Type.get, JidCreate.domainBareFrom(TestServer.DOMAIN),
                "vCard", "vcard-temp", ""));
        assertNull(((VCard) server).getNickName(), "the server has an empty vCard");
    }

    @Test
    void onlyTheOwnerMayPublish() throws Exception {
        ImClient a = login(newAccount("alice"), "a");
        ImClient bob = login(newAccount("bob"), "b");
        StanzaError error = RawIq.errorOf(bob.connection(), new RawIq(IQ.Type.set, a.bare(), "vCard", "vcard-temp",
                "<NICKNAME>mallory</NICKNAME>"));
        assertEquals(StanzaError.Condition.forbidden, error.getCondition());
        assertNull(VCardManager.getInstanceFor(a.connection()).loadVCard().getNickName(), "nothing stored");
    }

    @Test
    void aTooLargeVCardIsNotAcceptable() throws Exception {
        ImClient a = login(newAccount("alice"), "a");
        VCard card = new VCard();
        card.setNickName("small");
        VCardManager manager = VCardManager.getInstanceFor(a.connection());
        manager.saveVCard(card);
        VCard big = new VCard();
        big.setNickName("big");
        big.setAvatar(new byte[VCardModule.MAX_CHARS * 3 / 4 + 1000], "image/png"); // base64: > MAX_CHARS
        XMPPException.XMPPErrorException e = assertThrows(XMPPException.XMPPErrorException.class,
                () -> manager.saveVCard(big));
        assertEquals(StanzaError.Condition.not_acceptable, e.getStanzaError().getCondition());
        assertEquals("small", manager.loadVCard().getNickName(), "the old vCard stays");
    }

    @Test
    void serverAndAccountsAnnounceVCards() throws Exception {
        ImClient a = login(newAccount("alice"), "a");
        ImClient bob = login(newAccount("bob"), "b");
        assertTrue(ServiceDiscoveryManager.getInstanceFor(bob.connection())
                .serverSupportsFeature(VCardModule.NAMESPACE));
        assertTrue(VCardManager.getInstanceFor(bob.connection()).isSupported(a.bare()));
    }
}
