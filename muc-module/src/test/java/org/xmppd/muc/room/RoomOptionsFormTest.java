package org.xmppd.muc.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.muc.options.StandardOptions;

/** The option classes' form fields, submissions and disco features, without a service. */
class RoomOptionsFormTest {
    private static final ServiceLimits LIMITS = new ServiceLimits(true, 10, 10, 100, 50);
    private final Room room = new Room(JidCreate.entityBareFromOrThrowUnchecked("r@conference.example.org"),
            RoomConfig.empty(), Instant.EPOCH, false);

    @Test
    void theFormShowsEveryOptionWithItsValue() {
        List<String> vars = StandardOptions.all(LIMITS).stream().flatMap(f -> f.onConfigForm(room).stream())
                .map(FormField::var).toList();
        assertTrue(vars.containsAll(List.of("muc#roomconfig_roomname", "muc#roomconfig_roomdesc",
                "muc#roomconfig_persistentroom", "muc#roomconfig_publicroom", "muc#roomconfig_membersonly",
                "muc#roomconfig_moderatedroom", "muc#roomconfig_passwordprotectedroom", "muc#roomconfig_roomsecret",
                "muc#roomconfig_whois", "muc#roomconfig_maxusers", "muc#maxhistoryfetch",
                "muc#roomconfig_changesubject", "muc#roomconfig_allowinvites", "muc#roomconfig_allowpm",
                "muc#roomconfig_presencebroadcast", "muc#roomconfig_roomowners", "muc#roomconfig_roomadmins")),
                vars.toString());
    }

    @Test
    void submissionsAreCheckedAndCapped() throws Exception {
        assertEquals(100, submit(Map.of("muc#roomconfig_maxusers", "5000")).get(RoomOptions.MAX_USERS));
        assertEquals(100, submit(Map.of("muc#roomconfig_maxusers", "0")).get(RoomOptions.MAX_USERS));
        assertEquals(0, submit(Map.of("muc#maxhistoryfetch", "0")).get(RoomOptions.HISTORY_LENGTH));
        assertRefused(Map.of("muc#roomconfig_maxusers", "many"));
        assertRefused(Map.of("muc#roomconfig_whois", "everybody"));
        assertRefused(Map.of("muc#roomconfig_passwordprotectedroom", "1"));
        assertRefused(Map.of("muc#roomconfig_presencebroadcast", "none"));
        RoomConfig secret = submit(Map.of("muc#roomconfig_roomsecret", "pw"));
        assertTrue(secret.get(RoomOptions.PASSWORD_PROTECTED), "a password alone protects the room");
    }

    @Test
    void discoNamesEachStateAndTheRoomInfo() {
        RoomInfo info = new RoomInfo("", new java.util.TreeSet<>(), List.of());
        for (RoomFeature feature : StandardOptions.all(LIMITS)) {
            info = feature.onDiscoInfo(room, info);
        }
        assertTrue(info.features().containsAll(List.of("http://jabber.org/protocol/muc", "muc_open", "muc_public",
                "muc_temporary", "muc_unmoderated", "muc_unsecured", "muc_semianonymous", "urn:xmpp:occupant-id:0",
                "jabber:iq:register", "http://jabber.org/protocol/muc#request")), info.features().toString());
        assertEquals("r", info.name());
        assertTrue(info.fields().stream().anyMatch(f -> f.var().equals("muc#roominfo_occupants")));
    }

    private RoomConfig submit(Map<String, String> fields) throws StanzaErrorException {
        SubmittedForm form = new SubmittedForm(fields.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        ConfigChange change = new ConfigChange(room.config(), Map.of());
        for (RoomFeature feature : StandardOptions.all(LIMITS)) {
            change = feature.onConfigSubmit(room, form, change);
        }
        return change.config();
    }

    private void assertRefused(Map<String, String> fields) {
        StanzaErrorException error = assertThrows(StanzaErrorException.class, () -> submit(fields));
        assertEquals(StanzaErrorCondition.NOT_ACCEPTABLE, error.condition());
    }
}
