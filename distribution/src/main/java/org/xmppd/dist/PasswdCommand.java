package org.xmppd.dist;

import java.security.SecureRandom;
import java.util.concurrent.Callable;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.Storage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code xmppd passwd JID}: sets a new password, replacing every stored credential. */
@Command(name = "passwd", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Change the password of an account.",
        "The password is prompted for twice, or read from the first line of standard input "
                + "when that is not a terminal."})
final class PasswdCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    private ConfigOption config = new ConfigOption();

    @Parameters(index = "0", paramLabel = "JID", description = "The account, user@host.")
    private String jid;

    PasswdCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws CliFailure {
        Accounts accounts = new Accounts(config.load(env).resolved(), new SecureRandom());
        EntityBareJid user = accounts.userOrThrow(jid);
        try (Storage storage = accounts.open()) {
            // Checked before asking, so nobody types a password twice for a typo in the JID.
            if (!storage.users().exists(user)) {
                throw new CliFailure("no such user: " + user);
            }
            String password = new PasswordReader(env).read(user.toString());
            if (!storage.users().replaceCredentials(user, accounts.credentials(password))) {
                throw new CliFailure("no such user: " + user);
            }
        }
        env.stdout().println("Changed the password of " + user);
        return 0;
    }
}
