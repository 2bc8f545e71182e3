package org.xmppd.pubsub.xml;

import java.util.ArrayList;
import java.util.List;

/** The XEP-0060 §10 features this implementation offers, as disco#info features. */
public final class Features {
    private static final List<String> COMMON = List.of("access-authorize", "access-open", "access-presence",
            "access-roster", "access-whitelist", "config-node", "create-and-configure", "create-nodes", "delete-items",
            "delete-nodes", "instant-nodes", "item-ids", "last-published", "manage-affiliations",
            "manage-subscriptions", "member-affiliation", "modify-affiliations", "outcast-affiliation",
            "persistent-items", "presence-notifications", "publish", "publish-only-affiliation", "publish-options",
            "publisher-affiliation", "purge-nodes", "retract-items", "retrieve-affiliations", "retrieve-default", "retrieve-items",
            "retrieve-subscriptions", "subscribe", "subscription-notifications", "subscription-options");

    /** XEP-0163 §1: what makes a PEP service. */
    private static final List<String> PEP = List.of("auto-create", "auto-subscribe", "filtered-notifications");

    private Features() {
    }

    /** The features of a pubsub service. */
    public static List<String> service() {
        return namespaced(COMMON);
    }

    /** The features of an account's PEP service. */
    public static List<String> pep() {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(PEP);
        return namespaced(all);
    }

    private static List<String> namespaced(List<String> names) {
        List<String> features = new ArrayList<>();
        features.add(Ns.PUBSUB);
        names.forEach(name -> features.add(Ns.PUBSUB + "#" + name));
        return features;
    }
}
