package org.xmppd.server.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.ParserLimits;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.StreamHandler;
import org.xmppd.codec.StreamOpen;
import org.xmppd.codec.XmlWriter;
import org.xmppd.codec.XmppStreamParser;

/**
 * A small external component (XEP-0114) for tests: a socket, a reader thread that parses what
 * the server sends with the server's own parser, and a queue of the stanzas received (still in
 * {@code jabber:component:accept}). An optional responder answers stanzas as they arrive, so the
 * component can act as a service (an echo bot, a push app server) while the test runs elsewhere.
 */
public final class ComponentClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final String NS = Namespaces.COMPONENT_ACCEPT;

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Element> received = new LinkedBlockingQueue<>();
    private final CountDownLatch headerArrived = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile StreamOpen header;
    private volatile String streamError;
    private volatile Function<Element, Element> responder = e -> null;

    private ComponentClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::read, "component-client-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects without opening a stream. */
    public static ComponentClient connect(InetSocketAddress server) throws IOException {
        return new ComponentClient(new Socket(server.getAddress(), server.getPort()));
    }

    /** Connects, opens a stream for {@code domain} and completes the handshake with {@code secret}. */
    public static ComponentClient login(InetSocketAddress server, String domain, String secret) throws Exception {
        ComponentClient client = connect(server);
        String id = client.open(domain);
        client.handshake(Handshake.expected(id, secret));
        return client;
    }

    /** Sends the stream header for {@code domain} and returns the stream id of the server's answer. */
    public String open(String domain) throws Exception {
        send("<?xml version='1.0'?><stream:stream xmlns='" + NS + "' xmlns:stream='" + Namespaces.STREAMS
                + "' to='" + domain + "'>");
        if (!headerArrived.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no stream header from the server");
        }
        return header.attributeOrNull("id");
    }

    /** The server's stream header, or null before it came. */
    public StreamOpen header() {
        return header;
    }

    /** Sends {@code digest} as the handshake and waits for the server's empty {@code <handshake/>}. */
    public void handshake(String digest) throws Exception {
        send("<handshake>" + digest + "</handshake>");
        Element answer = next(e -> true);
        if (!answer.is("handshake", NS)) {
            throw new AssertionError("handshake refused: " + answer.toXml() + " / stream error " + streamError);
        }
    }

    /** Answers every stanza that {@code reply} maps to a stanza (null: no answer); replies are sent as they come. */
    public void respondWith(Function<Element, Element> reply) {
        responder = reply;
    }

    public void send(String xml) throws IOException {
        synchronized (out) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Sends a stanza built in {@code jabber:component:accept}. */
    public void send(Element stanza) throws IOException {
        send(XmlWriter.toStreamXml(stanza, NS));
    }

    /** The next stanza matching {@code filter}; earlier ones are dropped. Fails after {@link #TIMEOUT}. */
    public Element next(Predicate<Element> filter) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Element element = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (element == null) {
                throw new AssertionError("nothing matching arrived at the component; stream error: " + streamError);
            }
            if (filter.test(element)) {
                return element;
            }
        }
    }

    /** What arrived and was not taken yet. */
    public BlockingQueue<Element> received() {
        return received;
    }

    /** Waits until the server ends the stream; returns its stream error condition, or null. */
    public String awaitStreamError() throws InterruptedException {
        if (!closed.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not close the stream");
        }
        return streamError;
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    private void read() {
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.DEFAULT, new Events());
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                parser.feed(buffer, 0, n);
            }
        } catch (IOException | StreamErrorException e) {
            // The connection ended or the server sent what a component cannot parse: closed.
        } finally {
            headerArrived.countDown();
            closed.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Collects the server's header, stanzas and stream error. */
    private final class Events implements StreamHandler {
        @Override
        public void streamOpened(StreamOpen open) {
            header = open;
            headerArrived.countDown();
        }

        @Override
        public void element(Element element) {
            if (element.is("error", Namespaces.STREAMS)) {
                streamError = element.elements().stream().filter(c -> c.namespace().equals(Namespaces.STREAM_ERRORS)
                        && !c.name().equals("text")).map(Element::name).findFirst().orElse("?");
                return;
            }
            received.add(element);
            Element reply = responder.apply(element);
            if (reply != null) {
                try {
                    send(reply);
                } catch (IOException e) {
                    // The test sees the closed stream.
                }
            }
        }

        @Override
        public void streamClosed() {
            closed.countDown();
        }
    }
}
