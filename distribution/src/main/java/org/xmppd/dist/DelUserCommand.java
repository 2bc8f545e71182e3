package org.xmppd.dist;

import java.security.SecureRandom;
import java.util.concurrent.Callable;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.Storage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code xmppd deluser JID}: deletes an account and its credentials. */
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
        Accounts accounts = new Accounts(config.load(env).resolved(), new SecureRandom());
        EntityBareJid user = accounts.userOrThrow(jid);
        try (Storage storage = accounts.open()) {
            if (!storage.users().delete(user)) {
                throw new CliFailure("no such user: " + user);
            }
        }
        env.stdout().println("Deleted " + user);
        return 0;
    }
}
