package org.xmppd.server.stream.sm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jxmpp.jid.EntityBareJid;

/**
 * The resumable sessions by their XEP-0198 id, and the final {@code h} of recently ended ones so
 * that a late {@code <resume/>} learns which of its stanzas arrived ({@code <failed h=.../>}, §5).
 * Thread-safe.
 *
 * @param <S> the session type
 */
public final class Resumptions<S> {
    /** How many ended sessions' counts are remembered. */
    private static final int REMEMBERED = 10_000;

    private record Live<S>(EntityBareJid account, S session) {
    }

    private record Ended(EntityBareJid account, long h) {
    }

    private final ConcurrentMap<String, Live<S>> live = new ConcurrentHashMap<>();
    private final Map<String, Ended> ended = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ended> eldest) {
            return size() > REMEMBERED;
        }
    };

    public void register(String id, EntityBareJid account, S session) {
        live.put(id, new Live<>(account, session));
    }

    /**
     * The session {@code id} names, if {@code account} owns it: §5 requires the resuming entity to
     * be the one that enabled it, and a stranger learns nothing (item-not-found either way).
     */
    public S find(String id, EntityBareJid account) {
        Live<S> found = id == null ? null : live.get(id);
        return found != null && found.account().equals(account) ? found.session() : null;
    }

    /** The session ended for good after handling {@code h} stanzas. */
    public void ended(String id, EntityBareJid account, long h) {
        live.remove(id);
        synchronized (ended) {
            ended.put(id, new Ended(account, h));
        }
    }

    /** The final count of an ended session of {@code account}, if still remembered. */
    public OptionalLong finalCount(String id, EntityBareJid account) {
        synchronized (ended) {
            Ended e = id == null ? null : ended.get(id);
            return e != null && e.account().equals(account) ? OptionalLong.of(e.h()) : OptionalLong.empty();
        }
    }
}
