package org.xmppd.server.stream;

import java.util.List;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.XmlWriter;
import org.xmppd.server.sasl.ChannelBinding;

/** The {@code <stream:features/>} a client sees at each step (RFC 6120 §4.3.2). */
final class StreamFeatures {
    static final String SASL_CB = "urn:xmpp:sasl-cb:0";

    private StreamFeatures() {
    }

    /**
     * Before authentication: STARTTLS (marked required when it is) and, unless TLS must come
     * first, the SASL mechanisms and the {@code extra} features of pre-authentication IQs
     * (XEP-0077 registration).
     */
    static String beforeAuth(boolean tlsRequired, boolean canStartTls, List<String> mechanisms,
            List<ChannelBinding> bindings, List<Element> extra) {
        Element.Builder features = Element.builder("features", Namespaces.STREAMS);
        if (canStartTls) {
            Element.Builder starttls = Element.builder("starttls", Namespaces.TLS);
            if (tlsRequired) {
                starttls.child(Element.of("required", Namespaces.TLS));
            }
            features.child(starttls.build());
        }
        if (!tlsRequired && !mechanisms.isEmpty()) {
            Element.Builder list = Element.builder("mechanisms", Namespaces.SASL);
            mechanisms.forEach(name -> list.textChild("mechanism", Namespaces.SASL, name));
            features.child(list.build());
            if (!bindings.isEmpty()) {
                // XEP-0440: say which channel binding -PLUS uses, so clients do not guess another.
                Element.Builder types = Element.builder("sasl-channel-binding", SASL_CB);
                bindings.forEach(b -> types.child(Element.builder("channel-binding", SASL_CB)
                        .attribute("type", b.type()).build()));
                features.child(types.build());
            }
        }
        if (!tlsRequired) {
            extra.forEach(features::child);
        }
        return XmlWriter.toStreamXml(features.build(), Namespaces.CLIENT);
    }

    /**
     * After SASL: resource binding (RFC 6120 §7), the optional legacy session and what modules
     * add (e.g. the server's entity capabilities, XEP-0115 §6.3).
     */
    static String afterAuth(List<Element> extra) {
        Element.Builder features = Element.builder("features", Namespaces.STREAMS)
                .child(Element.of("bind", Namespaces.BIND))
                // draft-cridland-xmpp-session-01: old clients may still ask for a session.
                .child(Element.builder("session", Namespaces.SESSION)
                        .child(Element.of("optional", Namespaces.SESSION)).build());
        extra.forEach(features::child);
        return XmlWriter.toStreamXml(features.build(), Namespaces.CLIENT);
    }
}
