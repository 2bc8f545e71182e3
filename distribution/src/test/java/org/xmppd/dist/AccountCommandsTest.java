package org.xmppd.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.server.sasl.ScramCredentials;
import org.xmppd.storage.ScramCredential;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;
import org.xmppd.storage.UserStore;

/** adduser, passwd and deluser against an embedded H2 database in a temporary install dir. */
class AccountCommandsTest {
    private static final String NL = System.lineSeparator();
    private static final EntityBareJid ALICE = JidCreate.entityBareFromOrThrowUnchecked("alice@localhost");

    @TempDir
    Path home;

    @BeforeEach
    void writeConfig() throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("xmppd.yml"), "hosts: [localhost, example.org]\n");
    }

    @Test
    void addUserThenChangePasswordThenDelete() {
        CliRun added = CliRun.run(home, "first secret\n", "adduser", "alice@localhost");
        assertEquals(0, added.status(), added.toString());
        assertEquals("Created alice@localhost" + NL, added.out());
        assertTrue(Files.exists(home.resolve("data")), "data_dir is created under the install dir");
        assertPassword("first secret", true);

        CliRun changed = CliRun.run(home, "second secret\nignored line\n", "passwd", "alice@localhost");
        assertEquals(0, changed.status(), changed.toString());
        assertEquals("Changed the password of alice@localhost" + NL, changed.out());
        assertPassword("second secret", true);
        assertPassword("first secret", false);

        CliRun deleted = CliRun.run(home, "", "deluser", "alice@localhost");
        assertEquals(0, deleted.status(), deleted.toString());
        assertEquals("Deleted alice@localhost" + NL, deleted.out());
        try (Storage storage = openStorage()) {
            assertFalse(storage.users().exists(ALICE));
        }
    }

    @Test
    void duplicateUserIsRefused() {
        assertEquals(0, CliRun.run(home, "pw\n", "adduser", "alice@localhost").status());
        CliRun again = CliRun.run(home, "other\n", "adduser", "Alice@LOCALHOST");
        assertEquals(1, again.status(), again.toString());
        assertEquals("xmppd: user alice@localhost already exists" + NL, again.err());
        assertEquals("", again.out());
        assertPassword("pw", true);
    }

    @Test
    void malformedJidIsRefused() {
        CliRun run = CliRun.run(home, "pw\n", "adduser", "alice@localhost/phone");
        assertEquals(1, run.status(), run.toString());
        assertEquals("xmppd: invalid JID 'alice@localhost/phone': expected user@domain" + NL, run.err());

        CliRun bad = CliRun.run(home, "pw\n", "adduser", "al ice@localhost");
        assertEquals(1, bad.status(), bad.toString());
        assertTrue(bad.err().startsWith("xmppd: invalid JID 'al ice@localhost': "), bad.toString());
        assertFalse(bad.err().contains("\tat "), "no stack trace: " + bad);

        CliRun domainOnly = CliRun.run(home, "pw\n", "adduser", "localhost");
        assertEquals(1, domainOnly.status(), domainOnly.toString());
        assertEquals("xmppd: invalid JID 'localhost': expected user@domain" + NL, domainOnly.err());
    }

    @Test
    void domainNotServedIsRefused() {
        CliRun run = CliRun.run(home, "pw\n", "adduser", "bob@example.com");
        assertEquals(1, run.status(), run.toString());
        assertEquals("xmppd: domain example.com is not served by this server (hosts: localhost, example.org)"
                + NL, run.err());
        assertEquals(0, CliRun.run(home, "pw\n", "adduser", "bob@example.org").status());
    }

    @Test
    void missingPasswordIsRefused() {
        CliRun run = CliRun.run(home, "", "adduser", "alice@localhost");
        assertEquals(1, run.status(), run.toString());
        assertEquals("xmppd: no password given on standard input" + NL, run.err());
        try (Storage storage = openStorage()) {
            assertFalse(storage.users().exists(ALICE));
        }
    }

    @Test
    void unknownUserCannotChangePasswordOrBeDeleted() {
        CliRun passwd = CliRun.run(home, "pw\n", "passwd", "nobody@localhost");
        assertEquals(1, passwd.status(), passwd.toString());
        assertEquals("xmppd: no such user: nobody@localhost" + NL, passwd.err());
        CliRun deluser = CliRun.run(home, "", "deluser", "nobody@localhost");
        assertEquals(1, deluser.status(), deluser.toString());
        assertEquals("xmppd: no such user: nobody@localhost" + NL, deluser.err());
    }

    @Test
    void badConfigStopsAccountCommands() throws IOException {
        Files.writeString(home.resolve("conf/xmppd.yml"), "hosts: [localhost]\nmodulez: []\n");
        CliRun run = CliRun.run(home, "pw\n", "adduser", "alice@localhost");
        assertEquals(1, run.status(), run.toString());
        assertEquals("xmppd: " + home.resolve("conf/xmppd.yml") + ": unknown key 'modulez'" + NL, run.err());
    }

    private void assertPassword(String password, boolean matches) {
        try (Storage storage = openStorage()) {
            UserStore users = storage.users();
            for (String mechanism : new String[] {ScramCredential.SCRAM_SHA_1, ScramCredential.SCRAM_SHA_256}) {
                ScramCredential credential = users.credential(ALICE, mechanism).orElseThrow();
                assertEquals(4096, credential.iterations());
                assertEquals(matches, ScramCredentials.verify(credential, password), mechanism);
            }
        }
    }

    private Storage openStorage() {
        return Storage.open(StorageConfig.defaults(), home.resolve("data"));
    }
}
