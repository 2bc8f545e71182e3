package org.xmppd.storage.ssdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.ArchivedMessage;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.ssdb.ArchiveRecords.IndexKeys;

/** The stored form of a message; needs no server. */
class ArchiveRecordsTest {
    private static final EntityBareJid OWNER = JidCreate.entityBareFromOrThrowUnchecked("alice@example.org");

    @Test
    void everyFieldComesBackExactly() {
        for (ArchivedMessage message : new ArchivedMessage[] {
            new ArchivedMessage(OWNER, 42, "bob@example.net", "phone ☎", true, "origin-1",
                    "<message><body>ünïcødé 🎉 \u0000\n</body></message>"),
            new ArchivedMessage(OWNER, 43, "bob@example.net", null, false, null, ""),
        }) {
            byte[] value = ArchiveRecords.encode(message);
            assertEquals(message, ArchiveRecords.decode(OWNER, message.id(), value));
            assertEquals(new IndexKeys(message.with(), message.withResource(), message.originId()),
                    ArchiveRecords.indexKeysOrNull(value));
        }
    }

    @Test
    void anUnreadableValueFailsNamingTheMessage() {
        StorageException e = assertThrows(StorageException.class,
                () -> ArchiveRecords.decode(OWNER, 7, new byte[] {9, 0}));
        assertEquals(true, e.getMessage().startsWith("Archived message 7 of alice@example.org is unreadable"),
                e.getMessage());
        assertNull(ArchiveRecords.indexKeysOrNull(new byte[] {1, 0, 0, 0, 0, 99}));
    }
}
