package org.xmppd.server.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateProviderTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private final SecureRandom random = new SecureRandom();

    private KeyMaterial selfSigned(Instant at, List<String> domains) throws Exception {
        return new CertificateProvider(Clock.fixed(at, ZoneOffset.UTC), random)
                .provide(TlsConfig.defaults(), dataDir, domains);
    }

    @Test
    void generatesSelfSignedCertificateForAllDomains() throws Exception {
        KeyMaterial material = selfSigned(NOW, List.of("example.org", "chat.example.net"));
        X509Certificate leaf = material.leaf();

        assertEquals(Set.of("example.org", "chat.example.net"), SelfSignedCertificates.dnsNames(leaf));
        assertEquals("EC", leaf.getPublicKey().getAlgorithm());
        leaf.checkValidity(Date.from(NOW));
        leaf.checkValidity(Date.from(NOW.plus(Duration.ofDays(3649))));
        Path key = dataDir.resolve("tls").resolve(CertificateProvider.SELF_SIGNED_KEY);
        assertTrue(Files.exists(dataDir.resolve("tls").resolve(CertificateProvider.SELF_SIGNED_CERTIFICATE)));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(key));
    }

    @Test
    void reusesTheStoredCertificate() throws Exception {
        KeyMaterial first = selfSigned(NOW, List.of("example.org"));
        KeyMaterial second = selfSigned(NOW.plus(Duration.ofDays(30)), List.of("EXAMPLE.org"));
        assertArrayEquals(first.leaf().getEncoded(), second.leaf().getEncoded());
        assertArrayEquals(first.privateKey().getEncoded(), second.privateKey().getEncoded());
    }

    @Test
    void regeneratesWhenTheDomainsChange() throws Exception {
        KeyMaterial first = selfSigned(NOW, List.of("example.org"));
        KeyMaterial second = selfSigned(NOW, List.of("example.org", "example.net"));
        assertFalse(java.util.Arrays.equals(first.leaf().getEncoded(), second.leaf().getEncoded()));
        assertEquals(Set.of("example.org", "example.net"), SelfSignedCertificates.dnsNames(second.leaf()));
        KeyMaterial third = selfSigned(NOW, List.of("example.org", "example.net"));
        assertArrayEquals(second.leaf().getEncoded(), third.leaf().getEncoded());
    }

    @Test
    void regeneratesWhenExpiredOrDamaged() throws Exception {
        KeyMaterial first = selfSigned(NOW, List.of("example.org"));
        Instant later = NOW.plus(Duration.ofDays(3700));
        KeyMaterial renewed = selfSigned(later, List.of("example.org"));
        assertFalse(java.util.Arrays.equals(first.leaf().getEncoded(), renewed.leaf().getEncoded()));
        renewed.leaf().checkValidity(Date.from(later));

        Files.writeString(dataDir.resolve("tls").resolve(CertificateProvider.SELF_SIGNED_KEY), "garbage");
        KeyMaterial repaired = selfSigned(later, List.of("example.org"));
        assertFalse(java.util.Arrays.equals(renewed.leaf().getEncoded(), repaired.leaf().getEncoded()));
    }

    @Test
    void loadsAnRsaChainWithPkcs1Key() throws Exception {
        KeyPair ca = TestCertificates.rsa();
        KeyPair server = TestCertificates.rsa();
        X509Certificate caCert = TestCertificates.certificate("Test CA", ca.getPublic(), "Test CA", ca.getPrivate(),
                "SHA256withRSA", true);
        X509Certificate leaf = TestCertificates.certificate("xmpp.example.org", server.getPublic(), "Test CA",
                ca.getPrivate(), "SHA256withRSA", false);
        Path chain = TestCertificates.writePem(dataDir.resolve("fullchain.pem"), leaf, caCert);
        Path key = TestCertificates.writePem(dataDir.resolve("privkey.pem"), server.getPrivate());
        assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"));

        KeyMaterial material = new CertificateProvider(Clock.systemUTC(), random)
                .provide(new TlsConfig(chain.toString(), key.toString(), null), dataDir, List.of("example.org"));
        assertEquals(List.of(leaf, caCert), material.chain());
        assertEquals("RSA", material.privateKey().getAlgorithm());
        assertFalse(Files.exists(dataDir.resolve("tls")), "no self-signed certificate when one is configured");
    }

    @Test
    void loadsAnEcKeyInSec1AndPkcs8Form() throws Exception {
        KeyPair server = TestCertificates.ec();
        X509Certificate leaf = TestCertificates.certificate("example.org", server.getPublic(), "example.org",
                server.getPrivate(), "SHA384withECDSA", false);
        Path chain = TestCertificates.writePem(dataDir.resolve("cert.pem"), leaf);
        Path sec1 = TestCertificates.writeSec1(dataDir.resolve("ec.pem"), server);
        assertTrue(Files.readString(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        assertEquals("EC", CertificateProvider.load(chain, sec1).privateKey().getAlgorithm());

        Path pkcs8 = dataDir.resolve("pkcs8.pem");
        PemFiles.writePrivateKey(pkcs8, server.getPrivate());
        assertEquals(leaf, CertificateProvider.load(chain, pkcs8).leaf());
    }

    @Test
    void mismatchedKeyIsReportedWithTheFileName() throws Exception {
        KeyPair server = TestCertificates.ec();
        X509Certificate leaf = TestCertificates.certificate("example.org", server.getPublic(), "example.org",
                server.getPrivate(), "SHA256withECDSA", false);
        Path chain = TestCertificates.writePem(dataDir.resolve("cert.pem"), leaf);
        Path otherEc = TestCertificates.writeSec1(dataDir.resolve("other-ec.pem"), TestCertificates.ec());
        Path rsa = TestCertificates.writePem(dataDir.resolve("rsa.pem"), TestCertificates.rsa().getPrivate());

        for (Path wrong : List.of(otherEc, rsa)) {
            TlsSetupException e = assertThrows(TlsSetupException.class, () -> CertificateProvider.load(chain, wrong));
            assertTrue(e.getMessage().contains(wrong.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
        }
    }

    @Test
    void missingOrBadFilesAreReportedWithTheFileName() throws Exception {
        KeyPair server = TestCertificates.ec();
        X509Certificate leaf = TestCertificates.certificate("example.org", server.getPublic(), "example.org",
                server.getPrivate(), "SHA256withECDSA", false);
        Path chain = TestCertificates.writePem(dataDir.resolve("cert.pem"), leaf);
        Path missing = dataDir.resolve("missing.pem");
        Path garbage = Files.writeString(dataDir.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\n!!!\n");
        Path empty = Files.writeString(dataDir.resolve("empty.pem"), "just text\n");

        TlsSetupException noKey = assertThrows(TlsSetupException.class, () -> CertificateProvider.load(chain, missing));
        assertTrue(noKey.getMessage().contains(missing.toString()) && noKey.getMessage().contains("no such file"),
                noKey.getMessage());
        TlsSetupException noCert = assertThrows(TlsSetupException.class, () -> CertificateProvider.load(missing, garbage));
        assertTrue(noCert.getMessage().contains("certificate file " + missing), noCert.getMessage());
        for (Path bad : List.of(garbage, empty)) {
            TlsSetupException e = assertThrows(TlsSetupException.class, () -> CertificateProvider.load(chain, bad));
            assertTrue(e.getMessage().contains("private key file " + bad), e.getMessage());
        }
        TlsSetupException keyAsCertificate = assertThrows(TlsSetupException.class,
                () -> CertificateProvider.load(empty, chain));
        assertTrue(keyAsCertificate.getMessage().contains("no PEM certificate"), keyAsCertificate.getMessage());
    }
}
