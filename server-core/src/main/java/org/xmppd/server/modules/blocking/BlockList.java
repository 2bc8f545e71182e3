package org.xmppd.server.modules.blocking;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jxmpp.jid.Jid;

/**
 * One account's blocked JIDs, immutable, with the matching of XEP-0191 §3 (as XEP-0016 §2.1):
 * {@code user@domain/resource} matches only that resource, {@code user@domain} any of its
 * resources, {@code domain/resource} only that resource of the domain itself, and {@code domain}
 * the domain, every address at it and every address at its subdomains.
 */
record BlockList(SortedSet<String> jids) {
    static final BlockList EMPTY = new BlockList(new TreeSet<>());

    BlockList {
        jids = Collections.unmodifiableSortedSet(new TreeSet<>(jids));
    }

    boolean isEmpty() {
        return jids.isEmpty();
    }

    /** Whether stanzas from or to {@code jid} are blocked. */
    boolean blocks(Jid jid) {
        if (jids.isEmpty() || jid == null) {
            return false;
        }
        if (jids.contains(jid.toString()) || jids.contains(jid.asBareJid().toString())) {
            return true;
        }
        // A domain/resource item matches only that very JID, checked above.
        return blocksDomain(jid.getDomain().toString());
    }

    /** The domain itself or a parent domain is blocked. */
    private boolean blocksDomain(String domain) {
        String candidate = domain;
        while (true) {
            if (jids.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    /** Whether an item of this list matches {@code jid}: for finding the contacts a block affects. */
    static boolean itemMatches(String item, Jid jid) {
        return new BlockList(new TreeSet<>(java.util.Set.of(item))).blocks(jid);
    }
}
