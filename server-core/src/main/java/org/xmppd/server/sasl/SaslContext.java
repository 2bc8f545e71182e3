package org.xmppd.server.sasl;

import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.DomainBareJid;

/**
 * What one stream knows when it offers SASL: the domain the client asked for (authzids are checked
 * against it), where credentials come from, whether TLS protects the stream, and which channel-binding
 * data the transport can give (empty without TLS, or when the certificate has no usable hash).
 */
public record SaslContext(DomainBareJid domain, CredentialLookup credentials, boolean secure,
                          List<ChannelBinding> channelBindings) {

    public SaslContext {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(credentials, "credentials");
        channelBindings = List.copyOf(channelBindings);
        if (!secure && !channelBindings.isEmpty()) {
            throw new IllegalArgumentException("channel bindings need a secure (TLS) transport");
        }
    }

    /** The binding data of {@code type}, or null when the transport does not offer it. */
    public ChannelBinding bindingOrNull(String type) {
        return channelBindings.stream().filter(b -> b.type().equals(type)).findFirst().orElse(null);
    }
}
