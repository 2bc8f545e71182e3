package org.xmppd.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * When an account's last resource went offline and the status text of its last unavailable
 * presence (XEP-0012 §4). Stores keep millisecond precision.
 *
 * @param when   when the last resource went offline
 * @param status the {@code <status/>} text; null when there was none
 */
public record LastActivity(Instant when, String status) {
    public LastActivity {
        Objects.requireNonNull(when, "when");
    }
}
