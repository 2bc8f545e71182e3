package org.xmppd.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

class ConfigLoaderTest {

    private static ServerConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "test.yml");
    }

    private static String failure(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void emptyFileGivesEveryDefault() throws ConfigException {
        ServerConfig config = parse("");
        assertEquals(ServerConfig.defaults(), config);
        assertEquals(List.of("localhost"), config.hosts());
        assertEquals("data", config.dataDir());
        assertEquals("logs", config.logDir());
        assertEquals(new ListenerConfig(true, "0.0.0.0", 5222, true), config.listeners().c2s());
        assertEquals(5223, config.listeners().c2sDirectTls().port());
        assertTrue(config.listeners().c2sDirectTls().enabled());
        assertEquals(LimitsConfig.defaults(), config.limits());
        assertEquals(262_144, config.limits().maxStanzaBytes());
        assertEquals(64, config.limits().maxDepth());
        assertEquals(300, config.limits().idleTimeoutSeconds());
        assertEquals(60, config.limits().pingTimeoutSeconds());
        assertEquals(3, config.limits().authFailuresBeforeDelay());
        assertEquals(30, config.limits().authDelayMaxSeconds());
        assertEquals(4096, config.limits().scramIterations());
        assertEquals(60, config.limits().handshakeTimeoutSeconds());
        assertFalse(config.registration().enabled());
        assertEquals(List.of("disco", "ping", "version", "time", "roster", "presence", "offline", "lastactivity",
                "blocking", "vcard", "private", "carbons", "caps", "sm", "csi", "mam", "push", "muc", "pubsub",
                "pep"),
                config.modules());
        assertEquals("h2", config.storage().defaultBackend());
        assertEquals(null, config.tls().certificate());
    }

    @Test
    void absentAndEmptyKeysKeepTheirDefaultsBesideGivenOnes() throws ConfigException {
        ServerConfig config = parse("""
                listeners:
                  c2s:
                    port: 15222
                  c2s_direct_tls:
                    enabled: false
                limits:
                  max_depth:
                  scram_iterations: 10000
                """);
        assertEquals(new ListenerConfig(true, "0.0.0.0", 15222, true), config.listeners().c2s());
        assertEquals(new ListenerConfig(false, "0.0.0.0", 5223, false), config.listeners().c2sDirectTls());
        assertEquals(64, config.limits().maxDepth());
        assertEquals(10_000, config.limits().scramIterations());
        assertEquals(262_144, config.limits().maxStanzaBytes());
    }

    @Test
    void hostsAreValidatedAndNormalized() throws ConfigException {
        ServerConfig config = parse("hosts: [Example.ORG, chat.example.net]");
        assertEquals(List.of("example.org", "chat.example.net"), config.hosts());
        assertTrue(config.serves(JidCreate.domainBareFromOrThrowUnchecked("example.org")));
        assertFalse(config.serves(JidCreate.domainBareFromOrThrowUnchecked("localhost")));
        assertEquals(2, config.domains().size());
        assertEquals(List.of("example.org"), parse("hosts: example.org").hosts());
        assertEquals("test.yml: hosts[1]: must be a domain name such as example.org (was 'alice@example.org')",
                failure("hosts: [example.org, alice@example.org]"));
        assertEquals("test.yml: hosts: at least one host is required", failure("hosts: []"));
        assertEquals("test.yml: hosts[1]: 'example.org' is listed twice", failure("hosts: [example.org, EXAMPLE.org]"));
    }

    @Test
    void unknownKeyIsNamedWithItsPath() {
        assertEquals("test.yml: unknown key 'limits.max_stanza_bytez'",
                failure("limits:\n  max_stanza_bytez: 10\n"));
        assertEquals("test.yml: unknown key 'listeners.c2s.prot'",
                failure("listeners:\n  c2s:\n    prot: 1\n"));
        assertEquals("test.yml: unknown key 'hostz'", failure("hostz: [localhost]"));
    }

    @Test
    void badValueIsNamedWithItsPath() {
        assertEquals("test.yml: limits.max_stanza_bytes: must be at least 10000 (was 5)",
                failure("limits:\n  max_stanza_bytes: 5\n"));
        assertEquals("test.yml: listeners.c2s_direct_tls.port: must be between 0 and 65535 (was 70000)",
                failure("listeners:\n  c2s_direct_tls:\n    port: 70000\n"));
        assertEquals("test.yml: listeners.c2s.port: expected a whole number (was 'abc')",
                failure("listeners:\n  c2s:\n    port: abc\n"));
        assertEquals("test.yml: registration.enabled: expected true or false (was 'maybe')",
                failure("registration:\n  enabled: maybe\n"));
        assertEquals("test.yml: modules[1]: 'ping' is listed twice", failure("modules: [ping, ping]"));
        assertTrue(failure("limits: 5").startsWith("test.yml: limits: expected a mapping of keys"),
                failure("limits: 5"));
    }

    @Test
    void componentsAreValidatedAndNormalized() throws ConfigException {
        ServerConfig none = parse("");
        assertEquals(new ComponentsConfig("127.0.0.1", 5347, java.util.Map.of()), none.components());
        ServerConfig config = parse("components:\n  port: 15347\n  domains:\n    IRC.localhost: s3cret\n");
        assertEquals(15347, config.components().port());
        assertEquals("127.0.0.1", config.components().address());
        assertEquals(java.util.Map.of("irc.localhost", "s3cret"), config.components().domains());
        assertEquals(java.util.Map.of(JidCreate.domainBareFromOrThrowUnchecked("irc.localhost"), "s3cret"),
                config.components().secrets());
        assertEquals("test.yml: components.domains.bot@localhost: must be a domain name such as example.org"
                + " (was 'bot@localhost')",
                failure("components:\n  domains:\n    bot@localhost: x\n"));
        assertEquals("test.yml: components.domains.irc.localhost: the shared secret must not be empty",
                failure("components:\n  domains:\n    irc.localhost: ''\n"));
        assertEquals("test.yml: components.domains.localhost: 'localhost' is a host of this server, not a component",
                failure("components:\n  domains:\n    localhost: x\n"));
        assertEquals("test.yml: components.port: must be between 0 and 65535 (was -1)",
                failure("components:\n  port: -1\n"));
        assertEquals("test.yml: unknown key 'components.secret'", failure("components:\n  secret: x\n"));
    }

    @Test
    void storageProblemsKeepTheStorageKeyPath() {
        String message = failure("storage:\n  h2:\n    connection_timeout_ms: 5\n");
        assertEquals("test.yml: storage.h2.connection_timeout_ms must be at least 250, was 5", message);
        assertEquals("test.yml: unknown key 'storage.h2.fille'", failure("storage:\n  h2:\n    fille: x\n"));
    }

    @Test
    void badYamlSyntaxGivesFileAndLine() {
        String message = failure("hosts:\n  - localhost\nlimits:\n  max_depth: [1, 2\n  other: 3\n");
        assertTrue(message.startsWith("test.yml:5: expected ',' or ']'"), message);
        assertTrue(message.endsWith("(while parsing a flow sequence started at line 4)"), message);
        String duplicate = failure("data_dir: a\nlog_dir: b\ndata_dir: c\n");
        assertTrue(duplicate.startsWith("test.yml:3: "), duplicate);
        assertTrue(duplicate.contains("data_dir"), duplicate);
        assertEquals("test.yml: the top level must be a mapping of keys such as 'hosts:' (was string)",
                failure("just a string"));
    }

    @Test
    void missingFileIsReportedByName(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void loadReadsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("xmppd.yml");
        Files.writeString(file, "hosts: [example.org]\n");
        assertEquals(List.of("example.org"), ConfigLoader.load(file).hosts());
        Files.writeString(file, "limits:\n  max_depth: 1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(file + ": limits.max_depth: must be at least 8 (was 1)", e.getMessage());
    }

    @Test
    void relativeDirectoriesResolveAgainstTheInstallDir(@TempDir Path install) throws ConfigException {
        Path configFile = install.resolve("conf").resolve("xmppd.yml");
        assertEquals(install.toAbsolutePath(), ConfigLoader.installDirOf(configFile));
        ServerConfig config = parse("data_dir: state\nlog_dir: /var/log/xmppd\n"
                + "tls:\n  certificate: conf/cert.pem\n  private_key: /etc/key.pem\n");
        assertEquals(install.resolve("state"), config.dataPath(install));
        assertEquals(Path.of("/var/log/xmppd"), config.logPath(install));
        ServerConfig resolved = config.resolvedAgainst(install);
        assertEquals(install.resolve("state").toString(), resolved.dataDir());
        assertEquals(install.resolve("conf/cert.pem").toString(), resolved.tls().certificate());
        assertEquals("/etc/key.pem", resolved.tls().privateKey());
    }
}
