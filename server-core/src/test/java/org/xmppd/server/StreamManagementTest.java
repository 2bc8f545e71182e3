package org.xmppd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * XEP-0198 on the wire, with exact XML: enabling, acknowledgements both ways, resumption after a
 * dropped connection, failed resumption, a too high {@code h}, and what happens to unacknowledged
 * stanzas when the resumption window closes.
 */
class StreamManagementTest {
    static final String SM = "urn:xmpp:sm:3";

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    /** Sessions wait one second for resumption. */
    @RegisterExtension
    static final TestServer SHORT = new TestServer(c -> c.withModuleOptions(
            Map.of("sm", Map.of("resume_timeout_seconds", 1))));

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Pattern ENABLED_ID = Pattern.compile("<enabled xmlns=\"urn:xmpp:sm:3\" id=\"([^\"]+)\"");

    private static String newUser(TestServer server) throws IOException {
        String user = "sm" + USERS.incrementAndGet();
        server.createUser(user, "pw");
        return user;
    }

    /** Connected, TLS, authenticated and restarted: ready to bind or resume. */
    static RawXmppClient authenticated(TestServer server, String user) throws IOException {
        RawXmppClient client = RawXmppClient.connect(server);
        client.openStream();
        client.starttls();
        client.openStream();
        client.authPlain(user, "pw");
        String features = client.openStream();
        assertTrue(features.contains("<sm xmlns=\"urn:xmpp:sm:3\"/>"), features);
        assertTrue(features.contains("<csi xmlns=\"urn:xmpp:csi:0\"/>"), features);
        return client;
    }

    static RawXmppClient bound(TestServer server, String user, String resource) throws IOException {
        RawXmppClient client = authenticated(server, user);
        client.bind(resource);
        return client;
    }

    /** Enables resumable stream management; returns the session id. */
    static String enableResumable(RawXmppClient client) throws IOException {
        client.send("<enable xmlns='urn:xmpp:sm:3' resume='true'/>");
        Matcher id = ENABLED_ID.matcher(client.readUntil("/>"));
        assertTrue(id.find(), client.text());
        return id.group(1);
    }

    private static String chat(String to, String body) {
        return "<message type='chat' to='" + to + "'><body>" + body + "</body></message>";
    }

    @Test
    void acknowledgementsBothWays() throws Exception {
        String alice = newUser(SERVER);
        String bob = newUser(SERVER);
        try (RawXmppClient a = bound(SERVER, alice, "phone"); RawXmppClient b = bound(SERVER, bob, "pc")) {
            a.send("<enable xmlns='urn:xmpp:sm:3'/>");
            assertEquals("<enabled xmlns=\"urn:xmpp:sm:3\"/>", a.readUntil("/>").trim(), "no resumption asked");

            b.send(chat(a.jid(), "one"));
            assertTrue(a.readUntil("</message>").contains("one"));
            // §4: the server asks right after its first unacknowledged stanza.
            a.readUntil("<r xmlns=\"urn:xmpp:sm:3\"/>");
            a.send("<a xmlns='urn:xmpp:sm:3' h='1'/>");

            // Stanzas from the client are counted: two, then the client asks.
            a.send("<presence/><iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq><r xmlns='urn:xmpp:sm:3'/>");
            a.readUntil("<a xmlns=\"urn:xmpp:sm:3\" h=\"2\"/>");
            a.send("<a xmlns='urn:xmpp:sm:3' h='2'/>");

            a.send("<r xmlns='urn:xmpp:sm:3'/>");
            a.readUntil("<a xmlns=\"urn:xmpp:sm:3\" h=\"2\"/>");
        }
    }

    @Test
    void anAckAboveWhatWasSentIsAStreamError() throws Exception {
        String alice = newUser(SERVER);
        try (RawXmppClient a = bound(SERVER, alice, "phone")) {
            a.send("<enable xmlns='urn:xmpp:sm:3'/>");
            a.readUntil("<enabled");
            a.send("<a xmlns='urn:xmpp:sm:3' h='5'/>");
            assertEquals("undefined-condition", a.awaitStreamError());
            assertTrue(a.text().contains("<handled-count-too-high xmlns=\"urn:xmpp:sm:3\" h=\"5\" send-count=\"0\"/>"),
                    a.text());
            assertTrue(a.awaitClosed(RawXmppClient.TIMEOUT));
        }
    }

    @Test
    void enablingBeforeBindingAndTwiceFails() throws Exception {
        String alice = newUser(SERVER);
        try (RawXmppClient a = authenticated(SERVER, alice)) {
            a.send("<enable xmlns='urn:xmpp:sm:3'/>");
            assertTrue(a.readUntil("</failed>").contains("<unexpected-request"), a.text());
            a.bind("phone");
            a.send("<enable xmlns='urn:xmpp:sm:3'/>");
            a.readUntil("<enabled");
            a.send("<enable xmlns='urn:xmpp:sm:3'/>");
            assertTrue(a.readUntil("</failed>").contains("<unexpected-request"), a.text());
        }
    }

    /** §5: messages sent while the connection was down arrive on resumption, after the unacknowledged ones. */
    @Test
    void aDroppedSessionIsResumedWithWhatWasSentMeanwhile() throws Exception {
        String alice = newUser(SERVER);
        String bob = newUser(SERVER);
        String id;
        String jid;
        try (RawXmppClient b = bound(SERVER, bob, "pc")) {
            RawXmppClient a = bound(SERVER, alice, "phone");
            jid = a.jid();
            id = enableResumable(a);
            assertTrue(a.text().contains("resume=\"true\" max=\"300\""), a.text());
            b.send(chat(jid, "before-1") + chat(jid, "before-2"));
            a.readUntil("before-2");
            a.close(); // dropped: no closing tag, no acknowledgement

            b.send(chat(jid, "during"));
            b.send("<iq type='get' id='ping-b'><ping xmlns='urn:xmpp:ping'/></iq>");
            b.readUntil("ping-b"); // the server handled bob's message

            try (RawXmppClient again = authenticated(SERVER, alice)) {
                again.send("<resume xmlns='urn:xmpp:sm:3' previd='" + id + "' h='1'/>");
                String resumed = again.readUntil("during");
                assertTrue(resumed.contains("<resumed xmlns=\"urn:xmpp:sm:3\" previd=\"" + id + "\" h=\"0\"/>"), resumed);
                assertFalse(resumed.contains("before-1"), "acknowledged by h='1': " + resumed);
                assertTrue(resumed.indexOf("before-2") < resumed.indexOf("during"), resumed);
                again.send("<a xmlns='urn:xmpp:sm:3' h='3'/>");
                // The session goes on: same JID, stanzas flow both ways and are counted.
                again.send(chat(b.jid(), "back") + "<r xmlns='urn:xmpp:sm:3'/>");
                again.readUntil("<a xmlns=\"urn:xmpp:sm:3\" h=\"1\"/>");
                assertTrue(b.readUntil("back").contains("from=\"" + jid + "\""), b.text());
            }
        }
    }

    @Test
    void resumingAnUnknownOrForeignSessionFailsAndBindingStillWorks() throws Exception {
        String alice = newUser(SERVER);
        String mallory = newUser(SERVER);
        RawXmppClient a = bound(SERVER, alice, "phone");
        String id = enableResumable(a);
        a.close();
        try (RawXmppClient m = authenticated(SERVER, mallory)) {
            m.send("<resume xmlns='urn:xmpp:sm:3' previd='" + id + "' h='0'/>");
            String failed = m.readUntil("</failed>");
            assertTrue(failed.contains("<item-not-found xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/>"), failed);
            assertFalse(failed.contains("h="), "a stranger learns nothing: " + failed);
            assertTrue(m.bind("desk").startsWith(mallory + "@"));
        }
        try (RawXmppClient again = authenticated(SERVER, alice)) {
            again.send("<resume xmlns='urn:xmpp:sm:3' previd='no-such-id' h='0'/>");
            assertTrue(again.readUntil("</failed>").contains("item-not-found"), again.text());
            again.send("<resume xmlns='urn:xmpp:sm:3' previd='" + id + "' h='0'/>");
            again.readUntil("<resumed");
        }
    }

    /**
     * §5 and RFC 6121 §8.5.3.2: when the window closes, the unacknowledged message becomes an
     * offline message (stamped with its first delivery), the IQ request is answered with an error,
     * the contacts see the resource go, and a late resume learns the final count.
     */
    @Test
    void whenResumptionTimesOutMessagesGoOfflineAndIqsAreBounced() throws Exception {
        String alice = newUser(SHORT);
        String bob = newUser(SHORT);
        try (RawXmppClient b = bound(SHORT, bob, "pc")) {
            RawXmppClient a = bound(SHORT, alice, "phone");
            String jid = a.jid();
            String id = enableResumable(a);
            a.send("<presence/><r xmlns='urn:xmpp:sm:3'/>");
            a.readUntil("h=\"1\"/>");
            b.send(chat(jid, "kept") + "<iq type='get' id='v1' to='" + jid + "'><query xmlns='jabber:iq:version'/></iq>");
            a.readUntil("jabber:iq:version");
            a.close();

            String bounced = b.readUntil("</iq>", java.time.Duration.ofSeconds(10));
            assertTrue(bounced.contains("id=\"v1\"") && bounced.contains("type=\"error\"")
                    && bounced.contains("service-unavailable"), bounced);

            try (RawXmppClient late = authenticated(SHORT, alice)) {
                late.send("<resume xmlns='urn:xmpp:sm:3' previd='" + id + "' h='0'/>");
                String failed = late.readUntil("</failed>");
                assertTrue(failed.contains("h=\"1\"") && failed.contains("item-not-found"), failed);
                late.bind("phone");
                late.send("<presence/>");
                String offline = late.readUntil("</message>");
                assertTrue(offline.contains("kept") && offline.contains("<delay xmlns=\"urn:xmpp:delay\""), offline);
                assertEquals(1, count(late.text(), "<delay "), "one stamp, the first delivery's: " + late.text());
            }
        }
    }

    /** XEP-0352: while inactive only the latest presence per contact is kept; messages still flow. */
    @Test
    void inactiveClientsGetCollapsedPresenceLater() throws Exception {
        String alice = newUser(SERVER);
        String bob = newUser(SERVER);
        try (RawXmppClient a = bound(SERVER, alice, "phone"); RawXmppClient b = bound(SERVER, bob, "pc")) {
            a.send("<inactive xmlns='urn:xmpp:csi:0'/><iq type='get' id='csi-1'><ping xmlns='urn:xmpp:ping'/></iq>");
            a.readUntil("id=\"csi-1\""); // handled before bob sends anything
            for (String show : new String[] {"away", "xa", "dnd"}) {
                b.send("<presence to='" + a.jid() + "'><show>" + show + "</show></presence>");
            }
            b.send(chat(a.jid(), "urgent"));
            String flowing = a.readUntil("urgent");
            assertFalse(flowing.contains("<presence"), "presence held: " + flowing);

            a.send("<active xmlns='urn:xmpp:csi:0'/><iq type='get' id='sync'><ping xmlns='urn:xmpp:ping'/></iq>");
            String released = a.readUntil("id=\"sync\"");
            assertEquals(1, count(released, "<presence"), released);
            assertTrue(released.contains("<show>dnd</show>"), released);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
