package org.xmppd.server.modules.lastactivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.iqlast.LastActivityManager;
import org.jivesoftware.smackx.iqlast.packet.LastActivity;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;

/** XEP-0012 last activity of the server, of accounts, and of clients; runs per storage backend. */
public abstract class LastActivityTest extends ImTestBase {

    /** §5: the server's uptime. */
    @Test
    void serverAnswersWithItsUptime() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        LastActivity uptime = last(alice).getLastActivity(JidCreate.domainBareFrom("localhost"));
        assertTrue(uptime.getIdleTime() >= 0 && uptime.getIdleTime() < 3600, "uptime " + uptime.getIdleTime());
    }

    /** §4: a contact learns when the account was last online and its last status; 0 while online. */
    @Test
    void contactsSeeTimeSinceLogoutAndStatus() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        subscribeBothWays(alice, bob);
        assertEquals(0, last(alice).getLastActivity(bob.bare()).getIdleTime(), "online: 0");

        bob.sendAndSync(PresenceBuilder.buildPresence().ofType(Presence.Type.unavailable)
                .setStatus("gone fishing").build());
        LastActivity away = last(alice).getLastActivity(bob.bare());
        assertTrue(away.getIdleTime() >= 0 && away.getIdleTime() < 60, "seconds " + away.getIdleTime());
        assertEquals("gone fishing", away.getStatusMessage());
    }

    /** §4: strangers are refused; the account itself may ask. */
    @Test
    void strangersAreForbidden() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient carol = online(newAccount("carol"), "desk", 0);
        XMPPErrorException e = assertThrows(XMPPErrorException.class,
                () -> last(carol).getLastActivity(alice.bare()));
        assertEquals(StanzaError.Condition.forbidden, e.getStanzaError().getCondition());
        assertEquals(0, last(alice).getLastActivity(alice.bare()).getIdleTime());
    }

    /** §3: a full JID is the client's to answer; the server only routes it. */
    @Test
    void fullJidReachesTheClient() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        last(bob).enable();
        LastActivity idle = last(alice).getLastActivity(bob.jid());
        assertEquals(bob.jid(), idle.getFrom());
    }

    private static LastActivityManager last(ImClient client) {
        return LastActivityManager.getInstanceFor(client.connection());
    }
}
