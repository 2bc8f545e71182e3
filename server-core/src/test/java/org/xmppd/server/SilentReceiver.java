package org.xmppd.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A client that enables XEP-0198 and then reads and acknowledges nothing: every message the
 * server hands it stays in flight on the server. {@link #drop()} cuts the connection without a
 * closing tag. For the kill -9 test: a client that acknowledges could confirm messages it never
 * gets to show (Smack counts a stanza when it parses it, before its listeners run).
 */
final class SilentReceiver {
    private final Socket plain;
    private SSLSocket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder text = new StringBuilder();
    private int scanned;

    SilentReceiver(int port) throws IOException {
        plain = new Socket("127.0.0.1", port);
        in = plain.getInputStream();
        out = plain.getOutputStream();
    }

    /** STARTTLS, PLAIN, bind, {@code <enable resume='true'/>} and initial presence. */
    void login(SSLContext tls, String user, String password) throws IOException {
        open();
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        readUntil("<proceed");
        readUntil(">");
        socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, TestServer.DOMAIN, plain.getPort(), true);
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
        open();
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + Base64.getEncoder()
                .encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)) + "</auth>");
        readUntil("<success");
        open();
        send("<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>r</resource></bind></iq>");
        readUntil("</iq>");
        send("<enable xmlns='urn:xmpp:sm:3' resume='true'/><presence/>");
        readUntil("<enabled");
    }

    private void open() throws IOException {
        send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " to='" + TestServer.DOMAIN + "' version='1.0'>");
        readUntil("</stream:features>");
    }

    private void send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void readUntil(String needle) throws IOException {
        socketOrPlain().setSoTimeout((int) Duration.ofSeconds(10).toMillis());
        byte[] buffer = new byte[8192];
        while (text.indexOf(needle, scanned) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("closed while waiting for " + needle + ": " + text.substring(scanned));
            }
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        scanned = text.indexOf(needle, scanned) + needle.length();
    }

    private Socket socketOrPlain() {
        return socket != null ? socket : plain;
    }

    /** Cuts the connection: no closing tag, no acknowledgement. */
    void drop() throws IOException {
        socketOrPlain().close();
    }
}
