package org.xmppd.pubsub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/** Nodes, items, subscriptions and affiliations survive closing and reopening the H2 database. */
class RestartTest {
    @TempDir
    Path dataDir;

    private static PubSubService service(Storage storage, BareJid jid) {
        return new PubSubService(jid, new NodeRepository(storage.nodes(), 100, 100),
                ServicePolicy.service(NodeConfig.serviceDefaults(10), 100, j -> true), Relations.NONE,
                Clock.systemUTC(), () -> java.util.UUID.randomUUID().toString());
    }

    @Test
    void everythingComesBackAfterARestart() throws Exception {
        BareJid domain = JidCreate.bareFrom("pubsub.example.org");
        Jid alice = JidCreate.from("alice@example.org/desk");
        Jid bob = JidCreate.from("bob@example.org");
        BareJid pepOwner = JidCreate.bareFrom("carol@example.org");
        try (Storage storage = Storage.open(StorageConfig.defaults(), dataDir)) {
            PubSubService service = service(storage, domain);
            service.create(alice, "news", Map.of(NodeConfigFields.ACCESS_MODEL, List.of("whitelist"),
                    NodeConfigFields.MAX_ITEMS, List.of("5"))).value();
            service.setAffiliations(alice, "news", Map.of(bob.asBareJid(), Affiliation.MEMBER)).value();
            service.subscribe(bob, "news", bob, Map.of(Subscription.DELIVER, "true")).value();
            service.publish(alice, "news", "one", "<x xmlns='urn:test'>1</x>", true, null).value();
            PubSubService pep = new PubSubService(pepOwner, new NodeRepository(storage.nodes(), 100, 100),
                    ServicePolicy.pep(pepOwner, NodeConfig.pepDefaults(), 100), Relations.NONE, Clock.systemUTC(),
                    () -> "id");
            pep.publish(JidCreate.from("carol@example.org/phone"), "urn:xmpp:avatar:metadata", "h",
                    "<metadata xmlns='urn:xmpp:avatar:metadata'/>", true, null).value();
        }
        try (Storage storage = Storage.open(StorageConfig.defaults(), dataDir)) {
            PubSubService service = service(storage, domain);
            NodeSnapshot news = service.node("news").orElseThrow();
            assertEquals(AccessModel.WHITELIST, news.config().accessModel());
            assertEquals(5, news.config().maxItems());
            assertEquals(Affiliation.MEMBER, news.affiliations().get(bob.asBareJid()));
            assertEquals(Affiliation.OWNER, news.affiliations().get(alice.asBareJid()));
            assertEquals(List.of(bob), news.subscriptions().stream().map(Subscription::jid).toList());
            assertEquals("<x xmlns='urn:test'>1</x>", service.items(bob, "news", List.of(), 0).value().get(0).payload());
            assertEquals(List.of("urn:xmpp:avatar:metadata"), new NodeRepository(storage.nodes(), 10, 10)
                    .names(pepOwner));
        }
    }
}
