package org.xmppd.dist;

import java.security.SecureRandom;
import java.util.concurrent.Callable;

import org.jxmpp.jid.EntityBareJid;
import org.xmppd.storage.Storage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code xmppd adduser JID}: creates an account, like {@code prosodyctl adduser}. */
@Command(name = "adduser", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Create an account.",
        "The password is prompted for twice, or read from the first line of standard input "
                + "when that is not a terminal. Stop the server first when it uses the embedded "
                + "database."})
final class AddUserCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    private ConfigOption config = new ConfigOption();

    @Parameters(index = "0", paramLabel = "JID", description = "The account, user@host.")
    private String jid;

    AddUserCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws CliFailure {
        Accounts accounts = new Accounts(config.load(env).resolved(), new SecureRandom());
        EntityBareJid user = accounts.userOrThrow(jid);
        String password = new PasswordReader(env).read(user.toString());
        try (Storage storage = accounts.open()) {
            if (!storage.users().create(user, accounts.credentials(password))) {
                throw new CliFailure("user " + user + " already exists");
            }
        }
        env.stdout().println("Created " + user);
        return 0;
    }
}
