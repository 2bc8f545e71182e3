package org.xmppd.server.tls;

import io.netty.handler.ssl.OpenSsl;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import javax.net.ssl.SSLContext;

import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The TLS implementations {@code tls.provider} names. */
final class TlsProviders {
    private static final Logger LOG = LoggerFactory.getLogger(TlsProviders.class);

    private TlsProviders() {
    }

    /**
     * True when {@code name} is {@code openssl} and netty-tcnative's BoringSSL loads here (it ships
     * for Linux and macOS on x86-64 and arm64, and Windows on x86-64); otherwise the JDK's TLS
     * serves, with a warning.
     */
    static boolean isOpenSsl(String name) {
        if (!name.equals("openssl")) {
            return false;
        }
        if (OpenSsl.isAvailable()) {
            return true;
        }
        LOG.warn("tls.provider: openssl cannot load its native library here ({}); using the JDK's TLS",
                String.valueOf(OpenSsl.unavailabilityCause()));
        return false;
    }

    /**
     * The JSSE provider for {@code name}: Conscrypt's for {@code conscrypt} where its native library
     * loads (Linux x86-64 and arm64, Windows x86-64), otherwise the JDK's (with a warning if
     * Conscrypt was asked for).
     */
    static Provider jsse(String name) {
        if (name.equals("conscrypt")) {
            try {
                Conscrypt.checkAvailability();
                return Conscrypt.newProvider();
            } catch (LinkageError | RuntimeException e) {
                LOG.warn("tls.provider: conscrypt cannot load its native library here ({}); using the JDK's TLS", e.toString());
            }
        }
        try {
            return SSLContext.getInstance("TLS").getProvider();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no TLS provider", e);
        }
    }
}
