package org.xmppd.server.modules.push;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.server.component.ComponentClient;

/**
 * An XMPP push service (XEP-0357 §3) as an external component: it records every publish and
 * answers with a result, or with {@code item-not-found} for the nodes in {@link #gone} and a
 * {@code wait} error for the nodes in {@link #busy}. It identifies as {@code pubsub/push} (§4.2);
 * other requests get {@code service-unavailable}, so clients probing services never wait on it.
 */
final class TestPushService implements AutoCloseable {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String DATA = "jabber:x:data";
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";

    /** One received publish: sender, node, the summary form's fields and the publish options' fields. */
    record Publish(String from, String node, Map<String, String> summary, Map<String, String> options) {
    }

    final Set<String> gone = ConcurrentHashMap.newKeySet();
    final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final ComponentClient component;
    private final BlockingQueue<Publish> publishes = new LinkedBlockingQueue<>();

    TestPushService(InetSocketAddress server, String domain, String secret) throws Exception {
        component = ComponentClient.login(server, domain, secret);
        component.respondWith(this::answer);
    }

    /** The next publish; fails after five seconds. */
    Publish next() throws InterruptedException {
        Publish publish = publishes.poll(5, TimeUnit.SECONDS);
        if (publish == null) {
            throw new AssertionError("no publish reached the push service");
        }
        return publish;
    }

    private Element answer(Element stanza) {
        String type = stanza.attributeOrNull("type");
        if (!stanza.is("iq", ComponentClient.NS) || !("get".equals(type) || "set".equals(type))) {
            return null;
        }
        Element.Builder reply = Element.builder("iq", ComponentClient.NS).attribute("id", stanza.attributeOrNull("id"))
                .attribute("from", stanza.attributeOrNull("to")).attribute("to", stanza.attributeOrNull("from"));
        Element pubsub = stanza.childOrNull("pubsub", PUBSUB);
        Element publish = pubsub == null ? null : pubsub.childOrNull("publish", PUBSUB);
        if (publish != null) {
            return published(publish, pubsub, stanza, reply);
        }
        if (stanza.childOrNull("query", DISCO_INFO) != null) {
            return reply.attribute("type", "result").child(Element.builder("query", DISCO_INFO)
                    .child(Element.builder("identity", DISCO_INFO).attribute("category", "pubsub")
                            .attribute("type", "push").build())
                    .child(Element.builder("feature", DISCO_INFO).attribute("var", "urn:xmpp:push:0").build())
                    .build()).build();
        }
        return error(reply, "service-unavailable", "cancel");
    }

    private Element published(Element publish, Element pubsub, Element stanza, Element.Builder reply) {
        String node = publish.attributeOrNull("node");
        Element notification = publish.childOrNull("item", PUBSUB).childOrNull("notification", "urn:xmpp:push:0");
        Element options = pubsub.childOrNull("publish-options", PUBSUB);
        publishes.add(new Publish(stanza.attributeOrNull("from"), node, fields(notification.childOrNull("x", DATA)),
                options == null ? Map.of() : fields(options.childOrNull("x", DATA))));
        if (gone.contains(node)) {
            return error(reply, "item-not-found", "cancel");
        }
        if (busy.contains(node)) {
            return error(reply, "resource-constraint", "wait");
        }
        return reply.attribute("type", "result").build();
    }

    private static Element error(Element.Builder reply, String condition, String type) {
        return reply.attribute("type", "error").child(Element.builder("error", ComponentClient.NS)
                .attribute("type", type).child(Element.of(condition, Namespaces.STANZA_ERRORS)).build()).build();
    }

    private static Map<String, String> fields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element field : form.elements()) {
            fields.put(field.attributeOrNull("var"), field.childText("value", DATA).orElse(null));
        }
        return fields;
    }

    @Override
    public void close() throws java.io.IOException {
        component.close();
    }
}
