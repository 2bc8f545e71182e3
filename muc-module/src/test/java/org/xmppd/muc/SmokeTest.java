package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.function.UnaryOperator;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.xmppd.server.TestServer;

class SmokeTest extends MucTestBase {
    @RegisterExtension
    static final TestServer SERVER = serverWithMuc(UnaryOperator.identity());

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void threeUsersChat() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection carol = user("carol");
        EntityBareJid room = newRoom("smoke");
        MultiUserChat a = instantRoom(alice, room, "Alice");
        MultiUserChat b = muc(bob, room);
        b.join(nick("Bob"));
        MultiUserChat c = muc(carol, room);
        c.join(nick("Carol"));
        assertEquals(3, c.getOccupantsCount());
        a.sendMessage("hello");
        Message atBob = nextBody(b);
        assertNotNull(atBob);
        assertEquals("hello", atBob.getBody());
        Message atCarol = nextBody(c);
        assertEquals("hello", atCarol.getBody());
        assertEquals(room + "/Alice", atCarol.getFrom().toString());
    }
}
