package org.xmppd.server.stream;

import java.net.InetSocketAddress;
import java.util.List;
import org.jxmpp.jid.DomainBareJid;
import org.xmppd.codec.Element;

/**
 * IQs a client may send before it authenticates, such as XEP-0077 account creation (ejabberd's
 * {@code c2s_unauthenticated_iq} hook). The stream offers {@link #features()} and hands over what
 * {@link #handles} accepts only once TLS is in place where it is required (RFC 6120 §5.3.1);
 * everything else before authentication still ends the stream.
 */
public interface PreAuthHandler {
    /** No pre-authentication IQs: the stream behaves as RFC 6120 alone says. */
    PreAuthHandler NONE = new PreAuthHandler() {
        @Override
        public List<Element> features() {
            return List.of();
        }

        @Override
        public boolean handles(Element element) {
            return false;
        }

        @Override
        public Element answer(Element iq, DomainBareJid domain, InetSocketAddress remote) {
            throw new IllegalStateException("handles nothing");
        }
    };

    /** Extra children of the pre-authentication {@code <stream:features/>}. */
    List<Element> features();

    /** Whether {@code element}, sent before authentication, is an IQ this handler answers. */
    boolean handles(Element element);

    /**
     * The reply to {@code iq}. Runs on the stream's ordered worker, so it may block on storage.
     *
     * @param domain the domain the client opened its stream to
     * @param remote the client's address, or null when the transport does not know it
     */
    Element answer(Element iq, DomainBareJid domain, InetSocketAddress remote);
}
