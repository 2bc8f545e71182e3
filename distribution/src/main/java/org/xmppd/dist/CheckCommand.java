package org.xmppd.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.xmppd.server.module.ModuleHost;
import org.xmppd.server.tls.TlsConfig;
import org.xmppd.storage.Storage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code xmppd check}: validates the configuration without starting anything (keys and values,
 * storage backends, TLS files), so an admin can test an edit while the server keeps running.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Validate the configuration file.",
        "Prints OK and exits 0, or prints the problem and exits 1."})
final class CheckCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    private ConfigOption config = new ConfigOption();

    CheckCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws CliFailure {
        ConfigOption.LoadedConfig loaded = config.load(env);
        try {
            Storage.validate(loaded.config().storage());
            ModuleHost.validate(loaded.config(), ModuleHost.available(CheckCommand.class.getClassLoader()));
        } catch (IllegalArgumentException e) {
            // The message names the storage or module key that is wrong.
            throw new CliFailure(loaded.file() + ": " + e.getMessage(), e);
        }
        TlsConfig tls = loaded.resolved().tls();
        if (tls.hasCertificate()) {
            readableOrThrow(loaded.file(), "tls.certificate", tls.certificate());
            readableOrThrow(loaded.file(), "tls.private_key", tls.privateKey());
        }
        env.stdout().println("OK: " + loaded.file());
        return 0;
    }

    private static void readableOrThrow(Path configFile, String key, String file) throws CliFailure {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new CliFailure(configFile + ": " + key + ": no such file: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new CliFailure(configFile + ": " + key + ": cannot read " + path);
        }
    }
}
