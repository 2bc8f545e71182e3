package org.xmppd.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.TestServer;

/**
 * XEP-0421 occupant ids, XEP-0359 stanza ids assigned by the room with the sender's id kept,
 * XEP-0410 self-ping, and IQs between occupants.
 */
class OccupantIdentityTest extends MucTestBase {
    @RegisterExtension
    static final TestServer SERVER = serverWithMuc(UnaryOperator.identity());

    @Override
    protected TestServer server() {
        return SERVER;
    }

    @Test
    void messagesCarryTheRoomsStanzaIdTheSendersIdAndAStableOccupantId() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("ids");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        String clientId = atAlice.sendMessage(atAlice.buildMessage().setBody("one")).getStanzaId();
        atAlice.sendMessage("two");
        Message one = nextBody(atBob);
        Message two = nextBody(atBob);
        assertEquals(clientId, one.getStanzaId(), "muc#stable_id: the sender's id is kept");
        StanzaIdElement sid = StanzaIdElement.getStanzaId(one);
        assertEquals(room.toString(), sid.getBy());
        assertNotEquals(sid.getId(), StanzaIdElement.getStanzaId(two).getId());
        String occupantId = extension(one, "occupant-id", "urn:xmpp:occupant-id:0").getAttributeValue("id");
        assertEquals(occupantId, extension(two, "occupant-id", "urn:xmpp:occupant-id:0").getAttributeValue("id"));

        atAlice.leave();
        BlockingQueue<Presence> seen = new LinkedBlockingQueue<>();
        atBob.addParticipantListener(seen::add);
        // From another resource: Smack 4.5 races when one MultiUserChat leaves and joins at once.
        muc(resource(alice, "again"), room).join(nick("Alice"));
        Presence back = seen.poll(5, TimeUnit.SECONDS);
        assertEquals(occupantId, extension(back, "occupant-id", "urn:xmpp:occupant-id:0").getAttributeValue("id"),
                "the same user keeps their occupant id");
    }

    @Test
    void aForgedOccupantIdIsReplaced() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("forged");
        MultiUserChat atAlice = instantRoom(alice, room, "Alice");
        MultiUserChat atBob = muc(bob, room);
        atBob.join(nick("Bob"));
        atBob.sendMessage("mine");
        nextBody(atBob); // Bob's own copy
        String bobsId = extension(nextBody(atAlice), "occupant-id", "urn:xmpp:occupant-id:0").getAttributeValue("id");
        atAlice.sendMessage(atAlice.buildMessage().setBody("I am Bob").addExtension(
                StandardExtensionElement.builder("occupant-id", "urn:xmpp:occupant-id:0").addAttribute("id", bobsId)
                        .build()));
        Message forged = nextBody(atBob);
        assertFalse(bobsId.equals(extension(forged, "occupant-id", "urn:xmpp:occupant-id:0").getAttributeValue("id")));
        assertEquals(1, forged.getExtensions(new QName("urn:xmpp:occupant-id:0", "occupant-id")).size());
    }

    @Test
    void aSelfPingSaysWhetherTheClientIsStillJoined() throws Exception {
        XMPPTCPConnection alice = user("alice");
        EntityBareJid room = newRoom("selfping");
        MultiUserChat muc = instantRoom(alice, room, "Alice");
        Ping ping = new Ping(muc.getMyRoomJid());
        IQ pong = alice.sendIqRequestAndWaitForResponse(ping);
        assertEquals(IQ.Type.result, pong.getType());
        assertEquals(muc.getMyRoomJid(), pong.getFrom());
        muc(user("bob"), room).join(nick("Bob"));
        muc.leave();
        assertError(StanzaError.Condition.not_acceptable,
                () -> alice.sendIqRequestAndWaitForResponse(new Ping(JidCreate.entityFullFrom(room, nick("Alice")))));
    }

    @Test
    void iqsBetweenOccupantsGoThroughTheRoom() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        EntityBareJid room = newRoom("proxy");
        instantRoom(alice, room, "Alice");
        muc(bob, room).join(nick("Bob"));
        BlockingQueue<Stanza> atBob = new LinkedBlockingQueue<>();
        bob.registerIQRequestHandler(new AbstractIqRequestHandler(Ping.ELEMENT, Ping.NAMESPACE, IQ.Type.get,
                IQRequestHandler.Mode.sync) {
            @Override
            public IQ handleIQRequest(IQ request) {
                atBob.add(request);
                return IQ.createResultIQ(request);
            }
        });
        IQ pong = alice.sendIqRequestAndWaitForResponse(new Ping(JidCreate.entityFullFrom(room, nick("Bob"))));
        assertEquals(IQ.Type.result, pong.getType());
        assertEquals(room + "/Bob", pong.getFrom().toString());
        Stanza request = atBob.poll(5, TimeUnit.SECONDS);
        assertNotNull(request);
        assertEquals(room + "/Alice", request.getFrom().toString(), "the real JID stays hidden");
        XMPPTCPConnection carol = user("carol");
        assertError(StanzaError.Condition.not_acceptable, () -> carol
                .sendIqRequestAndWaitForResponse(new Ping(JidCreate.entityFullFrom(room, nick("Bob")))));
        assertError(StanzaError.Condition.bad_request, () -> ServiceDiscoveryManager.getInstanceFor(carol)
                .discoverItems(JidCreate.entityFullFrom(room, nick("Bob"))));
    }

    private static StandardExtensionElement extension(Stanza stanza, String element, String namespace) {
        var found = stanza.getExtension(new QName(namespace, element));
        assertTrue(found instanceof StandardExtensionElement, element + " in " + stanza.toXML());
        return (StandardExtensionElement) found;
    }
}
