package org.xmppd.pubsub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.XmlWriter;
import org.xmppd.pubsub.Delivery;
import org.xmppd.pubsub.engine.NodeConfig;
import org.xmppd.pubsub.engine.NodeRepository;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Relations;
import org.xmppd.pubsub.engine.ServicePolicy;
import org.xmppd.pubsub.service.ServiceEndpoint;
import org.xmppd.storage.Storage;
import org.xmppd.storage.StorageConfig;

/**
 * One node, 1,000 subscribers: how many notifications per second the pubsub service produces.
 * Runs the real service endpoint (publish IQ parsed, engine with the H2 node store, each item
 * written and the node trimmed to max_items, notification built once and addressed per
 * subscriber) and serializes every notification as the stream would; routing, TLS and sockets
 * are left out. Run by hand:
 * <pre>
 * mvn -o -pl pubsub-module test -Dtest=FanOutBenchmark
 * </pre>
 */
class FanOutBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(FanOutBenchmark.class);
    private static final int SUBSCRIBERS = 1000;
    private static final int WARMUP = 300;
    private static final int PUBLISHES = 2000;

    @TempDir
    Path dataDir;


    @Test
    void oneNodeThousandSubscribers() throws Exception {
        run(true);
    }

    /** The same without serializing: what the engine, the store and building the messages cost. */
    @Test
    void oneNodeThousandSubscribersWithoutSerialization() throws Exception {
        run(false);
    }

    private void run(boolean serialize) throws Exception {
        AtomicLong notifications = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        try (Storage storage = Storage.open(StorageConfig.defaults(), dataDir.resolve(serialize ? "a" : "b"))) {
            DomainBareJid domain = JidCreate.domainBareFrom("pubsub.example.org");
            PubSubService service = new PubSubService(domain, new NodeRepository(storage.nodes(), 100, 1000),
                    ServicePolicy.service(NodeConfig.serviceDefaults(10), 1000, jid -> true), Relations.NONE,
                    Clock.systemUTC(), () -> UUID.randomUUID().toString());
            ServiceEndpoint endpoint = new ServiceEndpoint(service, "bench", new Delivery(stanza -> {
                if (stanza.name().equals("message")) {
                    bytes.addAndGet(serialize ? XmlWriter.toStreamXml(stanza, Namespaces.CLIENT).length() : 0);
                    notifications.incrementAndGet();
                }
            }));
            Jid owner = JidCreate.from("owner@example.org/desk");
            service.create(owner, "news", null).value();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                Jid subscriber = JidCreate.from("user" + i + "@example.org");
                service.subscribe(subscriber, "news", subscriber, java.util.Map.of()).value();
            }
            publish(endpoint, owner, WARMUP);
            notifications.set(0);
            bytes.set(0);
            long[] latencies = new long[PUBLISHES];
            long start = System.nanoTime();
            for (int i = 0; i < PUBLISHES; i++) {
                long t = System.nanoTime();
                endpoint.handle(new Iq(publishIq(owner, i)));
                latencies[i] = System.nanoTime() - t;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            LOG.info("fan-out{}: {} publishes x {} subscribers = {} notifications in {} s: {} notifications/s, "
                    + "{} publishes/s, {} MB/s serialized; publish+fan-out latency p50 {} ms, p99 {} ms",
                    serialize ? "" : " (not serialized)", PUBLISHES, SUBSCRIBERS, notifications.get(), String.format("%.2f", seconds),
                    String.format("%.0f", notifications.get() / seconds), String.format("%.0f", PUBLISHES / seconds),
                    String.format("%.1f", bytes.get() / seconds / 1e6),
                    String.format("%.2f", latencies[PUBLISHES / 2] / 1e6),
                    String.format("%.2f", latencies[PUBLISHES * 99 / 100] / 1e6));
            assertEquals((long) PUBLISHES * SUBSCRIBERS, notifications.get());
        }
    }

    private static void publish(ServiceEndpoint endpoint, Jid owner, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            endpoint.handle(new Iq(publishIq(owner, i)));
        }
    }

    private static Element publishIq(Jid owner, int i) {
        Element entry = Element.builder("entry", "http://www.w3.org/2005/Atom")
                .textChild("title", "http://www.w3.org/2005/Atom", "Update number " + i)
                .textChild("summary", "http://www.w3.org/2005/Atom",
                        "A short news item of ordinary length, as feeds carry them, about this and that.")
                .build();
        return Element.builder("iq", Namespaces.CLIENT).attribute("type", "set").attribute("id", "p" + i)
                .attribute("from", owner.toString()).attribute("to", "pubsub.example.org")
                .child(Element.builder("pubsub", "http://jabber.org/protocol/pubsub")
                        .child(Element.builder("publish", "http://jabber.org/protocol/pubsub").attribute("node", "news")
                                .child(Element.builder("item", "http://jabber.org/protocol/pubsub").child(entry).build())
                                .build())
                        .build())
                .build();
    }

}
