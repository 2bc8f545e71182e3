package org.xmppd.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;

/**
 * A raw-socket script driver for the edge cases Smack will not produce (malformed XML, DTDs,
 * oversized stanzas, wrong namespaces): it writes exactly the text it is given and reads what the
 * server answers. Not thread-safe; one test drives it.
 */
final class RawXmppClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String STREAM_HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='" + TestServer.DOMAIN + "' version='1.0'>";
    private static final Pattern STREAM_ERROR = Pattern.compile(
            "<stream:error>\\s*<([a-z-]+)\\s+xmlns=['\"]urn:ietf:params:xml:ns:xmpp-streams['\"]");
    private static final Pattern BOUND_JID = Pattern.compile("<jid>([^<]+)</jid>");

    private final TestServer server;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    /** Characters of {@link #received} already returned up to a matched needle. */
    private int consumed;
    private boolean eof;
    private String boundJid;

    private RawXmppClient(TestServer server, Socket socket) throws IOException {
        this.server = server;
        this.port = socket.getPort();
        use(socket);
    }

    /** A plain connection to the STARTTLS port. */
    static RawXmppClient connect(TestServer server) throws IOException {
        return new RawXmppClient(server, new Socket("127.0.0.1", server.c2sPort()));
    }

    /** A connection to the direct TLS port (XEP-0368), TLS handshake done. */
    static RawXmppClient connectDirectTls(TestServer server) throws IOException {
        SSLSocket tls = (SSLSocket) server.clientTls().getSocketFactory()
                .createSocket("127.0.0.1", server.directTlsPort());
        tls.startHandshake();
        return new RawXmppClient(server, tls);
    }

    /** Connects over STARTTLS, authenticates with PLAIN and binds {@code resource} (null: server-chosen). */
    static RawXmppClient loginAndBind(TestServer server, String user, String password, String resource)
            throws IOException {
        RawXmppClient client = connect(server);
        client.openStream();
        client.starttls();
        client.openStream();
        client.authPlain(user, password);
        client.openStream();
        client.bind(resource);
        return client;
    }

    private void use(Socket newSocket) throws IOException {
        socket = newSocket;
        in = newSocket.getInputStream();
        out = newSocket.getOutputStream();
    }

    void send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Reads until the unconsumed text contains {@code needle}; returns all unconsumed text read so
     * far and marks it consumed up to the end of the needle.
     *
     * @throws AssertionError when the needle does not come in time or the connection closes first
     */
    String readUntil(String needle, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = text();
            int at = text.indexOf(needle, consumed);
            if (at >= 0) {
                String result = text.substring(consumed);
                consumed = at + needle.length();
                return result;
            }
            if (eof || !readSome(deadline)) {
                throw new AssertionError((eof ? "closed" : "timed out") + " waiting for " + needle
                        + "; unconsumed: " + text.substring(consumed));
            }
        }
    }

    String readUntil(String needle) throws IOException {
        return readUntil(needle, TIMEOUT);
    }

    /** Reads until the server closes the connection; true if it did within {@code timeout}. */
    boolean awaitClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!eof) {
            if (!readSome(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** Everything received since the connection opened. */
    String text() {
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Reads until the server ends the stream and returns the stream error condition it sent, or null. */
    String awaitStreamError() throws IOException {
        readUntil("</stream:stream>");
        Matcher matcher = STREAM_ERROR.matcher(text());
        return matcher.find() ? matcher.group(1) : null;
    }

    /** One read; false on timeout. Sets {@link #eof} when the peer closed or reset the connection. */
    private boolean readSome(long deadline) throws IOException {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            return false;
        }
        socket.setSoTimeout((int) remainingMillis);
        byte[] buffer = new byte[8192];
        try {
            int n = in.read(buffer);
            if (n < 0) {
                eof = true;
            } else {
                received.write(buffer, 0, n);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // A reset after the server's close is a close as far as the tests are concerned.
            eof = true;
            return true;
        }
    }

    /** Sends the stream header and returns the header and features the server answers with. */
    String openStream() throws IOException {
        send(STREAM_HEADER);
        return readUntil("</stream:features>");
    }

    /** RFC 6120 §5.4.2: STARTTLS, then the TLS handshake on the same socket. */
    void starttls() throws IOException {
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        readUntil("<proceed");
        readUntil(">");
        SSLSocket tls = (SSLSocket) server.clientTls().getSocketFactory()
                .createSocket(socket, TestServer.DOMAIN, port, true);
        tls.startHandshake();
        use(tls);
    }

    /** SASL PLAIN (RFC 4616) with an initial response; asserts success. */
    void authPlain(String user, String password) throws IOException {
        send(plainAuth(user, password));
        String answer = readUntil("success");
        if (answer.contains("<failure")) {
            throw new AssertionError("authentication failed: " + answer);
        }
        readUntil(">");
    }

    static String plainAuth(String user, String password) {
        String response = Base64.getEncoder().encodeToString(
                ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + response + "</auth>";
    }

    /** RFC 6120 §7: binds {@code resource} (null: let the server choose) and returns the full JID. */
    String bind(String resource) throws IOException {
        String request = resource == null ? "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                : "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource + "</resource></bind>";
        send("<iq type='set' id='bind-1'>" + request + "</iq>");
        String answer = readUntil("</iq>");
        Matcher jid = BOUND_JID.matcher(answer);
        if (!jid.find()) {
            throw new AssertionError("no bound JID in " + answer);
        }
        boundJid = jid.group(1);
        return boundJid;
    }

    /** The full JID the last {@link #bind} returned, or null. */
    String jid() {
        return boundJid;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
