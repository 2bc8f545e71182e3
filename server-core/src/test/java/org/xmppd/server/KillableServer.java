package org.xmppd.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.config.ListenerConfig;
import org.xmppd.server.config.ListenersConfig;
import org.xmppd.server.config.ServerConfig;
import org.xmppd.server.sasl.ScramCredentials;
import org.xmppd.storage.Storage;

/**
 * A server in a process of its own, for tests that kill it: {@code KillableServer <data dir>
 * <user>...} opens H2 in the data dir, creates the users that do not exist yet (password: their
 * name), serves STARTTLS on a free port and writes that port to {@code <data dir>/port}. It runs
 * until it is killed.
 */
public final class KillableServer {
    private KillableServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        ServerConfig config = TestServer.withoutAbsentBundledModules(ServerConfig.defaults()
                .withDataDir(dataDir.toString()).withListeners(
                new ListenersConfig(new ListenerConfig(true, "127.0.0.1", 0, true),
                        new ListenerConfig(false, "127.0.0.1", 0, false))));
        Storage storage = Storage.open(config.storage(), dataDir);
        SecureRandom random = new SecureRandom();
        for (String user : List.of(args).subList(1, args.length)) {
            EntityBareJid jid = JidCreate.entityBareFrom(user + "@" + TestServer.DOMAIN);
            if (!storage.users().exists(jid)) {
                storage.users().create(jid, List.of(
                        ScramCredentials.derive("SCRAM-SHA-1", user, TestServer.ITERATIONS, random)));
            }
        }
        XmppServer server = new XmppServer(config, storage);
        server.start();
        Path tmp = dataDir.resolve("port.tmp");
        Files.writeString(tmp, Integer.toString(server.boundAddress("c2s").getPort()));
        Files.move(tmp, dataDir.resolve("port"), StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
