package org.xmppd.server.tls;

import java.math.BigInteger;
import java.net.IDN;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the fallback certificate used when none is configured: EC P-256, SHA-256 with ECDSA,
 * every served domain as a dNSName SAN (RFC 6125 §6.4; clients match SANs, not the CN), valid 10 years.
 */
final class SelfSignedCertificates {

    static final Duration VALIDITY = Duration.ofDays(3650);
    /** Back-dated a day so clients with a slightly slow clock accept it at once. */
    private static final Duration BACKDATE = Duration.ofDays(1);

    private SelfSignedCertificates() {
    }

    static KeyMaterial generate(List<String> domains, Clock clock, SecureRandom random) throws TlsSetupException {
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("a self-signed certificate needs at least one domain");
        }
        List<String> names = domains.stream().map(SelfSignedCertificates::dnsName).distinct().toList();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.get(0)).build();
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, random).add(BigInteger.ONE), Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            GeneralName[] sans = names.stream().map(n -> new GeneralName(GeneralName.dNSName, n))
                    .toArray(GeneralName[]::new);
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new KeyMaterial(keys.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new TlsSetupException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** The dNSName SANs of {@code certificate}, lower case. */
    static Set<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
        if (sans == null) {
            return Set.of();
        }
        return sans.stream().filter(san -> Integer.valueOf(GeneralName.dNSName).equals(san.get(0)))
                .map(san -> ((String) san.get(1)).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The SAN form of a domain: IDNA A-label, lower case (RFC 6125 §6.4.2). */
    static String dnsName(String domain) {
        return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }
}
