package org.xmppd.server.modules.mam;

import java.util.LinkedHashSet;
import java.util.Set;

import org.xmppd.codec.Element;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/**
 * A user's archiving preferences (XEP-0313 §6): a default policy and JIDs always or never
 * archived, which win over the default ({@code never} over {@code always}).
 *
 * @param defaultPolicy {@code always}, {@code never} or {@code roster}
 * @param always        bare JIDs (as strings) whose messages are always archived
 * @param never         bare JIDs whose messages are never archived
 */
record ArchivePrefs(String defaultPolicy, Set<String> always, Set<String> never) {
    static final Set<String> POLICIES = Set.of("always", "never", "roster");

    ArchivePrefs {
        if (!POLICIES.contains(defaultPolicy)) {
            throw new IllegalArgumentException("archiving policy must be always, never or roster: " + defaultPolicy);
        }
        always = Set.copyOf(always);
        never = Set.copyOf(never);
    }

    static ArchivePrefs withDefault(String policy) {
        return new ArchivePrefs(policy, Set.of(), Set.of());
    }

    /** The {@code <prefs/>} element, in {@code namespace}. */
    Element toXml(String namespace) {
        return Element.builder("prefs", namespace)
                .attribute("default", defaultPolicy)
                .child(jids("always", namespace, always))
                .child(jids("never", namespace, never))
                .build();
    }

    /** Reads a {@code <prefs/>} element sent by a client or stored earlier. */
    static ArchivePrefs fromXml(Element prefs) throws StanzaErrorException {
        String policy = prefs.attributeOrNull("default");
        if (policy == null || !POLICIES.contains(policy)) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                    "default must be always, never or roster");
        }
        return new ArchivePrefs(policy, jids(prefs, "always"), jids(prefs, "never"));
    }

    private static Element jids(String name, String namespace, Set<String> jids) {
        Element.Builder list = Element.builder(name, namespace);
        jids.stream().sorted().forEach(jid -> list.textChild("jid", namespace, jid));
        return list.build();
    }

    private static Set<String> jids(Element prefs, String name) throws StanzaErrorException {
        Set<String> result = new LinkedHashSet<>();
        Element list = prefs.childOrNull(name, prefs.namespace());
        if (list == null) {
            return result;
        }
        for (Element jid : list.elements()) {
            if (!jid.is("jid", prefs.namespace())) {
                continue;
            }
            result.add(MamJids.bare(jid.text()));
        }
        return result;
    }
}
