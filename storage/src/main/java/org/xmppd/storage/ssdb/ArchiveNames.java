package org.xmppd.storage.ssdb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.jxmpp.jid.EntityBareJid;

/**
 * Names of the SSDB hashes of the archive store (layout in {@code package-info}). SSDB refuses
 * names and fields over 255 bytes while a bare JID may be about 3 KB, so long JIDs are shortened
 * to a readable head plus a digest. The marker byte {@code 0x01} and the separator {@code ' '}
 * cannot occur in a JID (RFC 7622 forbids controls and spaces), so no two JIDs share a name.
 */
final class ArchiveNames {
    /** Archive JIDs up to this many bytes are used as they are. */
    private static final int MAX_PLAIN_ARCHIVE_BYTES = 120;
    /** The head kept of longer ones, so names still sort nearly in JID order. */
    private static final int ARCHIVE_HEAD_BYTES = 100;
    /** Peer JIDs in index names are shorter: both must fit next to the prefix. */
    private static final int MAX_PLAIN_WITH_BYTES = 60;
    private static final int DIGEST_BYTES = 16;
    static final char DIGEST_MARK = '\u0001';
    private static final char SEPARATOR = ' ';

    private final String prefix;

    /**
     * @param prefix {@code storage.ssdb.key_prefix}, at most 64 bytes
     */
    ArchiveNames(String prefix) {
        this.prefix = prefix;
    }

    /** The archive part of every name of {@code owner}'s archive. */
    String archiveId(EntityBareJid owner) {
        return archiveId(owner.toString());
    }

    /** The archive hash: field = id in hex, value = the {@link ArchiveRecords record}. */
    String archive(String archiveId) {
        return archivePrefix() + archiveId;
    }

    /** Every archive hash name lies after this (exclusive) ... */
    String archivePrefix() {
        return prefix + "a:";
    }

    /** ... and up to this (inclusive). */
    String archiveRangeEnd() {
        return prefix + "a;";
    }

    /** The archive id in an archive hash name. */
    String archiveIdOf(String archiveName) {
        return archiveName.substring(archivePrefix().length());
    }

    /** The {@code with} index of one peer: field = id, value = the peer's resource or "". */
    String with(String archiveId, String with) {
        return withRangeStart(archiveId) + withId(with);
    }

    /** Every {@code with} index of an archive lies after this (exclusive) and up to {@link #withRangeEnd}. */
    String withRangeStart(String archiveId) {
        return prefix + "w:" + archiveId + SEPARATOR;
    }

    String withRangeEnd(String archiveId) {
        return prefix + "w:" + archiveId + (char) (SEPARATOR + 1);
    }

    /** The origin-id index: field = {@link #originField}, value = "". */
    String origins(String archiveId) {
        return prefix + "o:" + archiveId;
    }

    /** Registry of shortened archive ids: field = the id, value = the full JID. */
    String shortenedJids() {
        return prefix + "j";
    }

    /**
     * The origin-index field: a fixed-length digest of (peer, origin id) then the message id, so
     * the newest message of one pair is the last field of its digest's range.
     */
    static String originField(String with, String originId, String idHex) {
        return originDigest(with, originId) + idHex;
    }

    /** The digest part of {@link #originField}; all fields of one pair start with it. */
    static String originDigest(String with, String originId) {
        return digest(with + '\u0000' + originId);
    }

    static boolean isShortened(String archiveId) {
        return archiveId.indexOf(DIGEST_MARK) >= 0;
    }

    static String archiveId(String jid) {
        byte[] utf8 = jid.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_PLAIN_ARCHIVE_BYTES) {
            return jid;
        }
        return head(jid, ARCHIVE_HEAD_BYTES) + DIGEST_MARK + digest(jid);
    }

    private static String withId(String with) {
        boolean plain = with.getBytes(StandardCharsets.UTF_8).length <= MAX_PLAIN_WITH_BYTES
                && with.chars().allMatch(c -> c > SEPARATOR);
        return plain ? with : DIGEST_MARK + digest(with);
    }

    /** The longest start of {@code text} within {@code maxBytes} UTF-8 bytes, never splitting a character. */
    private static String head(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, DIGEST_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
