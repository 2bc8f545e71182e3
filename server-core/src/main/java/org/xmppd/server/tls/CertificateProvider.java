package org.xmppd.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supplies the server's key and certificate: the configured PEM files, or else a self-signed
 * certificate kept under {@code <data_dir>/tls/} and reused until the domain list changes or it expires.
 */
public final class CertificateProvider {

    /** File names of the generated certificate and key inside {@code <data_dir>/tls/}. */
    public static final String SELF_SIGNED_CERTIFICATE = "self-signed.crt";
    public static final String SELF_SIGNED_KEY = "self-signed.key";

    private static final Logger LOG = LoggerFactory.getLogger(CertificateProvider.class);

    private final Clock clock;
    private final SecureRandom random;

    public CertificateProvider(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The key material for {@code config}.
     *
     * @param dataDir the server's data directory ({@code data_dir}); self-signed files go to its {@code tls/}
     * @param domains the served domains, the SANs of a self-signed certificate
     */
    public KeyMaterial provide(TlsConfig config, Path dataDir, List<String> domains) throws TlsSetupException {
        if (config.hasCertificate()) {
            return load(Path.of(config.certificate()), Path.of(config.privateKey()));
        }
        return selfSigned(dataDir.resolve("tls"), domains);
    }

    /** Loads a PEM chain and key and checks that the key belongs to the leaf certificate. */
    public static KeyMaterial load(Path certificateFile, Path keyFile) throws TlsSetupException {
        List<X509Certificate> chain = PemFiles.readCertificates(certificateFile);
        PrivateKey key = PemFiles.readPrivateKey(keyFile);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new TlsSetupException("TLS private key file " + keyFile
                    + ": the key does not belong to the first certificate in " + certificateFile);
        }
        return new KeyMaterial(key, chain);
    }

    private KeyMaterial selfSigned(Path dir, List<String> domains) throws TlsSetupException {
        Path certificateFile = dir.resolve(SELF_SIGNED_CERTIFICATE);
        Path keyFile = dir.resolve(SELF_SIGNED_KEY);
        Set<String> wanted = domains.stream().map(SelfSignedCertificates::dnsName).collect(Collectors.toSet());
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            String reason = reuseProblemOrNull(certificateFile, keyFile, wanted);
            if (reason == null) {
                return load(certificateFile, keyFile);
            }
            LOG.info("Regenerating self-signed certificate {}: {}", certificateFile, reason);
        }
        KeyMaterial generated = SelfSignedCertificates.generate(domains, clock, random);
        try {
            Files.createDirectories(dir);
            PemFiles.writePrivateKey(keyFile, generated.privateKey());
            PemFiles.writeCertificates(certificateFile, generated.chain());
        } catch (IOException e) {
            throw new TlsSetupException("cannot write self-signed certificate to " + dir + ": " + e.getMessage(), e);
        }
        LOG.warn("Using a self-signed certificate for {} ({}); clients will not trust it without a manual "
                + "exception. Configure tls.certificate and tls.private_key for production.", wanted, certificateFile);
        return generated;
    }

    /** Why the stored self-signed certificate cannot be reused, or null when it can. */
    private String reuseProblemOrNull(Path certificateFile, Path keyFile, Set<String> wanted) {
        try {
            X509Certificate certificate = load(certificateFile, keyFile).leaf();
            certificate.checkValidity(Date.from(clock.instant()));
            Set<String> present = SelfSignedCertificates.dnsNames(certificate);
            return present.equals(wanted) ? null : "domains changed from " + present + " to " + wanted;
        } catch (TlsSetupException | CertificateException e) {
            return e.getMessage();
        }
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static boolean matches(PrivateKey key, PublicKey publicKey) throws TlsSetupException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new TlsSetupException("unsupported TLS key algorithm " + key.getAlgorithm()
                    + " (expected RSA or EC)");
        };
        try {
            byte[] probe = "xmppd key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A key of another type than the certificate's (e.g. RSA key, EC certificate) lands here.
            return false;
        }
    }
}
