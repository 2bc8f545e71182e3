package org.xmppd.dist;

import java.nio.file.Path;

import org.xmppd.server.config.ConfigException;
import org.xmppd.server.config.ConfigLoader;
import org.xmppd.server.config.ServerConfig;

import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command shares (a picocli mixin). */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: conf/xmppd.yml in the install directory).")
    private Path file;

    /** The file named by {@code --config}, or the default one of {@code env}. */
    Path file(CliEnvironment env) {
        return file != null ? file : env.defaultConfigFile();
    }

    /** Loads and validates the configuration; any problem is a one-line failure. */
    LoadedConfig load(CliEnvironment env) throws CliFailure {
        Path configFile = file(env);
        try {
            ServerConfig config = ConfigLoader.load(configFile);
            return new LoadedConfig(configFile, config, ConfigLoader.installDirOf(configFile));
        } catch (ConfigException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    /**
     * A loaded configuration and where it came from.
     *
     * @param file       the configuration file
     * @param config     its contents
     * @param installDir what its relative paths resolve against
     */
    record LoadedConfig(Path file, ServerConfig config, Path installDir) {
        /** The configuration with every path absolute. */
        ServerConfig resolved() {
            return config.resolvedAgainst(installDir);
        }

        /** {@code logback.xml} next to the configuration file. */
        Path logbackFile() {
            return file.toAbsolutePath().getParent().resolve("logback.xml");
        }
    }
}
