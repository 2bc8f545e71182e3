package org.xmppd.server.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/**
 * RFC 6121 §8.5.2.1 for the message types the routing tests leave out: to the bare JID of an
 * account with an available resource, a groupchat message bounces and an error is dropped.
 */
class BareJidMessageTypesTest extends ImTestBase {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }

    /** §8.5.2.1.3: groupchat to a bare JID is not delivered; the sender gets service-unavailable. */
    @Test
    void groupchatToABareJidBounces() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        alice.connection().sendStanza(MessageBuilder.buildMessage("gc").to(bob.bare())
                .ofType(Message.Type.groupchat).setBody("not a room").build());
        Message bounced = alice.nextMessage();
        assertEquals(Message.Type.error, bounced.getType());
        assertNotNull(bounced.getError(), bounced.toXML().toString());
        assertEquals(StanzaError.Condition.service_unavailable, bounced.getError().getCondition());
        alice.chat(bob.bare(), "marker");
        assertEquals("marker", bob.nextMessage().getBody(), "the groupchat message never reached bob");
    }

    /** §8.5.2.1.1: a message of type error to a bare JID is silently dropped, never bounced. */
    @Test
    void errorToABareJidIsDropped() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        ImClient bob = online(newAccount("bob"), "desk", 0);
        alice.connection().sendStanza(MessageBuilder.buildMessage("err").to(bob.bare())
                .ofType(Message.Type.error).setBody("an error").build());
        alice.chat(bob.bare(), "marker");
        assertEquals("marker", bob.nextMessage().getBody(), "the error message was not delivered");
        alice.sync();
        assertTrue(alice.messages().isEmpty(), "no error answered the error: " + alice.messages());
    }
}
