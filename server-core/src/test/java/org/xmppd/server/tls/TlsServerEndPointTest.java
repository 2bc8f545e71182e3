package org.xmppd.server.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 5929 §4.1: the hash follows the certificate's signature hash, with MD5/SHA-1 raised to SHA-256. */
class TlsServerEndPointTest {

    @TempDir
    Path dataDir;

    @Test
    void sha256SignatureUsesSha256() throws Exception {
        TlsContext tls = new TlsContextFactory(Clock.systemUTC(), new SecureRandom())
                .create(TlsConfig.defaults(), dataDir, List.of("example.org"));
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(tls.certificate().getEncoded());
        assertArrayEquals(expected, tls.tlsServerEndPoint().orElseThrow());
    }

    @Test
    void sha1SignatureIsRaisedToSha256() throws Exception {
        X509Certificate certificate = signed("SHA1withRSA", TestCertificates.rsa());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()),
                TlsServerEndPoint.of(certificate).orElseThrow());
    }

    @Test
    void sha384SignatureUsesSha384() throws Exception {
        X509Certificate certificate = signed("SHA384withECDSA", TestCertificates.ec());
        assertArrayEquals(MessageDigest.getInstance("SHA-384").digest(certificate.getEncoded()),
                TlsServerEndPoint.of(certificate).orElseThrow());
    }

    @Test
    void ed25519HasNoDefinedBinding() throws Exception {
        KeyPair keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertTrue(TlsServerEndPoint.of(signed("Ed25519", keys)).isEmpty());
    }

    private static X509Certificate signed(String algorithm, KeyPair keys) throws Exception {
        return TestCertificates.certificate("example.org", keys.getPublic(), "example.org", keys.getPrivate(),
                algorithm, false);
    }
}
