package org.xmppd.server.tls;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Builds the server's {@link TlsContext} from the {@code tls} config section; the composition root's entry point. */
public final class TlsContextFactory {

    private final CertificateProvider certificates;
    private final SecureRandom random;

    public TlsContextFactory(Clock clock, SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        this.certificates = new CertificateProvider(clock, random);
    }

    /**
     * Loads the configured certificate, or reuses/generates the self-signed one, and builds the context.
     *
     * @param dataDir the server's data directory; the self-signed files live in its {@code tls/}
     * @param domains the served domains (SANs of the self-signed certificate)
     * @throws TlsSetupException naming the file that is missing, unreadable or does not match
     */
    public TlsContext create(TlsConfig config, Path dataDir, List<String> domains) throws TlsSetupException {
        return TlsContext.create(certificates.provide(config, dataDir, domains), config.protocols(),
                config.provider(), random);
    }
}
