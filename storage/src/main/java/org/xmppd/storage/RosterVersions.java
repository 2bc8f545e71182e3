package org.xmppd.storage;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How backends number roster versions (XEP-0237): a counter, +1 on every modification, whose
 * first value is random. A roster deleted and created again thus starts somewhere else, and a
 * client's cached version of the old roster matches the new one only with negligible chance
 * (about n / 2<sup>52</sup> after n changes), without trusting a clock that may jump back.
 */
public final class RosterVersions {
    /**
     * Starts stay below 2<sup>52</sup>: Redis Lua scripts handle numbers as doubles, exact only
     * up to 2<sup>53</sup>, and the counter must still grow from there.
     */
    public static final long MAX_START = 1L << 52;

    private RosterVersions() {
    }

    /** A random first version in [1, {@link #MAX_START}). */
    public static long randomStart() {
        return ThreadLocalRandom.current().nextLong(1, MAX_START);
    }
}
