package org.xmppd.server.net;

import java.util.List;
import javax.net.ssl.SSLContext;
import org.xmppd.server.sasl.ChannelBinding;

/**
 * What the network layer needs for TLS: the context, the protocol versions to allow and the
 * channel-binding data that goes with the server certificate.
 */
public record TlsSettings(SSLContext context, List<String> protocols, List<ChannelBinding> channelBindings) {
    public TlsSettings {
        protocols = List.copyOf(protocols);
        channelBindings = List.copyOf(channelBindings);
    }
}
