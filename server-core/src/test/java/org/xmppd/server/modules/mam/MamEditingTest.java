package org.xmppd.server.modules.mam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmppd.server.modules.mam.MamTest.bodies;
import static org.xmppd.server.modules.mam.MamTest.chat;
import static org.xmppd.server.modules.mam.MamTest.mam;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.mam.element.MamPrefsIQ;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.Jid;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;
import org.xmppd.server.modules.RawIq;

/**
 * Changing history through the wire: XEP-0424 retraction (tombstones, only by the sender),
 * deleting from one's own view, plus the metadata and flip-page reads.
 */
class MamEditingTest extends ImTestBase {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @BeforeAll
    static void readUnknownElementsLeniently() {
        LenientElements.register();
    }

    @Test
    void theSenderRetractsAndBothArchivesKeepATombstone() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        alice.connection().sendStanza(withOriginId(chat(bob.bare(), "oops"), "o-1"));
        assertEquals("oops", bob.nextMessage().getBody());
        alice.connection().sendStanza(retraction(bob.bare(), "o-1"));
        assertTrue(bob.nextMessage().hasExtension("retract", MessageRetraction.NAMESPACE), "the retraction is delivered");
        for (ImClient owner : List.of(alice, bob)) {
            MamQuery archive = mam(owner).queryArchive(MamQueryArgs.builder().build());
            assertEquals(2, archive.getMessageCount(), "tombstone and retraction");
            Message tombstone = archive.getMessages().get(0);
            assertNull(tombstone.getBody(), "the content is gone");
            assertTrue(tombstone.hasExtension("retracted", MessageRetraction.NAMESPACE));
            assertTrue(tombstone.hasExtension("origin-id", StanzaIds.NAMESPACE), "clients match it by origin id");
            assertTrue(archive.getMessages().get(1).hasExtension("retract", MessageRetraction.NAMESPACE));
        }
    }

    @Test
    void markersAndReactionsPassThroughAndAreArchived() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        alice.connection().sendStanza(chat(bob.bare(), "like this?"));
        String id = StanzaIdElement.getStanzaId(bob.nextMessage()).getId();
        bob.connection().sendStanza(MessageBuilder.buildMessage().to(alice.bare()).ofType(Message.Type.chat)
                .addExtension(StandardExtensionElement.builder("displayed", "urn:xmpp:chat-markers:0")
                        .addAttribute("id", id).build())
                .build());
        bob.connection().sendStanza(MessageBuilder.buildMessage().to(alice.bare()).ofType(Message.Type.chat)
                .addExtension(StandardExtensionElement.builder("reactions", "urn:xmpp:reactions:0")
                        .addAttribute("id", id).addElement("reaction", "\uD83D\uDC4D").build())
                .addExtension(StandardExtensionElement.builder("store", "urn:xmpp:hints").build())
                .build());
        bob.connection().sendStanza(chat(alice.bare(), "end"));
        assertEquals("end", alice.nextMessage().getBody(), "marker and reaction came first, in order");
        for (ImClient owner : List.of(alice, bob)) {
            List<Message> archived = mam(owner).queryArchive(MamQueryArgs.builder().build()).getMessages();
            assertEquals(4, archived.size());
            assertTrue(archived.get(1).hasExtension("displayed", "urn:xmpp:chat-markers:0"));
            assertTrue(archived.get(2).hasExtension("reactions", "urn:xmpp:reactions:0"));
        }
    }

    @Test
    void onlyTheSenderCanRetract() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        alice.connection().sendStanza(withOriginId(chat(bob.bare(), "mine"), "o-2"));
        assertEquals("mine", bob.nextMessage().getBody());
        bob.connection().sendStanza(retraction(alice.bare(), "o-2"));
        Message refused = bob.nextMessage();
        assertEquals(StanzaError.Condition.forbidden, refused.getError().getCondition());
        alice.connection().sendStanza(chat(bob.bare(), "after"));
        assertEquals("after", bob.nextMessage().getBody());
        assertEquals(List.of("mine", "after"), bodies(mam(bob).queryArchive(MamQueryArgs.builder().build())));
        assertEquals(List.of("mine", "after"), bodies(mam(alice).queryArchive(MamQueryArgs.builder().build())));
    }

    @Test
    void deletingFromOwnViewLeavesThePeersCopy() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        alice.connection().sendStanza(chat(bob.bare(), "one"));
        alice.connection().sendStanza(chat(bob.bare(), "two"));
        bob.nextMessage();
        bob.nextMessage();
        MamQuery before = mam(bob).queryArchive(MamQueryArgs.builder().build());
        String first = before.getMamResultExtensions().get(0).getId();
        RawIq.resultOf(bob.connection(), delete("<item id='" + first + "'/>"));
        assertEquals(List.of("two"), bodies(mam(bob).queryArchive(MamQueryArgs.builder().build())));
        assertEquals(List.of("one", "two"), bodies(mam(alice).queryArchive(MamQueryArgs.builder().build())));

        assertEquals(StanzaError.Condition.item_not_found, errorOf(bob, delete("<item id='" + first + "'/>")));
        assertEquals(StanzaError.Condition.item_not_found, errorOf(bob, delete("<item id='nonsense'/>")));
        assertEquals(StanzaError.Condition.bad_request, errorOf(bob, delete("")));
        assertEquals(List.of("two"), bodies(mam(bob).queryArchive(MamQueryArgs.builder().build())),
                "failed deletes change nothing");
    }

    @Test
    void removingTheAccountDeletesItsArchiveAndPreferences() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        String bobName = newAccount("bob");
        ImClient bob = online(bobName, "b", 0);
        alice.connection().sendStanza(chat(bob.bare(), "before"));
        bob.nextMessage();
        RawIq.resultOf(bob.connection(), new MamTest.PrefsIq("never", alice.bare()));
        AccountManager.getInstance(bob.connection()).deleteAccount();

        ImClient.account(SERVER, bobName);
        ImClient again = online(bobName, "b2", 0);
        assertEquals(List.of(), bodies(mam(again).queryArchive(MamQueryArgs.builder().build())));
        assertEquals(MamPrefsIQ.DefaultBehavior.always, mam(again).retrieveArchivingPreferences().mamPrefs.getDefault(),
                "the old account's preferences are forgotten");
        alice.connection().sendStanza(chat(again.bare(), "after"));
        again.nextMessage();
        assertEquals(List.of("after"), bodies(mam(again).queryArchive(MamQueryArgs.builder().build())));
        assertEquals(List.of("before", "after"), bodies(mam(alice).queryArchive(MamQueryArgs.builder().build())),
                "the peer's archive is the peer's");
    }

    @Test
    void metadataNamesTheFirstAndLastIds() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        String empty = RawIq.resultOf(bob.connection(),
                new RawIq(IQ.Type.get, null, "metadata", MamModule.NAMESPACE, "")).toXML().toString();
        assertFalse(empty.contains("<start"), empty);
        for (int i = 0; i < 3; i++) {
            alice.connection().sendStanza(chat(bob.bare(), "m" + i));
            bob.nextMessage();
        }
        MamQuery archive = mam(bob).queryArchive(MamQueryArgs.builder().build());
        String metadata = RawIq.resultOf(bob.connection(),
                new RawIq(IQ.Type.get, null, "metadata", MamModule.NAMESPACE, "")).toXML().toString();
        metadata = metadata.replace("&apos;", "'").replace("&lt;", "<");
        assertTrue(metadata.contains("<start id='" + archive.getMamResultExtensions().get(0).getId() + "'"), metadata);
        assertTrue(metadata.contains("<end id='" + archive.getMamResultExtensions().get(2).getId() + "'"), metadata);
    }

    @Test
    void flipPageDeliversNewestFirst() throws Exception {
        ImClient alice = online(newAccount("alice"), "a", 0);
        ImClient bob = online(newAccount("bob"), "b", 0);
        for (int i = 0; i < 4; i++) {
            alice.connection().sendStanza(chat(bob.bare(), "m" + i));
            bob.nextMessage();
        }
        BlockingQueue<MamElements.MamResultExtension> results = new LinkedBlockingQueue<>();
        bob.connection().addStanzaListener(s -> results.add(MamElements.MamResultExtension.from((Message) s)),
                s -> s instanceof Message m && MamElements.MamResultExtension.from(m) != null);
        RawIq.resultOf(bob.connection(), new RawIq(IQ.Type.set, null, "query", MamModule.NAMESPACE,
                "<set xmlns='http://jabber.org/protocol/rsm'><max>2</max><before/></set><flip-page/>"));
        assertEquals("m3", next(results).getForwarded().getForwardedStanza().getBody());
        assertEquals("m2", next(results).getForwarded().getForwardedStanza().getBody());
        assertNull(results.poll(200, TimeUnit.MILLISECONDS), "a page of two");
    }

    private static MamElements.MamResultExtension next(BlockingQueue<MamElements.MamResultExtension> results)
            throws InterruptedException {
        MamElements.MamResultExtension result = results.poll(ImClient.WAIT_MS, TimeUnit.MILLISECONDS);
        assertTrue(result != null, "no result arrived");
        return result;
    }

    private static StanzaError.Condition errorOf(ImClient client, RawIq request) {
        return RawIq.errorOf(client.connection(), request).getCondition();
    }

    private static RawIq delete(String items) {
        return new RawIq(IQ.Type.set, null, "delete", AccountArchiveHandlers.DELETE_NAMESPACE, items);
    }

    private static Message withOriginId(Message message, String originId) {
        return message.asBuilder().addExtension(StandardExtensionElement.builder("origin-id", StanzaIds.NAMESPACE)
                .addAttribute("id", originId).build()).build();
    }

    /** A retraction as XEP-0424 §3 sends it: fallback body and store hint for servers and clients that do not know it. */
    private static Message retraction(Jid to, String originId) {
        return MessageBuilder.buildMessage().to(to).ofType(Message.Type.chat)
                .setBody("This person attempted to retract a previous message")
                .addExtension(StandardExtensionElement.builder("retract", MessageRetraction.NAMESPACE)
                        .addAttribute("id", originId).build())
                .addExtension(StandardExtensionElement.builder("fallback", "urn:xmpp:fallback:0")
                        .addAttribute("for", MessageRetraction.NAMESPACE).build())
                .addExtension(StandardExtensionElement.builder("store", "urn:xmpp:hints").build())
                .build();
    }
}
