/**
 * XEP-0402 PEP Native Bookmarks with {@code urn:xmpp:bookmarks:1#compat}: bookmarks written
 * through XEP-0049 private XML storage (XEP-0048 {@code storage:bookmarks}) and through the
 * {@code urn:xmpp:bookmarks:1} PEP node are kept the same, so old and new clients of one account
 * see each other's bookmarks.
 */
package org.xmppd.pubsub.bookmarks;
