package org.xmppd.muc.room;

import java.util.Set;

/**
 * What a presence to an occupant JID brings besides the presence itself (XEP-0045 §7.2):
 * whether it carried the MUC {@code <x/>} (a join, also a re-join by a session already in, not a
 * mere presence update), the password and the history wanted, and status codes the service adds
 * to the self-presence (210 when it changed the nickname asked for, §7.2.11).
 */
public record JoinRequest(boolean join, String password, HistoryRequest history, Set<Integer> extraCodes) {
    public JoinRequest {
        history = history == null ? HistoryRequest.unlimited() : history;
        extraCodes = Set.copyOf(extraCodes);
    }

    /** A join without password, history limits or extra codes. */
    public static JoinRequest plain() {
        return new JoinRequest(true, null, null, Set.of());
    }
}
