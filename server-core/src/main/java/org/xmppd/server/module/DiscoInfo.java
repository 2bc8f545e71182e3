package org.xmppd.server.module;

import java.util.List;
import java.util.SortedSet;

/** XEP-0030 identities and features of one entity. */
public record DiscoInfo(List<Identity> identities, SortedSet<String> features) {
    public DiscoInfo {
        identities = List.copyOf(identities);
        features = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(features));
    }
}
