package org.xmppd.server.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;

/**
 * The {@code tls-server-end-point} channel binding (RFC 5929 §4.1): a hash of the server certificate,
 * with the hash function of the certificate's signature algorithm, except that MD5 and SHA-1 are
 * replaced by SHA-256.
 */
public final class TlsServerEndPoint {

    private static final Map<String, String> DIGESTS = Map.of(
            "MD5", "SHA-256", "SHA1", "SHA-256", "SHA224", "SHA-224", "SHA256", "SHA-256",
            "SHA384", "SHA-384", "SHA512", "SHA-512");

    private static final Map<String, String> DIGEST_OIDS = Map.of(
            "1.3.14.3.2.26", "SHA-256", "2.16.840.1.101.3.4.2.4", "SHA-224", "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384", "2.16.840.1.101.3.4.2.3", "SHA-512");

    private TlsServerEndPoint() {
    }

    /**
     * The binding data for {@code certificate}, or empty when RFC 5929 leaves it undefined (a
     * signature algorithm with no single hash, such as Ed25519); then -PLUS must not be offered.
     */
    public static Optional<byte[]> of(X509Certificate certificate) {
        return digestName(certificate).map(name -> {
            try {
                return MessageDigest.getInstance(name).digest(certificate.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot hash certificate with " + name, e);
            }
        });
    }

    private static Optional<String> digestName(X509Certificate certificate) {
        String signature = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        int with = signature.indexOf("WITH");
        if (with > 0) {
            return Optional.ofNullable(DIGESTS.get(signature.substring(0, with).replace("-", "")));
        }
        if (signature.equals("RSASSA-PSS") && certificate.getSigAlgParams() != null) {
            return pssDigest(certificate.getSigAlgParams());
        }
        return Optional.empty();
    }

    /** RSASSA-PSS names its hash in the parameters (RFC 4055 §3.1). */
    private static Optional<String> pssDigest(byte[] parameters) {
        try {
            String oid = RSASSAPSSparams.getInstance(parameters).getHashAlgorithm().getAlgorithm().getId();
            return Optional.ofNullable(DIGEST_OIDS.get(oid));
        } catch (IllegalArgumentException e) {
            // Unparseable parameters: the binding is undefined, so -PLUS is simply not offered.
            return Optional.empty();
        }
    }
}
