package org.xmppd.muc.room;

import java.util.List;

/**
 * The options the engine itself reads (who gets which role, what is kept, who may do what). Their
 * form fields and disco features live in the option classes of {@code org.xmppd.muc.options};
 * options only those classes read are declared there.
 */
public final class RoomOptions {
    /** XEP-0045 §10.2 {@code muc#roomconfig_roomname}. */
    public static final RoomOption<String> NAME = RoomOption.text("muc#roomconfig_roomname", "");
    /** Kept when empty, stored (§10.2 {@code muc#roomconfig_persistentroom}). */
    public static final RoomOption<Boolean> PERSISTENT = RoomOption.flag("muc#roomconfig_persistentroom", false);
    /** Listed in the service's disco#items (§10.2 {@code muc#roomconfig_publicroom}). */
    public static final RoomOption<Boolean> PUBLIC = RoomOption.flag("muc#roomconfig_publicroom", true);
    /** Only members enter (§10.2 {@code muc#roomconfig_membersonly}). */
    public static final RoomOption<Boolean> MEMBERS_ONLY = RoomOption.flag("muc#roomconfig_membersonly", false);
    /** Unaffiliated occupants enter as visitors (§10.2 {@code muc#roomconfig_moderatedroom}). */
    public static final RoomOption<Boolean> MODERATED = RoomOption.flag("muc#roomconfig_moderatedroom", false);
    /** Entering needs {@link #PASSWORD} (§10.2 {@code muc#roomconfig_passwordprotectedroom}). */
    public static final RoomOption<Boolean> PASSWORD_PROTECTED = RoomOption.flag(
            "muc#roomconfig_passwordprotectedroom", false);
    /** The password (§10.2 {@code muc#roomconfig_roomsecret}); invitations carry it (§7.8.2). */
    public static final RoomOption<String> PASSWORD = RoomOption.text("muc#roomconfig_roomsecret", "");
    /** Who sees real JIDs: {@code moderators} (semi-anonymous) or {@code anyone} (§10.2 {@code muc#roomconfig_whois}). */
    public static final RoomOption<String> WHOIS = RoomOption.text("muc#roomconfig_whois", "moderators");
    /** Who may send private messages: anyone, participants, moderators, none (XEP-0045 1.32 {@code muc#roomconfig_allowpm}). */
    public static final RoomOption<String> ALLOW_PM = RoomOption.text("muc#roomconfig_allowpm", "anyone");
    /** Participants may change the subject (§10.2 {@code muc#roomconfig_changesubject}). */
    public static final RoomOption<Boolean> CHANGE_SUBJECT = RoomOption.flag("muc#roomconfig_changesubject", false);
    /** Occupants may invite others into a members-only room (§10.2 {@code muc#roomconfig_allowinvites}). */
    public static final RoomOption<Boolean> ALLOW_INVITES = RoomOption.flag("muc#roomconfig_allowinvites", false);
    /** Messages kept and sent to joining users (§15.5.3 {@code muc#maxhistoryfetch}). */
    public static final RoomOption<Integer> HISTORY_LENGTH = RoomOption.number("muc#maxhistoryfetch", 20);
    /** Group messages are kept in the room's XEP-0313 archive (Prosody's {@code muc#roomconfig_enablearchiving}). */
    public static final RoomOption<Boolean> ARCHIVING = RoomOption.flag("muc#roomconfig_enablearchiving", true);
    /** Highest number of occupants, 0 for none (§10.2 {@code muc#roomconfig_maxusers}). */
    public static final RoomOption<Integer> MAX_USERS = RoomOption.number("muc#roomconfig_maxusers", 0);
    /** Roles whose presence is broadcast (§10.2 {@code muc#roomconfig_presencebroadcast}). */
    public static final RoomOption<List<String>> PRESENCE_BROADCAST = RoomOption.tokens(
            "muc#roomconfig_presencebroadcast", List.of("moderator", "participant", "visitor"));
    /** Visitors may ask for voice (§8.6; ejabberd's {@code muc#roomconfig_allowvoicerequests}). */
    public static final RoomOption<Boolean> VOICE_REQUESTS = RoomOption.flag("muc#roomconfig_allowvoicerequests",
            true);
    /** Users may register with the room and become members (§7.10; Openfire's field name). */
    public static final RoomOption<Boolean> REGISTRATION = RoomOption.flag("x-muc#roomconfig_registration", true);
    /** Occupants may change nickname (§7.6; Openfire's field name). */
    public static final RoomOption<Boolean> CAN_CHANGE_NICK = RoomOption.flag("x-muc#roomconfig_canchangenick",
            true);

    private RoomOptions() {
    }

    /** True when any occupant sees real JIDs (§4.1 non-anonymous room). */
    public static boolean nonAnonymous(RoomConfig config) {
        return "anyone".equals(config.get(WHOIS));
    }
}
