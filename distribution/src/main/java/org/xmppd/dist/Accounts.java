package org.xmppd.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.server.config.ServerConfig;
import org.xmppd.server.sasl.ScramCredentials;
import org.xmppd.storage.ScramCredential;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageException;

/**
 * What the account commands share: JID checks against the configuration, opening the storage
 * with a clear message when a running server holds it, and deriving credentials.
 */
final class Accounts {
    private final ServerConfig config;
    private final SecureRandom random;

    /** @param config the configuration with its paths resolved */
    Accounts(ServerConfig config, SecureRandom random) {
        this.config = config;
        this.random = random;
    }

    /** {@code text} as a bare JID of one of the configured hosts. */
    EntityBareJid userOrThrow(String text) throws CliFailure {
        Jid jid;
        try {
            jid = JidCreate.from(text);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new CliFailure("invalid JID '" + text + "': " + e.getMessage(), e);
        }
        if (!(jid instanceof EntityBareJid user)) {
            throw new CliFailure("invalid JID '" + text + "': expected user@domain");
        }
        if (!config.serves(user.asDomainBareJid())) {
            throw new CliFailure("domain " + user.asDomainBareJid() + " is not served by this server"
                    + " (hosts: " + String.join(", ", config.hosts()) + ")");
        }
        return user;
    }

    /**
     * SCRAM-SHA-1 and SCRAM-SHA-256 credentials (RFC 5802, RFC 7677) with the configured
     * iterations: every client supports one of the two, and the password itself is never stored.
     */
    List<ScramCredential> credentials(String password) throws CliFailure {
        int iterations = config.limits().scramIterations();
        try {
            return List.of(
                    ScramCredentials.derive(ScramCredential.SCRAM_SHA_1, password, iterations, random),
                    ScramCredentials.derive(ScramCredential.SCRAM_SHA_256, password, iterations, random));
        } catch (IllegalArgumentException e) {
            throw new CliFailure("invalid password: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the configured storage. The embedded H2 file admits one process at a time, so while
     * the server runs this fails; the message says so rather than quoting H2.
     */
    Storage open() throws CliFailure {
        Path dataDir = Path.of(config.dataDir());
        try {
            Files.createDirectories(dataDir);
            return Storage.open(config.storage(), dataDir);
        } catch (IOException e) {
            throw new CliFailure("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        } catch (StorageException e) {
            throw new CliFailure(StorageFailures.describe(e, dataDir), e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("invalid storage configuration: " + e.getMessage(), e);
        }
    }
}
