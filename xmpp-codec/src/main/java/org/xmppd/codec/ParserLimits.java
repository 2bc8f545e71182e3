package org.xmppd.codec;

/**
 * Limits enforced by {@link XmppStreamParser} (RFC 6120 §13.12: a server must bound the resources
 * one peer can consume).
 *
 * @param maxStanzaBytes the most input bytes one top-level element may take; the stream header and
 *     any run of input between two top-level elements are bounded by the same number
 * @param maxDepth the deepest element nesting allowed inside the stream; a stanza is at depth 1,
 *     its children at depth 2
 */
public record ParserLimits(int maxStanzaBytes, int maxDepth) {
    /** 256 KiB stanzas (above the 10,000 bytes RFC 6120 §13.12 asks servers to accept), depth 64. */
    public static final ParserLimits DEFAULT = new ParserLimits(262144, 64);

    public ParserLimits {
        if (maxStanzaBytes < 1) {
            throw new IllegalArgumentException("maxStanzaBytes must be positive: " + maxStanzaBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive: " + maxDepth);
        }
    }
}
