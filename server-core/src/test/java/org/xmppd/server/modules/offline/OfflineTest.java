package org.xmppd.server.modules.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;
import org.xmppd.storage.OfflineStore;

/** XEP-0160 offline messages, through the wire; runs per storage backend. */
public abstract class OfflineTest extends ImTestBase {

    /** XEP-0160 §2: kept while nobody is available, delivered in order after login with XEP-0203 stamps. */
    @Test
    void keptAndDeliveredInOrderWithDelay() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        String bobName = newAccount("bob");
        EntityBareJid bob = JidCreate.entityBareFrom(bobName + "@localhost");
        Instant before = Instant.now().minusSeconds(1);
        for (String body : List.of("one", "two", "three")) {
            alice.chat(bob, body);
        }
        alice.chat(JidCreate.from(bobName + "@localhost/gone"), "four"); // §8.5.3.2.1: absent resource
        alice.sync();
        assertTrue(alice.messages().isEmpty(), "no error for the sender: " + alice.messages());
        assertEquals(4, offline().count(bob));

        ImClient bobDesk = login(bobName, "desk");
        assertTrue(bobDesk.messages().isEmpty(), "nothing before the initial presence");
        bobDesk.available(0);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Message message = bobDesk.nextMessage();
            bodies.add(message.getBody());
            assertEquals(alice.jid(), message.getFrom());
            DelayInformation delay = DelayInformation.from(message);
            assertNotNull(delay, "XEP-0203 delay on " + message.toXML());
            assertEquals("localhost", delay.getFrom());
            assertTrue(delay.getStamp().toInstant().isAfter(before), delay.getStamp().toString());
        }
        assertEquals(List.of("one", "two", "three", "four"), bodies);
        assertEquals(0, offline().count(bob), "delivered messages are removed");
    }

    /** RFC 6121 §8.5.2.1.1: negative priority counts as unavailable; messages wait for a non-negative one. */
    @Test
    void negativePriorityResourcesDoNotEmptyTheStore() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        String bobName = newAccount("bob");
        ImClient hidden = online(bobName, "hidden", -1);
        alice.chat(hidden.bare(), "later");
        alice.sync();
        assertEquals(1, offline().count(hidden.bare()));
        assertTrue(hidden.messages().isEmpty());

        hidden.available(1);
        Message message = hidden.nextMessage();
        assertEquals("later", message.getBody());
        assertNotNull(DelayInformation.from(message));
    }

    /** XEP-0160 §2: headlines are never stored, and a full store answers the sender with an error. */
    @Test
    void headlinesAreDroppedAndAFullStoreBounces() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        EntityBareJid bob = JidCreate.entityBareFrom(newAccount("bob") + "@localhost");
        alice.connection().sendStanza(MessageBuilder.buildMessage().to(bob).ofType(Message.Type.headline)
                .setBody("news").build());
        alice.sync();
        assertEquals(0, offline().count(bob));

        for (int i = offline().count(bob); i < OfflineConfig.DEFAULT_MAX_MESSAGES_PER_USER; i++) {
            offline().add(bob, "<message xmlns='jabber:client' type='chat'><body>" + i + "</body></message>",
                    Instant.now(), OfflineConfig.DEFAULT_MAX_MESSAGES_PER_USER);
        }
        Message overflow = alice.chat(bob, "one too many");
        Message error = alice.nextMessage();
        assertEquals(overflow.getStanzaId(), error.getStanzaId());
        assertEquals(StanzaError.Condition.service_unavailable, error.getError().getCondition());
        assertTrue(error.getError().getDescriptiveText().contains("full"), error.toXML().toString());
        assertEquals(OfflineConfig.DEFAULT_MAX_MESSAGES_PER_USER, offline().count(bob));
    }

    /** XEP-0085: a chat state alone is not worth keeping, and is not bounced either. */
    @Test
    void chatStatesAloneAreNotKept() throws Exception {
        ImClient alice = online(newAccount("alice"), "desk", 0);
        EntityBareJid bob = JidCreate.entityBareFrom(newAccount("bob") + "@localhost");
        alice.connection().sendStanza(MessageBuilder.buildMessage().to(bob).ofType(Message.Type.chat)
                .addExtension(new org.jivesoftware.smackx.chatstates.packet.ChatStateExtension(
                        org.jivesoftware.smackx.chatstates.ChatState.composing)).build());
        alice.sync();
        assertEquals(0, offline().count(bob));
        assertNull(alice.messages().poll(), "no bounce");
    }

    private OfflineStore offline() {
        return server().storage().offline();
    }
}
