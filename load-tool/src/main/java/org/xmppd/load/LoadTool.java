package org.xmppd.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -jar load-tool.jar <scenario> [options]}. See the README section
 * "Performance" for what each figure means.
 */
@Command(name = "load-tool", mixinStandardHelpOptions = true,
        description = "Drives an XMPP server (xmppd, Prosody, ejabberd...) and reports throughput, latency and "
                + "server CPU/memory.",
        subcommands = {LoginCommand.class, ChatCommand.class, MucCommand.class, PubSubCommand.class, IdleCommand.class,
                RegisterCommand.class})
public final class LoadTool {
    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadTool()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
