package org.xmppd.storage.ssdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.SsdbConfig;

/** SSDB names stay within 255 bytes and never collide; needs no server. */
class ArchiveNamesTest {
    private static final int SSDB_MAX_NAME_BYTES = 255;
    private final String longestPrefix = "p".repeat(SsdbConfig.MAX_KEY_PREFIX_BYTES);
    private final ArchiveNames names = new ArchiveNames(longestPrefix);

    @Test
    void shortJidsAreUsedAsTheyAre() {
        EntityBareJid alice = jid("alice@example.org");
        assertEquals(longestPrefix + "a:alice@example.org", names.archive(names.archiveId(alice)));
        assertEquals(longestPrefix + "w:alice@example.org bob@example.net",
                names.with(names.archiveId(alice), "bob@example.net"));
        assertEquals("alice@example.org", names.archiveIdOf(names.archive(names.archiveId(alice))));
        assertFalse(ArchiveNames.isShortened(names.archiveId(alice)));
    }

    @Test
    void longJidsFitAndStayApart() {
        String domain = "é".repeat(300) + ".example"; // two bytes per character
        EntityBareJid one = jid("x".repeat(1000) + "@" + domain);
        EntityBareJid other = jid("x".repeat(999) + "y@" + domain);
        String peer = "ü".repeat(500) + "@" + domain;
        for (EntityBareJid owner : new EntityBareJid[] {one, other}) {
            String id = names.archiveId(owner);
            assertTrue(ArchiveNames.isShortened(id));
            for (String name : new String[] {names.archive(id), names.origins(id), names.with(id, peer),
                    names.withRangeEnd(id)}) {
                assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= SSDB_MAX_NAME_BYTES, name);
            }
            assertTrue(id.startsWith("x".repeat(100)), "keeps a readable, ordered head");
        }
        assertNotEquals(names.archiveId(one), names.archiveId(other));
        assertNotEquals(names.with(names.archiveId(one), peer), names.with(names.archiveId(one), peer + "x"));
    }

    @Test
    void peersThatAreNotPlainJidsAreDigested() {
        // The space separates archive and peer in index names, so a peer holding one is digested.
        String archive = names.archiveId(jid("a@b.example"));
        String index = names.with(archive, "odd peer");
        assertEquals(names.withRangeStart(archive) + ArchiveNames.DIGEST_MARK, index.substring(0,
                names.withRangeStart(archive).length() + 1));
        assertFalse(index.endsWith("odd peer"), index);
    }

    @Test
    void originFieldsOfOnePairShareTheirStart() {
        String field = ArchiveNames.originField("bob@example.net", "o-1", "0000018c2a3b4c5d");
        assertTrue(field.startsWith(ArchiveNames.originDigest("bob@example.net", "o-1")));
        assertNotEquals(ArchiveNames.originDigest("bob@example.net", "o-1"),
                ArchiveNames.originDigest("bob@example.ne", "to-1"));
    }

    private static EntityBareJid jid(String text) {
        return JidCreate.entityBareFromOrThrowUnchecked(text);
    }
}
