package org.xmppd.pubsub.engine;

import java.nio.file.Path;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.storage.Storage;

/**
 * What the engine test classes share: one H2 store per class, and per test a fresh fixture with
 * its service and two users.
 */
abstract class EngineTestBase {
    @TempDir
    static Path dir;
    private static Storage storage;
    EngineFixture fx;
    PubSubService service;
    Jid alice;
    Jid bob;

    @BeforeAll
    static void openStorage() {
        storage = EngineFixture.openStorage(dir);
    }

    @AfterAll
    static void closeStorage() {
        storage.close();
    }

    /** Who may create nodes on {@link #service}; everybody unless a test class says otherwise. */
    Predicate<BareJid> mayCreate() {
        return jid -> true;
    }

    @BeforeEach
    void open() {
        fx = new EngineFixture(storage);
        service = fx.service(mayCreate());
        alice = fx.jid("alice/desk");
        bob = fx.jid("bob/phone");
    }
}
