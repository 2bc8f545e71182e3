package org.xmppd.server.modules.mam;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.storage.ArchiveStore;

/**
 * Applies the archive limits (age and count per archive) in small steps, on a thread of its
 * own, so that neither logins nor message delivery wait for it.
 */
final class ArchiveRetention implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRetention.class);
    private static final int STEP = 1_000;

    private final ArchiveStore store;
    private final MamConfig config;
    private final Clock clock;

    ArchiveRetention(ArchiveStore store, MamConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            long removed = removeOld() + trimArchives();
            if (removed > 0) {
                LOG.info("archive retention removed {} messages", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("archive retention stopped early; it runs again later", e);
        }
    }

    private long removeOld() {
        if (config.maxAgeDays() == 0) {
            return 0;
        }
        java.time.Instant cutoff = clock.instant().minus(Duration.ofDays(config.maxAgeDays()));
        long total = 0;
        int removed;
        do {
            removed = store.removeOlderThan(cutoff, STEP);
            total += removed;
        } while (removed == STEP && !Thread.currentThread().isInterrupted());
        return total;
    }

    private long trimArchives() {
        if (config.maxMessagesPerArchive() == 0) {
            return 0;
        }
        long total = 0;
        EntityBareJid after = null;
        List<EntityBareJid> page;
        do {
            page = store.archives(after, STEP);
            for (EntityBareJid archive : page) {
                total += store.trim(archive, config.maxMessagesPerArchive());
            }
            after = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == STEP && !Thread.currentThread().isInterrupted());
        return total;
    }
}
