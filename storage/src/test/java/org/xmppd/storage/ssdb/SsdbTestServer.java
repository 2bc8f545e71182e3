package org.xmppd.storage.ssdb;

import java.net.URI;
import java.util.UUID;

import org.xmppd.storage.SsdbConfig;

/**
 * The SSDB server tests use, from the environment: {@code SSDB_URL=ssdb://127.0.0.1:8888}. SSDB
 * is not packaged for Debian, so where nobody built one the SSDB tests are skipped, saying why.
 */
public final class SsdbTestServer {
    public static final String VARIABLE = "SSDB_URL";
    /** Why SSDB tests are skipped when no server is configured. */
    public static final String SKIPPED = "SSDB tests skipped: set SSDB_URL=ssdb://127.0.0.1:8888 to run them against a "
            + "running ssdb-server (SSDB is not packaged; build it from github.com/ideawu/ssdb)";

    private SsdbTestServer() {
    }

    /** The configured server, or null when {@code SSDB_URL} is unset. */
    public static URI urlOrNull() {
        String url = System.getenv(VARIABLE);
        return url == null || url.isBlank() ? null : URI.create(url.trim());
    }

    /** The configured server; only called by tests enabled when {@code SSDB_URL} is set. */
    public static URI url() {
        URI url = urlOrNull();
        if (url == null) {
            throw new IllegalStateException(SKIPPED);
        }
        return url;
    }

    /** Settings for {@code url} with a fresh key prefix, so test classes and runs never share names. */
    public static SsdbConfig config(URI url) {
        return new SsdbConfig(url.getHost(), url.getPort(), null, 4, 10_000,
                "xt" + UUID.randomUUID().toString().substring(0, 8) + ":");
    }
}
