package org.xmppd.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppd.server.config.ConfigLoader;
import org.xmppd.server.config.ListenersConfig;
import org.xmppd.server.config.ServerConfig;

/** The composition root starts a real server on free ports from a configuration file. */
class BootstrapTest {
    private static final String CONFIG = """
            data_dir: state
            log_dir: journal
            listeners:
              c2s: {address: 127.0.0.1, port: 0}
              c2s_direct_tls: {enabled: false}
            """;

    @TempDir
    Path home;

    @Test
    void startsOnTheConfiguredStorageAndAnswersAStream() throws Exception {
        ServerConfig config = ConfigLoader.parse(CONFIG, "test.yml");
        try (RunningServer running = new Bootstrap(config, home).start()) {
            assertTrue(Files.isDirectory(home.resolve("state")), "data_dir created");
            assertTrue(Files.isDirectory(home.resolve("journal")), "log_dir created");
            assertNull(running.server().boundAddress("c2s_direct_tls"), "disabled listener not bound");
            InetSocketAddress c2s = running.server().boundAddress("c2s");
            assertNotNull(c2s);
            String reply = openStream(c2s);
            assertTrue(reply.contains("localhost"), reply);
            assertTrue(reply.contains("urn:ietf:params:xml:ns:xmpp-tls"), reply);
        }
        assertTrue(Files.exists(home.resolve("state").resolve("xmppd.mv.db")), "H2 file in data_dir");
    }

    @Test
    void aPortInUseFailsTheStartAndReleasesTheStorage() throws Exception {
        ServerConfig config = ConfigLoader.parse(CONFIG, "test.yml");
        try (RunningServer first = new Bootstrap(config, home).start()) {
            int port = first.server().boundAddress("c2s").getPort();
            ServerConfig clash = config.withListeners(new ListenersConfig(
                    config.listeners().c2s().withPort(port), config.listeners().c2sDirectTls()));
            Path other = Files.createDirectories(home.resolve("other"));
            IOException failure = assertThrows(IOException.class, () -> new Bootstrap(clash, other).start());
            assertTrue(failure.getMessage().contains("listeners.c2s"), failure.getMessage());
            // The failed start closed its storage, so it can be opened again.
            try (RunningServer retry = new Bootstrap(config, other).start()) {
                assertNotNull(retry.server().boundAddress("c2s"));
            }
        }
    }

    private static String openStream(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("<?xml version='1.0'?><stream:stream to='localhost' xmlns='jabber:client'"
                    + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!reply.toString().contains("</stream:features>")) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                reply.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            return reply.toString();
        }
    }

    @Test
    void runningServerClosesOnce() throws Exception {
        ServerConfig config = ConfigLoader.parse(CONFIG, "test.yml");
        RunningServer running = new Bootstrap(config, home).start();
        running.close();
        running.close();
        assertEquals(null, running.server().boundAddress("c2s"));
    }
}
