package org.xmppd.server.stream.sm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppd.server.module.Xml;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/** Which messages durable delivery writes down before sending them (on a real H2 store). */
class DeliveryJournalTest {
    @TempDir
    Path dataDir;
    private Storage storage;
    private DeliveryJournal journal;

    @BeforeEach
    void open() {
        storage = Storage.open(StorageConfig.defaults(), dataDir);
        journal = new DeliveryJournal(storage.offline(), true);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void keepsMessagesWithContent() {
        assertTrue(journal.keeps(Xml.parseElement("<message xmlns='jabber:client' type='chat'><body>hi</body></message>")));
        assertTrue(journal.keeps(Xml.parseElement("<message xmlns='jabber:client'><received xmlns='urn:xmpp:receipts' id='1'/></message>")));
    }

    @Test
    void leavesOutWhatIsKeptElsewhereOrTransient() {
        assertFalse(journal.keeps(Xml.parseElement("<message xmlns='jabber:client' type='chat'>"
                + "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>")), "chat state");
        assertFalse(journal.keeps(Xml.parseElement("<message xmlns='jabber:client' type='groupchat'><body>x</body></message>")));
        assertFalse(journal.keeps(Xml.parseElement("<message xmlns='jabber:client'><result xmlns='urn:xmpp:mam:2' id='1'>"
                + "<forwarded xmlns='urn:xmpp:forward:0'/></result></message>")), "archive result");
        assertFalse(journal.keeps(Xml.parseElement("<message xmlns='jabber:client' type='chat'><received xmlns='urn:xmpp:carbons:2'>"
                + "<forwarded xmlns='urn:xmpp:forward:0'/></received></message>")), "carbon copy");
        assertFalse(new DeliveryJournal(storage.offline(), false).keeps(
                Xml.parseElement("<message xmlns='jabber:client' type='chat'><body>hi</body></message>")), "turned off");
    }
}
