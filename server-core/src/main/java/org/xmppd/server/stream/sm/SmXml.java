package org.xmppd.server.stream.sm;

import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.StreamErrorCondition;

/** The XEP-0198 nonzas the server reads and writes, in {@code urn:xmpp:sm:3}. */
public final class SmXml {
    public static final String NS = "urn:xmpp:sm:3";

    private SmXml() {
    }

    /** True for an element of this namespace (a nonza, never a stanza). */
    public static boolean isNonza(Element element) {
        return NS.equals(element.namespace());
    }

    /** The stream feature (§3). */
    public static Element feature() {
        return Element.of("sm", NS);
    }

    /** §3: {@code <enabled/>}, with an id and the resumption window when resumption is on. */
    public static Element enabled(String id, int maxSeconds) {
        Element.Builder enabled = Element.builder("enabled", NS);
        if (id != null) {
            enabled.attribute("id", id).attribute("resume", "true").attribute("max", Integer.toString(maxSeconds));
        }
        return enabled.build();
    }

    /** §4: the answer to {@code <r/>}. */
    public static Element ack(long h) {
        return Element.builder("a", NS).attribute("h", Long.toString(h)).build();
    }

    /** §4: asks the client how many stanzas it handled. */
    public static Element request() {
        return Element.of("r", NS);
    }

    /** §5: the session is back. */
    public static Element resumed(String previd, long h) {
        return Element.builder("resumed", NS).attribute("previd", previd).attribute("h", Long.toString(h)).build();
    }

    /**
     * §3, §5: {@code <failed/>} with a stanza error condition, and {@code h} when the server still
     * knows how many stanzas it handled from the previous session (negative: unknown).
     */
    public static Element failed(String condition, long h) {
        Element.Builder failed = Element.builder("failed", NS);
        if (h >= 0) {
            failed.attribute("h", Long.toString(h));
        }
        return failed.child(Element.of(condition, Namespaces.STANZA_ERRORS)).build();
    }

    /** §4: the stream error for an {@code h} above what was sent. */
    public static Element handledCountTooHigh(long h, long sent) {
        return Element.builder("error", Namespaces.STREAMS)
                .child(Element.of(StreamErrorCondition.UNDEFINED_CONDITION.elementName(), Namespaces.STREAM_ERRORS))
                .child(Element.builder("handled-count-too-high", NS)
                        .attribute("h", Long.toString(h)).attribute("send-count", Long.toString(sent)).build())
                .build();
    }

    /**
     * The {@code h} attribute of {@code <a/>} or {@code <resume/>}: an unsigned 32-bit integer.
     *
     * @return the value, or -1 when absent or not a number in range
     */
    public static long h(Element nonza) {
        String h = nonza.attributeOrNull("h");
        if (h == null) {
            return -1;
        }
        try {
            long value = Long.parseLong(h);
            return value >= 0 && value < UnackedQueue.MODULUS ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
