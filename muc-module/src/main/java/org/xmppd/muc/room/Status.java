package org.xmppd.muc.room;

/** XEP-0045 §15.6 status codes the engine reports. */
public final class Status {
    /** Any occupant may see real JIDs (non-anonymous room). */
    public static final int NON_ANONYMOUS = 100;
    /** Room configuration changed, other than privacy. */
    public static final int CONFIG_CHANGED = 104;
    /** The presence is the occupant's own. */
    public static final int SELF = 110;
    /** The room became non-anonymous. */
    public static final int NOW_NON_ANONYMOUS = 172;
    /** The room became semi-anonymous. */
    public static final int NOW_SEMI_ANONYMOUS = 173;
    /** The room was created by this join. */
    public static final int CREATED = 201;
    /** The service changed the nickname asked for. */
    public static final int NICK_MODIFIED = 210;
    /** Banned. */
    public static final int BANNED = 301;
    /** Nickname change. */
    public static final int NEW_NICK = 303;
    /** Kicked. */
    public static final int KICKED = 307;
    /** Removed because of an affiliation change. */
    public static final int AFFILIATION_CHANGE = 321;
    /** Removed because the room became members-only. */
    public static final int MEMBERS_ONLY = 322;
    /** Removed because the service shuts down. */
    public static final int SHUTDOWN = 332;
    /** Removed because of a technical problem (XEP-0045 1.32, used for dead sessions). */
    public static final int TECHNICAL = 333;

    private Status() {
    }
}
