package org.xmppd.load.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.xmppd.codec.Element;
import org.xmppd.load.client.ClientLauncher;
import org.xmppd.load.client.ClientListener;
import org.xmppd.load.client.XmppClient;

/**
 * The clients of a scenario, logged in together and kept by index (client {@code i} logs in as
 * the range's {@code i}-th account with resource {@code <resource><i>}); what they hear after
 * login goes to the listener the scenario gives for their index.
 */
final class Crowd {
    private final AtomicReferenceArray<XmppClient> slots;
    private final FailureTally loginFailures = new FailureTally();

    private Crowd(int size) {
        this.slots = new AtomicReferenceArray<>(size);
    }

    /** Logs in {@code size} clients, {@code concurrency} at a time, and waits for each outcome. */
    static Crowd logIn(ClientLauncher launcher, UserRange users, int size, int concurrency, String resource,
            IntFunction<ClientListener> listeners, long deadlineNanos) throws InterruptedException {
        Crowd crowd = new Crowd(size);
        new Ramp(launcher, concurrency).run(0, size, i -> users.account(i, resource + i), XmppClient.Goal.LOGIN,
                i -> crowd.new Member(i, listeners.apply(i)), deadlineNanos);
        return crowd;
    }

    /** Client {@code index} if it got online, else null. */
    XmppClient clientOrNull(int index) {
        return slots.get(index);
    }

    /** The clients that got online, in index order. */
    List<XmppClient> online() {
        List<XmppClient> online = new ArrayList<>();
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                online.add(slots.get(i));
            }
        }
        return online;
    }

    long loginErrors() {
        return loginFailures.total();
    }

    /** The most frequent login failures, for a report note. */
    String loginFailureReasons() {
        return loginFailures.top();
    }

    void closeAll() {
        online().forEach(XmppClient::close);
    }

    /** Keeps a client once it is online; passes what it hears on. */
    private final class Member implements ClientListener {
        private final int index;
        private final ClientListener delegate;

        Member(int index, ClientListener delegate) {
            this.index = index;
            this.delegate = delegate;
        }

        @Override
        public void ready(XmppClient client) {
            slots.set(index, client);
        }

        @Override
        public void failed(XmppClient client, String reason) {
            loginFailures.add(reason);
        }

        @Override
        public void message(XmppClient client, Element message) {
            delegate.message(client, message);
        }

        @Override
        public void presence(XmppClient client, Element presence) {
            delegate.presence(client, presence);
        }

        @Override
        public void iqResponse(XmppClient client, Element iq) {
            delegate.iqResponse(client, iq);
        }

        @Override
        public void closed(XmppClient client) {
            delegate.closed(client);
        }
    }
}
