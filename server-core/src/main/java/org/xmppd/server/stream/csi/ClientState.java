package org.xmppd.server.stream.csi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;

/**
 * XEP-0352 state of one session. While the client says it is inactive, presence broadcasts
 * (available and unavailable) addressed to it are held, only the latest per sender kept, since an
 * older one is outdated by a newer one (§6 leaves the optimisation to the server); messages, IQs
 * and subscription requests still flow. On {@code <active/>} the held presences are released, in
 * the order their latest version arrived. Thread-safe.
 */
public final class ClientState {
    public static final String NS = "urn:xmpp:csi:0";

    private final Map<String, Element> held = new LinkedHashMap<>();
    private boolean inactive;

    /** True for {@code <active/>} or {@code <inactive/>} of this XEP. */
    public static boolean isNonza(Element element) {
        return NS.equals(element.namespace());
    }

    /** The stream feature (§4). */
    public static Element feature() {
        return Element.of("csi", NS);
    }

    public synchronized void inactive() {
        inactive = true;
    }

    /** The client is active again: returns what was held, to send now. */
    public synchronized List<Element> active() {
        inactive = false;
        List<Element> release = new ArrayList<>(held.values());
        held.clear();
        return release;
    }

    /** True when {@code stanza} was held instead of sent now. */
    public synchronized boolean hold(Element stanza) {
        if (!inactive || !isBroadcastPresence(stanza)) {
            return false;
        }
        String from = stanza.attributeOrNull("from");
        held.remove(from); // re-inserted last: a sender's latest presence takes its place in line
        held.put(from, stanza);
        return true;
    }

    public synchronized boolean isInactive() {
        return inactive;
    }

    private static boolean isBroadcastPresence(Element stanza) {
        if (!stanza.is("presence", Namespaces.CLIENT) || stanza.attributeOrNull("from") == null) {
            return false;
        }
        String type = stanza.attributeOrNull("type");
        return type == null || type.equals("unavailable");
    }
}
