/**
 * The Redis backend ({@code redis}): rosters and presence, reached through a pooled Jedis client
 * ({@code storage.redis}: pool size and connect/read/borrow timeout from config). It holds only
 * those two stores; naming it for another store is a config error at start.
 *
 * <h2>Key layout</h2>
 * Every key starts with {@code storage.redis.key_prefix} ({@code xmppd:} by default), shown as
 * {@code <p>}; {@code <bare>} is an account's bare JID and {@code <full>} a full JID, in jxmpp's
 * normalized string form.
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>type</th><th>content</th></tr>
 * <tr><td>{@code <p>roster:<bare>}</td><td>hash</td><td>field: contact bare JID; value: the item as
 *     JSON {@code {"n":name,"s":"none|to|from|both","a":askOut,"p":pendingIn,"ap":approved,"g":[groups]}},
 *     absent/false/empty members left out</td></tr>
 * <tr><td>{@code <p>rosterver:<bare>}</td><td>string</td><td>the roster version (XEP-0237), an
 *     integer: a random start below 2<sup>52</sup>, +1 on every change; missing means {@code "0"}</td></tr>
 * <tr><td>{@code <p>pending:<bare>}</td><td>hash</td><td>field: contact bare JID; value: the inbound
 *     subscription request stanza (RFC 6121 §3.1.3)</td></tr>
 * <tr><td>{@code <p>presence:<bare>}</td><td>hash</td><td>field: resourcepart; value:
 *     {@code <nodeId>|<presence stanza>}</td></tr>
 * <tr><td>{@code <p>node:<nodeId>}</td><td>set</td><td>full JIDs with a session on that node, for
 *     clearing a restarted node; may hold leftovers, which are harmless</td></tr>
 * <tr><td>{@code <p>last:<bare>}</td><td>string</td><td>XEP-0012 last activity:
 *     {@code <epoch ms>} or {@code <epoch ms>|<status>}</td></tr>
 * </table>
 *
 * <p>A roster write changes the item and the version in one Lua script, so they stay consistent;
 * a roster read fetches both in one script. Scripts declare every key they touch. Keys carry no
 * expiry: whether rosters survive a Redis restart is Redis's persistence setting (RDB/AOF).
 *
 * <p>Failures: unreachable at start, {@code Storage.open} fails with
 * {@code Redis at host:port is unreachable: ...}; lost while running, each call fails within the
 * timeout with a {@link org.xmppd.storage.StorageException} naming the address, and calls work
 * again as soon as Redis is back (pooled connections are checked on borrow).
 */
package org.xmppd.storage.redis;
