package org.xmppd.server.net;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.xmppd.server.sasl.ChannelBinding;
import org.xmppd.server.tls.TlsConfig;
import org.xmppd.server.tls.TlsContext;
import org.xmppd.server.tls.TlsContextFactory;
import org.xmppd.server.tls.TlsSetupException;

/**
 * What the network layer needs for TLS: the context, the source of server engines (the context's,
 * or BoringSSL's for {@code tls.provider: openssl}), the protocol versions to allow and the
 * channel-binding data that goes with the server certificate.
 */
public record TlsSettings(SSLContext context, Supplier<SSLEngine> engines, List<String> protocols,
        List<ChannelBinding> channelBindings) {
    public TlsSettings {
        protocols = List.copyOf(protocols);
        channelBindings = List.copyOf(channelBindings);
    }

    /** Loads the configured certificate, or the self-signed one kept under {@code dataDir}. */
    public static TlsSettings create(TlsConfig config, Path dataDir, List<String> domains, SecureRandom random)
            throws TlsSetupException {
        TlsContext tls = new TlsContextFactory(Clock.systemUTC(), random).create(config, dataDir, domains);
        List<ChannelBinding> bindings = tls.tlsServerEndPoint()
                .map(hash -> List.of(ChannelBinding.tlsServerEndPoint(hash))).orElse(List.of());
        return new TlsSettings(tls.sslContext(), tls.engines(), List.of(tls.enabledProtocols()), bindings);
    }
}
