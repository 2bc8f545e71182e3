package org.xmppd.pubsub;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.debugger.SmackDebugger;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.EntityFullJid;

/**
 * The XML a connection received, as the server wrote it: for attributes Smack's parsed stanzas
 * drop (e.g. {@code publisher} on items). Installed per connection as its Smack debugger.
 */
final class WireLog extends SmackDebugger {
    private final StringBuffer received = new StringBuffer();

    WireLog(XMPPConnection connection) {
        super(connection);
    }

    /**
     * Waits until the received XML holds {@code needle}; returns everything received so far. A
     * ping first: Smack hands the debugger an element once the next one begins.
     */
    String await(String needle) throws Exception {
        PingManager.getInstanceFor(connection).pingMyServer();
        long deadline = System.currentTimeMillis() + PubSubTestBase.WAIT_MS;
        while (received.indexOf(needle) < 0) {
            assertTrue(System.currentTimeMillis() < deadline, "never received " + needle + " in " + received);
            Thread.sleep(20);
        }
        return received.toString();
    }

    @Override
    public void incomingStreamSink(CharSequence incoming) {
        received.append(incoming);
    }

    @Override
    public void outgoingStreamSink(CharSequence outgoing) {
        // Only what the server sends matters here.
    }

    @Override
    public void userHasLogged(EntityFullJid user) {
        // Nothing to note.
    }

    @Override
    public void onIncomingStreamElement(TopLevelStreamElement element) {
        // The raw text is what is kept.
    }

    @Override
    public void onOutgoingStreamElement(TopLevelStreamElement element) {
        // Only what the server sends matters here.
    }
}
