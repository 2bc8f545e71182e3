package org.xmppd.dist;

import java.security.SecureRandom;
import java.util.concurrent.Callable;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.server.OfflineAccounts;
import org.xmppd.server.config.ServerConfig;
import org.xmppd.storage.Storage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code xmppd deluser JID}: deletes an account with everything kept for it. */
@Command(name = "deluser", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Delete an account.")
final class DelUserCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    private ConfigOption config = new ConfigOption();

    @Parameters(index = "0", paramLabel = "JID", description = "The account, user@host.")
    private String jid;

    DelUserCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws CliFailure {
        ServerConfig resolved = config.load(env).resolved();
        Accounts accounts = new Accounts(resolved, new SecureRandom());
        EntityBareJid user = accounts.userOrThrow(jid);
        try (Storage storage = accounts.open()) {
            // What the modules keep (PEP nodes, rooms' affiliations...) goes too, as on XEP-0077 cancel.
            if (!new OfflineAccounts(resolved, storage).delete(user)) {
                throw new CliFailure("no such user: " + user);
            }
        }
        env.stdout().println("Deleted " + user);
        return 0;
    }
}
