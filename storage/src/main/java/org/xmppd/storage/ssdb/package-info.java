/**
 * The SSDB backend ({@code ssdb}): XEP-0313 message archives only, through ssdb4j's protocol code
 * over a pool of our own TCP_NODELAY connections ({@code storage.ssdb}: address, password, pool
 * size, timeout, key prefix). Naming it for another store is a config error at start.
 *
 * <h2>Layout</h2>
 * Every name starts with {@code storage.ssdb.key_prefix} ({@code xmppd:}), shown as {@code <p>}.
 * {@code <arc>} is the archive owner's bare JID; one over 120 bytes becomes its first 100 bytes,
 * byte 0x01 and a digest (SSDB refuses names over 255 bytes), registered in {@code <p>j}.
 * Ids are {@link org.xmppd.storage.ArchiveIds} in 16 hex digits, so field order is time order.
 * <table>
 * <caption>Hashes</caption>
 * <tr><th>name</th><th>field</th><th>value</th></tr>
 * <tr><td>{@code <p>a:<arc>}</td><td>id</td><td>the message: version, flags (outgoing, has
 *     resource, has origin id), peer JID, resource, origin id (4-byte length + UTF-8 each), then
 *     the stanza's UTF-8</td></tr>
 * <tr><td>{@code <p>w:<arc> <peer>}</td><td>id</td><td>the peer's resource or empty: the
 *     {@code with} filter ({@code <peer>} over 60 bytes becomes 0x01 and a digest)</td></tr>
 * <tr><td>{@code <p>o:<arc>}</td><td>digest(peer, origin id) + id</td><td>empty: the newest
 *     message of a (peer, origin id) pair is the last field of its digest's range</td></tr>
 * <tr><td>{@code <p>j}</td><td>shortened {@code <arc>}</td><td>the full JID</td></tr>
 * </table>
 *
 * <h2>Consistency without transactions</h2>
 * SSDB has no transaction across keys, so the archive hash is the truth: a message is written
 * there first and its index entries after; deletions remove it there first. Readers of an index
 * fetch the messages from the archive hash and skip entries whose message is gone or no longer
 * matches, so a crash between the two writes can only leave unused index entries (removed with
 * the archive). Storing an id again replaces the message; an index entry for its old peer is
 * left behind and skipped.
 *
 * <h2>Costs</h2>
 * A page is one {@code hscan}/{@code hrscan} of {@code max + 1} entries (with a peer: a scan of
 * the peer's index plus one {@code multi_hget}); the size of the archive does not matter.
 * Deleting an archive, trimming it and retention work in chunks of
 * {@value org.xmppd.storage.ssdb.ArchiveEraser#CHUNK} messages, since SSDB runs every write on one
 * thread; retention visits archives with {@code hlist}, resuming where the previous step stopped.
 *
 * <p>Failures: unreachable at start, {@code Storage.open} fails with
 * {@code SSDB at host:port is unreachable: ...}; lost while running, each call fails within the
 * timeout with a {@link org.xmppd.storage.StorageException} naming the address, and works again
 * once SSDB is back (a pooled connection that broke is replaced and the idempotent command sent
 * once more).
 */
package org.xmppd.storage.ssdb;
