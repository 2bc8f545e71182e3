package org.xmppd.server.modules.mam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IQ.IQChildElementXmlStringBuilder;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.mam.element.MamPrefsIQ;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;
import org.xmppd.server.modules.RawIq;

/**
 * XEP-0313 user archives through the wire, with Smack's MamManager and raw IQs for the error
 * cases; run once per archive backend by a tiny subclass that supplies the server.
 */
abstract class MamTest extends ImTestBase {

    @Test
    void bothSidesArchiveAndTheRecipientSeesItsStanzaId() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alice.connection().sendStanza(chat(bob.bare(), "hello " + i));
            Message got = bob.nextMessage();
            StanzaIdElement stanzaId = StanzaIdElement.getStanzaId(got);
            assertNotNull(stanzaId, "delivered message carries the recipient's stanza id");
            assertEquals(bob.bare().toString(), stanzaId.getBy());
            ids.add(stanzaId.getId());
        }
        MamQuery bobs = mam(bob).queryArchive(MamQueryArgs.builder().build());
        assertEquals(List.of("hello 0", "hello 1", "hello 2"), bodies(bobs));
        assertEquals(ids, bobs.getMamResultExtensions().stream().map(r -> r.getId()).toList(),
                "the archive ids are the stanza ids");
        assertTrue(bobs.isComplete());
        MamQuery alices = mam(alice).queryArchive(MamQueryArgs.builder().limitResultsToJid(bob.bare()).build());
        assertEquals(List.of("hello 0", "hello 1", "hello 2"), bodies(alices));
        assertEquals(alice.jid(), alices.getMessages().get(0).getFrom(), "the sender's copy is the sent stanza");
    }

    @Test
    void pagesForwardAndBackwardWithRsm() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        for (int i = 0; i < 25; i++) {
            alice.connection().sendStanza(chat(bob.bare(), "m" + i));
        }
        for (int i = 0; i < 25; i++) {
            bob.nextMessage();
        }
        MamManager manager = mam(bob);
        MamQuery last = manager.queryMostRecentPage(alice.bare(), 10);
        assertEquals(range(15, 25), bodies(last));
        assertFalse(last.isComplete());
        List<Message> earlier = last.pagePrevious(10);
        assertEquals(range(5, 15), earlier.stream().map(Message::getBody).toList());
        List<Message> oldest = last.pagePrevious(10);
        assertEquals(range(0, 5), oldest.stream().map(Message::getBody).toList());
        assertTrue(last.isComplete());

        MamQuery first = manager.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(10).build());
        assertEquals(range(0, 10), bodies(first));
        assertEquals(range(10, 20), first.pageNext(10).stream().map(Message::getBody).toList());
        assertEquals(range(20, 25), first.pageNext(10).stream().map(Message::getBody).toList());
        assertTrue(first.isComplete());
    }

    @Test
    void filtersByPeer() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        ImClient carol = online(newAccount("carol"), "c", 0);
        alice.connection().sendStanza(chat(bob.bare(), "to bob"));
        alice.connection().sendStanza(chat(carol.bare(), "to carol"));
        bob.nextMessage();
        carol.nextMessage();
        assertEquals(List.of("to carol"),
                bodies(mam(alice).queryArchive(MamQueryArgs.builder().limitResultsToJid(carol.bare()).build())));
        assertEquals(List.of("to bob", "to carol"), bodies(mam(alice).queryArchive(MamQueryArgs.builder().build())));
    }

    @Test
    void offlineMessagesAreArchivedAndKeepTheirStanzaId() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        String bobName = newAccount("bob");
        alice.connection().sendStanza(chat(JidCreate.entityBareFrom(bobName + "@" + TestServer.DOMAIN), "while away"));
        alice.sync();
        ImClient bob = online(bobName, "b", 0);
        Message got = bob.nextMessage();
        String id = StanzaIdElement.getStanzaId(got).getId();
        MamQuery archive = mam(bob).queryArchive(MamQueryArgs.builder().build());
        assertEquals(List.of("while away"), bodies(archive));
        assertEquals(id, archive.getMamResultExtensions().get(0).getId());
    }

    @Test
    void chatStatesAndNoStoreHintsAreNotArchivedButReceiptsAre() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        alice.connection().sendStanza(MessageBuilder.buildMessage().to(bob.bare()).ofType(Message.Type.chat)
                .addExtension(StandardExtensionElement.builder("composing", "http://jabber.org/protocol/chatstates").build())
                .build());
        alice.connection().sendStanza(MessageBuilder.buildMessage().to(bob.bare()).ofType(Message.Type.chat)
                .setBody("secret").addExtension(StandardExtensionElement.builder("no-store", "urn:xmpp:hints").build())
                .build());
        alice.connection().sendStanza(MessageBuilder.buildMessage().to(bob.bare()).ofType(Message.Type.chat)
                .addExtension(StandardExtensionElement.builder("received", "urn:xmpp:receipts")
                        .addAttribute("id", "m1").build())
                .build());
        alice.connection().sendStanza(chat(bob.bare(), "end"));
        assertEquals("secret", bob.nextMessage().getBody(), "no-store still delivers");
        assertEquals("end", bob.nextMessage().getBody());
        MamQuery archive = mam(bob).queryArchive(MamQueryArgs.builder().build());
        assertEquals(2, archive.getMessageCount(), "the receipt and the last message");
        assertTrue(archive.getMessages().get(0).hasExtension("received", "urn:xmpp:receipts"));
    }

    @Test
    void preferencesDecideWhatIsKept() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        ImClient carol = online(newAccount("carol"), "c", 0);
        assertEquals(MamPrefsIQ.DefaultBehavior.always, mam(bob).retrieveArchivingPreferences().mamPrefs.getDefault());
        RawIq.resultOf(bob.connection(), new PrefsIq("always", carol.bare()));
        alice.connection().sendStanza(chat(bob.bare(), "kept"));
        carol.connection().sendStanza(chat(bob.bare(), "not kept"));
        bob.nextMessage();
        bob.nextMessage();
        assertEquals(List.of("kept"), bodies(mam(bob).queryArchive(MamQueryArgs.builder().build())));
        assertEquals(List.of(carol.bare()), mam(bob).retrieveArchivingPreferences().mamPrefs.getNeverJids());
        assertEquals(StanzaError.Condition.bad_request,
                RawIq.errorOf(bob.connection(), new PrefsIq("sometimes", carol.bare())).getCondition());
    }

    @Test
    void badQueriesGetClearErrors() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        assertEquals(StanzaError.Condition.bad_request, query(alice, null,
                "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>urn:xmpp:mam:2</value></field>"
                        + "<field var='colour'><value>red</value></field></x>"));
        assertEquals(StanzaError.Condition.bad_request, query(alice, null,
                "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>urn:xmpp:mam:2</value></field>"
                        + "<field var='start'><value>yesterday</value></field></x>"));
        assertEquals(StanzaError.Condition.item_not_found, query(alice, null,
                "<set xmlns='http://jabber.org/protocol/rsm'><after>0123456789abcdef</after></set>"));
        assertEquals(StanzaError.Condition.item_not_found, query(alice, null,
                "<set xmlns='http://jabber.org/protocol/rsm'><before>not-an-id</before></set>"));
        assertEquals(StanzaError.Condition.feature_not_implemented, query(alice, null,
                "<set xmlns='http://jabber.org/protocol/rsm'><index>3</index></set>"));
        assertEquals(StanzaError.Condition.forbidden, query(alice, bob.bare(), ""));
        alice.connection().sendStanza(chat(bob.bare(), "still works"));
        assertEquals("still works", bob.nextMessage().getBody());
    }

    @Test
    void accountsAdvertiseMam() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(alice.connection());
        assertTrue(disco.accountSupportsFeatures(List.of(MamModule.NAMESPACE, MamModule.NAMESPACE + "#extended",
                StanzaIds.NAMESPACE)));
        assertTrue(mam(alice).isSupported());
    }

    private static StanzaError.Condition query(ImClient client, Jid to, String inner) {
        return RawIq.errorOf(client.connection(), new RawIq(IQ.Type.set, to, "query", MamModule.NAMESPACE, inner))
                .getCondition();
    }

    static MamManager mam(ImClient client) throws Exception {
        MamManager manager = MamManager.getInstanceFor(client.connection());
        assertTrue(manager.isSupported(), "Smack learns the MAM version from disco");
        return manager;
    }

    /** A prefs set with a default and one never-archived JID (Smack's own prefs API needs a form we do not send). */
    static final class PrefsIq extends RawIq {
        private final String defaultPolicy;

        PrefsIq(String defaultPolicy, Jid never) {
            super(IQ.Type.set, null, "prefs", MamModule.NAMESPACE, "<always/><never><jid>" + never + "</jid></never>");
            this.defaultPolicy = defaultPolicy;
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.attribute("default", defaultPolicy);
            return super.getIQChildElementBuilder(xml);
        }
    }

    static Message chat(Jid to, String body) {
        return MessageBuilder.buildMessage().to(to).ofType(Message.Type.chat).setBody(body).build();
    }

    static List<String> bodies(MamQuery query) {
        return query.getMessages().stream().map(Message::getBody).toList();
    }

    private static List<String> range(int from, int to) {
        List<String> bodies = new ArrayList<>();
        for (int i = from; i < to; i++) {
            bodies.add("m" + i);
        }
        return bodies;
    }
}
