package org.xmppd.load.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xmppd.codec.Element;
import org.xmppd.load.client.XmppClient;

/**
 * Prepares the pubsub scenario's node: the publisher creates it with an open access model
 * (XEP-0060 §8.1.3; a node that exists already will do), then every client subscribes its own
 * bare JID (§6.1.1), so notifications go to the account, as for a typical subscriber.
 */
final class PubSubSetup {
    private static final String CREATE_ID = "ps-create";
    private static final String SUBSCRIBE_ID = "ps-subscribe";

    private final String service;
    private final String node;
    private final Handshakes subscriptions;
    private final CompletableFuture<String> creation = new CompletableFuture<>();

    PubSubSetup(String service, String node, int subscribers, int window) {
        this.service = service;
        this.node = node;
        this.subscriptions = new Handshakes(subscribers, window);
    }

    /** Creates the node; returns null when it is there, else why not. */
    String createNode(XmppClient publisher, long deadlineNanos) throws InterruptedException {
        publisher.send(PubSubStanzas.createOpenNode(service, node, CREATE_ID));
        try {
            return creation.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return "no answer to the node creation";
        } catch (ExecutionException e) {
            throw new IllegalStateException("the creation outcome is never exceptional", e);
        }
    }

    /** Subscribes every online client of {@code crowd}; returns once each has an outcome or the deadline passed. */
    void subscribeAll(Crowd crowd, int clients, long deadlineNanos) throws InterruptedException {
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            XmppClient client = crowd.clientOrNull(i);
            if (client != null) {
                String bare = client.jid().split("/", 2)[0];
                subscriptions.start(i, () -> client.send(PubSubStanzas.subscribe(service, node, bare, SUBSCRIBE_ID)),
                        deadlineNanos);
                started.add(i);
            }
        }
        subscriptions.awaitAll(started, deadlineNanos);
    }

    /** An IQ answer reached client {@code index}: the node creation's or a subscription's. */
    void iqResponse(int index, Element iq) {
        String id = iq.attributeOrNull("id");
        if (CREATE_ID.equals(id)) {
            // §7.1.3.x / §8.1.1: conflict means the node is there already, which is all we need.
            boolean ok = !Bounces.isError(iq) || Bounces.conditionOf(iq).equals("conflict");
            creation.complete(ok ? null : "node creation refused: " + Bounces.conditionOf(iq));
        } else if (SUBSCRIBE_ID.equals(id)) {
            if (Bounces.isError(iq)) {
                subscriptions.fail(index, "subscription refused: " + Bounces.conditionOf(iq));
                return;
            }
            String state = PubSubStanzas.subscriptionState(iq);
            if (state.equals("subscribed")) {
                subscriptions.succeed(index);
            } else {
                subscriptions.fail(index, "subscription " + state);
            }
        }
    }

    boolean subscribed(int index) {
        return subscriptions.succeeded(index);
    }

    long failures() {
        return subscriptions.failures();
    }

    String failureReasons() {
        return subscriptions.failureReasons();
    }
}
