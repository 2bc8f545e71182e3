package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;

/** The muc and pubsub stanzas are well-formed XEP-0045/XEP-0060 and the answers are read right. */
class ScenarioStanzasTest {
    @Test
    void joinAsksForNoHistory() {
        Element join = Xml.parse(MucStanzas.join("room@conference.localhost/o1"));
        assertEquals("room@conference.localhost/o1", join.attributeOrNull("to"));
        Element history = join.child("x", MucStanzas.MUC).orElseThrow().child("history", MucStanzas.MUC).orElseThrow();
        assertEquals("0", history.attributeOrNull("maxstanzas"));
    }

    @Test
    void instantRoomIsAnEmptySubmittedOwnerForm() {
        Element iq = Xml.parse(MucStanzas.instantRoom("room@conference.localhost", "u1"));
        assertEquals("set", iq.attributeOrNull("type"));
        Element form = iq.child("query", MucStanzas.MUC_OWNER).orElseThrow().child("x", "jabber:x:data").orElseThrow();
        assertEquals("submit", form.attributeOrNull("type"));
        assertTrue(form.elements().isEmpty());
    }

    @Test
    void groupchatEscapesItsBody() {
        Element message = Xml.parse(MucStanzas.groupchat("r@c.l", "g1", "a <b> & 'c'"));
        assertEquals("groupchat", message.attributeOrNull("type"));
        assertEquals("a <b> & 'c'", message.childText("body", Namespaces.CLIENT).orElseThrow());
    }

    @Test
    void readsStatusCodes() {
        Element created = Xml.parse("<presence from='r@c.l/o1'><x xmlns='" + MucStanzas.MUC_USER + "'>"
                + "<item affiliation='owner' role='moderator'/><status code='110'/><status code='201'/></x></presence>");
        assertTrue(MucStanzas.hasStatus(created, "201"));
        assertTrue(MucStanzas.hasStatus(created, "110"));
        assertFalse(MucStanzas.hasStatus(created, "100"));
        assertFalse(MucStanzas.hasStatus(Xml.parse("<presence/>"), "110"));
    }

    @Test
    void createsAnOpenNode() {
        Element iq = Xml.parse(PubSubStanzas.createOpenNode("pubsub.localhost", "n1", "c1"));
        Element pubsub = iq.child("pubsub", PubSubStanzas.PUBSUB).orElseThrow();
        assertEquals("n1", pubsub.child("create", PubSubStanzas.PUBSUB).orElseThrow().attributeOrNull("node"));
        Element form = pubsub.child("configure", PubSubStanzas.PUBSUB).orElseThrow()
                .child("x", "jabber:x:data").orElseThrow();
        assertEquals(2, form.elements().size());
        assertEquals("pubsub#access_model", form.elements().get(1).attributeOrNull("var"));
        assertEquals("open", form.elements().get(1).childText("value", "jabber:x:data").orElseThrow());
    }

    @Test
    void aPublishedTitleComesBackFromTheNotification() {
        Element publish = Xml.parse(PubSubStanzas.publish("pubsub.localhost", "n1", "p1", "i1", "lt r 1 5 & more"));
        Element item = publish.child("pubsub", PubSubStanzas.PUBSUB).orElseThrow()
                .child("publish", PubSubStanzas.PUBSUB).orElseThrow().child("item", PubSubStanzas.PUBSUB).orElseThrow();
        assertEquals("i1", item.attributeOrNull("id"));
        String entry = item.firstElement().orElseThrow().toXml();
        Element event = Xml.parse("<message from='pubsub.localhost'><event xmlns='" + PubSubStanzas.EVENT + "'>"
                + "<items node='n1'><item id='i1'>" + entry + "</item></items></event></message>");
        assertEquals(Optional.of("lt r 1 5 & more"), PubSubStanzas.notifiedTitle(event, "n1"));
        assertEquals(Optional.empty(), PubSubStanzas.notifiedTitle(event, "n2"));
        assertEquals(Optional.empty(), PubSubStanzas.notifiedTitle(Xml.parse("<message><body>x</body></message>"), "n1"));
    }

    @Test
    void readsTheSubscriptionState() {
        String pubsub = "<pubsub xmlns='" + PubSubStanzas.PUBSUB + "'>";
        assertEquals("subscribed", PubSubStanzas.subscriptionState(Xml.parse("<iq type='result'/>")));
        assertEquals("pending", PubSubStanzas.subscriptionState(Xml.parse("<iq type='result'>" + pubsub
                + "<subscription node='n' jid='a@b' subscription='pending'/></pubsub></iq>")));
        Element subscribe = Xml.parse(PubSubStanzas.subscribe("pubsub.localhost", "n1", "user1@localhost", "s"));
        assertEquals("user1@localhost", subscribe.child("pubsub", PubSubStanzas.PUBSUB).orElseThrow()
                .child("subscribe", PubSubStanzas.PUBSUB).orElseThrow().attributeOrNull("jid"));
    }

    @Test
    void readsErrorConditions() {
        Element error = Xml.parse("<presence type='error'><error type='cancel'>"
                + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");
        assertTrue(Bounces.isError(error));
        assertEquals("item-not-found", Bounces.conditionOf(error));
        assertEquals("?", Bounces.conditionOf(Xml.parse("<iq type='error'/>")));
    }
}
