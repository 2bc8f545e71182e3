package org.xmppd.server.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * Server engines of BoringSSL through netty-tcnative ({@code tls.provider: openssl}). They are
 * plain {@link SSLEngine}s (MINA drives them like the JDK's); each frees its native state when
 * both directions are closed. Unlike Conscrypt's they need no file descriptor of their own.
 */
final class OpenSslEngines {
    private OpenSslEngines() {
    }

    static Supplier<SSLEngine> of(KeyMaterial keys, List<String> protocols) throws SSLException {
        SslContext context = SslContextBuilder
                .forServer(keys.privateKey(), keys.chain().toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.OPENSSL)
                .protocols(protocols)
                .build();
        return () -> context.newEngine(ByteBufAllocator.DEFAULT);
    }
}
