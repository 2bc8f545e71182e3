package org.xmppd.server.modules.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.codec.Element;
import org.xmppd.codec.Message;
import org.xmppd.codec.Namespaces;
import org.xmppd.server.config.ModuleOptions;

/** Which messages notify, how registrations are stored, and how the options bind. */
class PushUnitTest {
    private static final EntityBareJid USER = JidCreate.entityBareFromOrThrowUnchecked("alice@example.org");

    private static Message message(String type, Element... children) {
        Element.Builder message = Element.builder("message", Namespaces.CLIENT).attribute("to", USER.toString())
                .attribute("from", "bob@example.net/x").attribute("type", type);
        for (Element child : children) {
            message.child(child);
        }
        return new Message(message.build());
    }

    private static Element body() {
        return Element.builder("body", Namespaces.CLIENT).text("hi").build();
    }

    private static Element delayFrom(String from) {
        return Element.builder("delay", PushTrigger.DELAY).attribute("from", from)
                .attribute("stamp", "2026-01-01T00:00:00Z").build();
    }

    @Test
    void messagesAUserWouldWantToSeeNotify() {
        assertTrue(PushTrigger.worthNotifying(message("chat", body()), USER));
        assertTrue(PushTrigger.worthNotifying(message("normal", body()), USER));
        assertTrue(PushTrigger.worthNotifying(message("chat", Element.of("encrypted", "eu.siacs.conversations.axolotl")), USER));
        assertTrue(PushTrigger.worthNotifying(message("chat", Element.of("propose", "urn:xmpp:jingle-message:0")), USER));
        assertTrue(PushTrigger.worthNotifying(message("chat", body(), delayFrom("room@conference.example.net")), USER),
                "someone else's delay stamp is history, not a second delivery");
    }

    @Test
    void noiseAndSecondDeliveriesDoNot() {
        assertFalse(PushTrigger.worthNotifying(message("chat", Element.of("composing",
                "http://jabber.org/protocol/chatstates")), USER));
        assertFalse(PushTrigger.worthNotifying(message("chat", Element.of("received", "urn:xmpp:receipts")), USER));
        assertFalse(PushTrigger.worthNotifying(message("groupchat", body()), USER));
        assertFalse(PushTrigger.worthNotifying(message("headline", body()), USER));
        assertFalse(PushTrigger.worthNotifying(message("error", body()), USER));
        assertFalse(PushTrigger.worthNotifying(message("chat", Element.of("retract", "urn:xmpp:jingle-message:0")), USER));
        assertFalse(PushTrigger.worthNotifying(message("chat", body(), delayFrom("example.org")), USER),
                "stamped by this server when a session's unacknowledged messages were handed on");
    }

    @Test
    void registrationsRoundTripThroughTheirStoredForm() {
        Element options = Element.builder("x", PushRequests.DATA).attribute("type", "submit")
                .child(Element.builder("field", PushRequests.DATA).attribute("var", "secret")
                        .textChild("value", PushRequests.DATA, "s<&>").build()).build();
        PushRegistration registration = new PushRegistration(JidCreate.fromOrThrowUnchecked("push.example.com"),
                "node with spaces", options, Instant.ofEpochMilli(1_700_000_000_123L));
        assertEquals(registration, PushRegistration.parse(registration.toXml()));
        PushRegistration bare = new PushRegistration(JidCreate.fromOrThrowUnchecked("push.example.com"), "n", null,
                Instant.ofEpochMilli(1));
        assertEquals(bare, PushRegistration.parse(bare.toXml()));
        assertEquals(64, registration.key().length());
        assertNotEquals(registration.key(), bare.key(), "one key per service and node");
        assertTrue(registration.matches(JidCreate.fromOrThrowUnchecked("push.example.com"), null));
        assertFalse(registration.matches(JidCreate.fromOrThrowUnchecked("push.example.com"), "other"));
        assertThrows(IllegalArgumentException.class, () -> PushRegistration.parse("<registration xmlns='urn:xmpp:push:0'/>"));
    }

    @Test
    void optionsBindWithPrivateDefaults() {
        assertEquals(new PushConfig(false, false, 10), ModuleOptions.bind("push", Map.of(), PushConfig.class));
        assertEquals(new PushConfig(true, false, 3), ModuleOptions.bind("push",
                Map.of("include_body", true, "max_registrations", 3), PushConfig.class));
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> ModuleOptions.bind("push",
                Map.of("max_registrations", 0), PushConfig.class));
        assertEquals("module_options.push: max_registrations: must be at least 1 (was 0)", low.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ModuleOptions.bind("push",
                Map.of("with_body", true), PushConfig.class));
        assertEquals("module_options.push: unknown key 'with_body'", unknown.getMessage());
    }
}
