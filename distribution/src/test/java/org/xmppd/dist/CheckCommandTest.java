package org.xmppd.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path home;

    private Path config(String yaml) throws IOException {
        Path file = home.resolve("conf").resolve("xmppd.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void validConfigIsOk() throws IOException {
        Path file = config("hosts: [example.org]\n");
        CliRun run = CliRun.run(home, "", "check");
        assertEquals(0, run.status(), run.toString());
        assertEquals("OK: " + file + System.lineSeparator(), run.out());
        assertEquals("", run.err());
    }

    @Test
    void theShippedConfigIsOk() {
        Path shipped = Path.of("..", "conf", "xmppd.yml");
        CliRun run = CliRun.run(home, "", "check", "--config", shipped.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("OK: " + shipped + System.lineSeparator(), run.out());
    }

    @Test
    void unknownKeyFailsWithItsName() throws IOException {
        Path file = config("limits:\n  max_stanza_bytez: 100000\n");
        CliRun run = CliRun.run(home, "", "check");
        assertEquals(1, run.status(), run.toString());
        assertEquals("xmppd: " + file + ": unknown key 'limits.max_stanza_bytez'" + System.lineSeparator(),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void badValueFailsWithItsName() throws IOException {
        Path file = config("listeners:\n  c2s:\n    port: 99999\n");
        CliRun run = CliRun.run(home, "", "check", "-c", file.toString());
        assertEquals(1, run.status(), run.toString());
        assertEquals("xmppd: " + file + ": listeners.c2s.port: must be between 0 and 65535 (was 99999)"
                + System.lineSeparator(), run.err());
    }

    @Test
    void unknownStorageBackendFailsWithItsKey() throws IOException {
        Path file = config("storage:\n  stores: {users: nosuch}\n");
        CliRun run = CliRun.run(home, "", "check");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().startsWith("xmppd: " + file + ": storage.stores.users"), run.toString());
        assertTrue(run.err().contains("nosuch"), run.toString());
    }

    @Test
    void badModuleOptionFailsWithItsKey() throws IOException {
        Path file = config("module_options:\n  offline: {max_messages_per_user: 0}\n");
        CliRun run = CliRun.run(home, "", "check");
        assertEquals(1, run.status(), run.toString());
        assertEquals("xmppd: " + file + ": module_options.offline: max_messages_per_user: must be at least 1 (was 0)"
                + System.lineSeparator(), run.err());
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = home.resolve("elsewhere.yml");
        CliRun run = CliRun.run(home, "", "check", "--config", missing.toString());
        assertEquals(1, run.status(), run.toString());
        assertEquals("xmppd: " + missing + ": no such file" + System.lineSeparator(), run.err());
    }

    @Test
    void configuredTlsFilesMustExist() throws IOException {
        Path file = config("tls:\n  certificate: conf/cert.pem\n  private_key: conf/key.pem\n");
        CliRun run = CliRun.run(home, "", "check");
        assertEquals(1, run.status(), run.toString());
        assertEquals("xmppd: " + file + ": tls.certificate: no such file: " + home.resolve("conf/cert.pem")
                + System.lineSeparator(), run.err());

        Files.writeString(home.resolve("conf/cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        run = CliRun.run(home, "", "check");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("tls.private_key: no such file"), run.toString());

        Files.writeString(home.resolve("conf/key.pem"), "-----BEGIN PRIVATE KEY-----\n");
        run = CliRun.run(home, "", "check");
        assertEquals(0, run.status(), run.toString());
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun none = CliRun.run(home, "");
        assertEquals(2, none.status(), none.toString());
        assertTrue(none.err().contains("adduser"), none.toString());
        CliRun unknown = CliRun.run(home, "", "frobnicate");
        assertEquals(2, unknown.status(), unknown.toString());
        assertTrue(unknown.err().contains("frobnicate"), unknown.toString());
    }

    @Test
    void helpIsAvailableForEveryCommand() {
        CliRun help = CliRun.run(home, "", "help");
        assertEquals(0, help.status(), help.toString());
        assertTrue(help.out().contains("passwd"), help.toString());
        CliRun adduserHelp = CliRun.run(home, "", "adduser", "--help");
        assertEquals(0, adduserHelp.status(), adduserHelp.toString());
        assertTrue(adduserHelp.out().startsWith("Usage: xmppd adduser"), adduserHelp.toString());
    }
}
