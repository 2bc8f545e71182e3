package org.xmppd.server.modules.push;

/**
 * Settings of the push module, {@code module_options.push}. What a notification reveals passes
 * through the app server of the client's vendor, so both the body and the sender are left out
 * unless the admin opts in (XEP-0357 §Security; Prosody and ejabberd default to the same).
 *
 * @param includeBody      put the message body in {@code last-message-body}
 * @param includeSender    put the sender's JID in {@code last-message-sender}
 * @param maxRegistrations app servers (JID and node) one account may enable; enabling one more
 *                         drops the oldest (an app reinstalled many times leaves stale ones). At least 1
 */
public record PushConfig(boolean includeBody, boolean includeSender, int maxRegistrations) {
    public static final int DEFAULT_MAX_REGISTRATIONS = 10;

    public PushConfig {
        if (maxRegistrations < 1) {
            throw new IllegalArgumentException("max_registrations: must be at least 1 (was " + maxRegistrations + ")");
        }
    }

    public static PushConfig defaults() {
        return new PushConfig(false, false, DEFAULT_MAX_REGISTRATIONS);
    }
}
