package org.xmppd.storage.ssdb;

import java.util.ArrayList;
import java.util.List;

import org.nutz.ssdb4j.spi.Cmd;

/**
 * Reads of ordered hash ranges. SSDB range commands take (start, end, limit) with the start
 * exclusive, the end inclusive and "" for unbounded; {@code hrscan} walks backwards from its
 * start. Replies are flat lists {@code [field, value, field, value, ...]}.
 */
final class HashEntries {
    private final SsdbClient ssdb;

    HashEntries(SsdbClient ssdb) {
        this.ssdb = ssdb;
    }

    /**
     * At most {@code limit} entries of {@code hash} after {@code start} up to {@code end}, in
     * field order, or in reverse order (from before {@code start} down to {@code end}) when
     * {@code backwards}.
     */
    List<Entry> scan(String action, String hash, boolean backwards, String start, String end, int limit) {
        List<byte[]> reply = ssdb.call(action, backwards ? Cmd.hrscan : Cmd.hscan, SsdbClient.bytes(hash),
                SsdbClient.bytes(start), SsdbClient.bytes(end), SsdbClient.bytes(Integer.toString(limit)));
        return entries(reply);
    }

    /** The entries of {@code hash} among {@code fields} (absent ones left out), in the order asked. */
    List<Entry> get(String action, String hash, List<String> fields) {
        if (fields.isEmpty()) {
            return List.of();
        }
        return entries(ssdb.call(action, Cmd.multi_hget, args(hash, fields)));
    }

    /** Deletes {@code fields} of {@code hash}; how many were there. */
    long delete(String action, String hash, List<String> fields) {
        if (fields.isEmpty()) {
            return 0;
        }
        return ssdb.callForLong(action, Cmd.multi_hdel, args(hash, fields));
    }

    /** Sets each field to its value ({@code multi_hset}: each pair is its own write, not atomic as a whole). */
    void set(String action, String hash, List<String> fields, List<byte[]> values) {
        byte[][] args = new byte[1 + 2 * fields.size()][];
        args[0] = SsdbClient.bytes(hash);
        for (int i = 0; i < fields.size(); i++) {
            args[1 + 2 * i] = SsdbClient.bytes(fields.get(i));
            args[2 + 2 * i] = values.get(i);
        }
        ssdb.call(action, Cmd.multi_hset, args);
    }

    private static byte[][] args(String hash, List<String> fields) {
        byte[][] args = new byte[1 + fields.size()][];
        args[0] = SsdbClient.bytes(hash);
        for (int i = 0; i < fields.size(); i++) {
            args[1 + i] = SsdbClient.bytes(fields.get(i));
        }
        return args;
    }

    private static List<Entry> entries(List<byte[]> reply) {
        List<Entry> entries = new ArrayList<>(reply.size() / 2);
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            entries.add(new Entry(SsdbClient.string(reply.get(i)), reply.get(i + 1)));
        }
        return entries;
    }

    /** One field of a hash with its value. */
    record Entry(String field, byte[] value) {
    }
}
