package org.xmppd.codec;

/**
 * Receives the events of one XML stream from {@link XmppStreamParser}, on the thread that fed the
 * bytes. Throwing a {@link StreamErrorException} stops the parser; the exception reaches the
 * caller of {@code feed}.
 */
public interface StreamHandler {
    /** The peer's {@code <stream:stream>} start tag (RFC 6120 §4.7). */
    void streamOpened(StreamOpen open) throws StreamErrorException;

    /** A complete child of the stream (a stanza, {@code <starttls/>}, {@code <auth/>}...), namespaces resolved. */
    void element(Element element) throws StreamErrorException;

    /** The peer's {@code </stream:stream>} (RFC 6120 §4.4). */
    void streamClosed() throws StreamErrorException;
}
