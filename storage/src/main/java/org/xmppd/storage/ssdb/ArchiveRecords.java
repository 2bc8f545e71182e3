package org.xmppd.storage.ssdb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.ArchivedMessage;
import org.xmppd.storage.StorageException;

/**
 * The value stored per message in an archive hash: a version byte, a flags byte (outgoing,
 * resource present, origin id present), the peer JID, resource and origin id each as a 4-byte
 * length and UTF-8, then the stanza's UTF-8 up to the end. Binary and compact; the archive owner
 * and the id are the hash name and the field, so they are not repeated.
 */
final class ArchiveRecords {
    private static final byte VERSION = 1;
    private static final int OUTGOING = 1;
    private static final int HAS_RESOURCE = 2;
    private static final int HAS_ORIGIN = 4;

    private ArchiveRecords() {
    }

    static byte[] encode(ArchivedMessage message) {
        byte[] with = utf8(message.with());
        byte[] resource = utf8(message.withResource());
        byte[] origin = utf8(message.originId());
        byte[] stanza = utf8(message.stanzaXml());
        int flags = (message.outgoing() ? OUTGOING : 0) | (resource != null ? HAS_RESOURCE : 0)
                | (origin != null ? HAS_ORIGIN : 0);
        ByteBuffer out = ByteBuffer.allocate(2 + field(with) + field(resource) + field(origin) + stanza.length);
        out.put(VERSION).put((byte) flags);
        put(out, with);
        put(out, resource);
        put(out, origin);
        return out.put(stanza).array();
    }

    /**
     * @throws StorageException when the value was not written by {@link #encode}
     */
    static ArchivedMessage decode(EntityBareJid archive, long id, byte[] value) {
        try {
            ByteBuffer in = ByteBuffer.wrap(value);
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown record version " + version);
            }
            int flags = in.get();
            String with = text(in);
            String resource = (flags & HAS_RESOURCE) != 0 ? text(in) : null;
            String origin = (flags & HAS_ORIGIN) != 0 ? text(in) : null;
            String stanza = new String(value, in.position(), in.remaining(), StandardCharsets.UTF_8);
            return new ArchivedMessage(archive, id, with, resource, (flags & OUTGOING) != 0, origin, stanza);
        } catch (RuntimeException e) {
            throw new StorageException("Archived message " + id + " of " + archive + " is unreadable: " + e, e);
        }
    }

    /**
     * What the indexes need of a record, without decoding the stanza; null when the value is
     * unreadable (its index entries, if any, are then left for readers to skip).
     */
    static IndexKeys indexKeysOrNull(byte[] value) {
        try {
            ByteBuffer in = ByteBuffer.wrap(value);
            if (in.get() != VERSION) {
                return null;
            }
            int flags = in.get();
            String with = text(in);
            String resource = (flags & HAS_RESOURCE) != 0 ? text(in) : null;
            return new IndexKeys(with, resource, (flags & HAS_ORIGIN) != 0 ? text(in) : null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The fields of a record that index entries are made of.
     *
     * @param with     the peer's bare JID
     * @param resource the peer's resource, or null
     * @param originId the origin id, or null
     */
    record IndexKeys(String with, String resource, String originId) {
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static int field(byte[] data) {
        return data == null ? 0 : Integer.BYTES + data.length;
    }

    private static void put(ByteBuffer out, byte[] data) {
        if (data != null) {
            out.putInt(data.length).put(data);
        }
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
