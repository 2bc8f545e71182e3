package org.xmppd.server.modules.roster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.modules.ImClient;
import org.xmppd.server.modules.ImTestBase;

/** RFC 6121 §2 rosters and XEP-0237 versioning, through the wire; runs per storage backend. */
public abstract class RosterTest extends ImTestBase {

    /** §2.3-2.5 and §2.1.6: each change is pushed to every interested resource. */
    @Test
    void addUpdateRemoveArePushedToEveryInterestedResource() throws Exception {
        String alice = newAccount("alice");
        BareJid bob = JidCreate.bareFrom(newAccount("bob") + "@localhost");
        ImClient desk = login(alice, "desk");
        ImClient phone = login(alice, "phone");

        desk.roster().createItem(bob, "Bob", new String[] {"Friends"});
        for (ImClient resource : List.of(desk, phone)) {
            RosterPacket.Item added = resource.nextPush(bob);
            assertEquals("Bob", added.getName());
            assertEquals(Set.of("Friends"), added.getGroupNames());
            assertEquals(RosterPacket.ItemType.none, added.getItemType());
        }

        desk.roster().createItem(bob, "Bobby", new String[] {"Friends", "Work"});
        for (ImClient resource : List.of(desk, phone)) {
            RosterPacket.Item updated = resource.nextPush(bob);
            assertEquals("Bobby", updated.getName());
            assertEquals(Set.of("Friends", "Work"), updated.getGroupNames());
        }
        RosterPacket fetched = get(phone, null);
        assertEquals(1, fetched.getRosterItemCount());
        assertEquals("Bobby", fetched.getRosterItems().get(0).getName());

        desk.roster().removeEntry(desk.roster().getEntry(bob));
        for (ImClient resource : List.of(desk, phone)) {
            assertEquals(RosterPacket.ItemType.remove, resource.nextPush(bob).getItemType());
        }
        assertEquals(0, get(phone, null).getRosterItemCount());
    }

    /** §2.1.6: a resource that never asked for the roster gets no pushes. */
    @Test
    void resourcesThatNeverAskedGetNoPushes() throws Exception {
        String alice = newAccount("alice");
        BareJid bob = JidCreate.bareFrom(newAccount("bob") + "@localhost");
        ImClient desk = login(alice, "desk");
        ImClient quiet = loginWithoutRoster(alice, "quiet");
        desk.roster().createItem(bob, null, null);
        desk.nextPush(bob);
        // The push to quiet, had there been one, was written before desk's result; its ping reply comes after.
        quiet.sync();
        assertEquals(0, quiet.pushes().size());
    }

    /** §2.6 (XEP-0237): an unchanged version gets an empty result; a stale one the roster and new version. */
    @Test
    void versioningAndPreApprovalAreAnnounced() throws Exception {
        try (ImClient desk = login(newAccount("alice"), "desk")) {
            org.jivesoftware.smack.roster.Roster roster =
                    org.jivesoftware.smack.roster.Roster.getInstanceFor(desk.connection());
            assertTrue(roster.isRosterVersioningSupported(), "rosterver stream feature");
            assertTrue(roster.isSubscriptionPreApprovalSupported(), "pre-approval stream feature");
        }
    }

    @Test
    void versioning() throws Exception {
        String alice = newAccount("alice");
        BareJid bob = JidCreate.bareFrom(newAccount("bob") + "@localhost");
        ImClient desk = login(alice, "desk");

        RosterPacket first = get(desk, "");
        String v1 = first.getVersion();
        assertNotNull(v1, "a version-aware request gets a version");
        assertEquals(0, first.getRosterItemCount());
        assertInstanceOf(EmptyResult.class, EmptyResult.of(getRaw(desk, v1)), "unchanged: empty result");

        desk.roster().createItem(bob, "Bob", null);
        RosterPacket.Item pushed = desk.nextPush(bob);
        assertEquals("Bob", pushed.getName());
        RosterPacket second = get(desk, v1);
        String v2 = second.getVersion();
        assertNotEquals(v1, v2);
        assertEquals(1, second.getRosterItemCount());
        assertInstanceOf(EmptyResult.class, EmptyResult.of(getRaw(desk, v2)));

        RosterPacket legacy = get(desk, null);
        assertNull(legacy.getVersion(), "a client without versioning gets no version");
    }

    /** §2.3.3: the errors of a roster set. */
    @Test
    void rosterSetErrors() throws Exception {
        String alice = newAccount("alice");
        ImClient desk = login(alice, "desk");
        BareJid bob = JidCreate.bareFrom("bob@localhost");
        BareJid carol = JidCreate.bareFrom("carol@localhost");

        RosterPacket two = set(new RosterPacket.Item(bob, null), new RosterPacket.Item(carol, null));
        assertError(desk, two, StanzaError.Condition.bad_request);

        RosterPacket.Item longName = new RosterPacket.Item(bob, "x".repeat(RosterIqHandler.MAX_NAME_LENGTH + 1));
        assertError(desk, set(longName), StanzaError.Condition.not_acceptable);

        RosterPacket.Item emptyGroup = new RosterPacket.Item(bob, null);
        emptyGroup.addGroupName("");
        assertError(desk, set(emptyGroup), StanzaError.Condition.not_acceptable);

        RosterPacket.Item removeMissing = new RosterPacket.Item(carol, null);
        removeMissing.setItemType(RosterPacket.ItemType.remove);
        assertError(desk, set(removeMissing), StanzaError.Condition.item_not_found);

        RosterPacket othersRoster = new RosterPacket();
        othersRoster.setTo(JidCreate.bareFrom(newAccount("bob") + "@localhost"));
        assertError(desk, othersRoster, StanzaError.Condition.forbidden);

        assertEquals(0, get(desk, null).getRosterItemCount(), "nothing was stored");
        assertFalse(desk.roster().contains(bob));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static RosterPacket get(ImClient client, String version) throws Exception {
        return assertInstanceOf(RosterPacket.class, getRaw(client, version));
    }

    private static IQ getRaw(ImClient client, String version) throws Exception {
        RosterPacket request = new RosterPacket();
        request.setVersion(version);
        return client.connection().sendIqRequestAndWaitForResponse(request);
    }

    private static RosterPacket set(RosterPacket.Item... items) {
        RosterPacket request = new RosterPacket();
        request.setType(IQ.Type.set);
        for (RosterPacket.Item item : items) {
            request.addRosterItem(item);
        }
        return request;
    }

    private static void assertError(ImClient client, IQ request, StanzaError.Condition condition) {
        XMPPErrorException e = assertThrows(XMPPErrorException.class,
                () -> client.connection().sendIqRequestAndWaitForResponse(request));
        assertEquals(condition, e.getStanzaError().getCondition(), e.getStanzaError().toXML().toString());
    }

    /** Marks a result without payload (Smack's EmptyResultIQ). */
    private record EmptyResult(IQ iq) {
        static Object of(IQ iq) {
            return iq instanceof RosterPacket ? iq : new EmptyResult(iq);
        }
    }
}
