package org.xmppd.storage;

import java.util.List;

/**
 * One page of an archive query.
 *
 * @param messages oldest first
 * @param complete true when no message matching the query lies beyond this page in the paging
 *                 direction (XEP-0313 {@code complete})
 */
public record ArchivePage(List<ArchivedMessage> messages, boolean complete) {
    public ArchivePage {
        messages = List.copyOf(messages);
    }
}
