package org.xmppd.storage.ssdb;

import java.util.List;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.ArchiveStore;

/** Deletes every archive under a test's key prefix, so test runs leave no data in the shared SSDB. */
final class SsdbArchiveCleanup {
    private SsdbArchiveCleanup() {
    }

    static void deleteAll(ArchiveStore archives) {
        List<EntityBareJid> page = archives.archives(null, 100);
        while (!page.isEmpty()) {
            page.forEach(archives::deleteArchive);
            page = archives.archives(null, 100);
        }
    }
}
