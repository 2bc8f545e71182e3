package org.xmppd.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM files with BouncyCastle's parser, using the JDK's own crypto providers
 * (no process-wide provider registration). Every error message names the file.
 */
final class PemFiles {

    private PemFiles() {
    }

    /** The certificates in {@code file}, in file order (leaf first in a full chain). */
    static List<X509Certificate> readCertificates(Path file) throws TlsSetupException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw failure(file, "certificate", e);
        }
        if (chain.isEmpty()) {
            throw new TlsSetupException("TLS certificate file " + file + ": no PEM certificate found");
        }
        return chain;
    }

    /** The one private key in {@code file}: PKCS#8, PKCS#1 RSA or SEC1 EC, not encrypted. */
    static PrivateKey readPrivateKey(Path file) throws TlsSetupException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PEMKeyPair pair) {
                    // SEC1 EC keys may omit the public key, so convert only the private half.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new TlsSetupException("TLS private key file " + file
                            + ": encrypted keys are not supported; store it unencrypted with mode 600");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw failure(file, "private key", e);
        }
        throw new TlsSetupException("TLS private key file " + file + ": no PEM private key found");
    }

    static void writeCertificates(Path file, List<X509Certificate> chain) throws IOException {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(certificate);
            }
        }
        writeAtomically(file, pem.toString(), false);
    }

    /** Writes PKCS#8 PEM, readable by the owner only (mode 600) where the file system has POSIX modes. */
    static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        }
        writeAtomically(file, pem.toString(), true);
    }

    /** Temp file then rename, so a crash never leaves half a key or a key without its certificate. */
    private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", attributes);
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.US_ASCII)) {
            writer.write(content);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static TlsSetupException failure(Path file, String what, Exception e) {
        String reason = e instanceof NoSuchFileException ? "no such file" : "cannot read " + what + ": " + e.getMessage();
        return new TlsSetupException("TLS " + what + " file " + file + ": " + reason, e);
    }
}
