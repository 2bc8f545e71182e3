package org.xmppd.load.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.ParserLimits;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.StreamHandler;
import org.xmppd.codec.StreamOpen;
import org.xmppd.codec.XmppStreamParser;

/**
 * A scripted plaintext XMPP server for one connection: SCRAM-SHA-1 with a real server signature,
 * bind, roster, then a ping and a message to the client. Blocking sockets on its own thread;
 * every element the client sends lands in {@link #received}.
 */
final class FakeServer implements AutoCloseable {
    enum Script { LOGIN, AUTH_FAILURE, REGISTER_CONFLICT }

    static final String PASSWORD = "pencil";
    private static final String SALT = "QSXCR+Q6sek8bf92";

    final BlockingQueue<Element> received = new LinkedBlockingQueue<>();
    private final ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final Script script;
    private final Thread thread;
    private OutputStream out;
    private XmppStreamParser parser;
    private boolean authenticated;
    private boolean restart = true;
    private String authMessagePrefix;

    FakeServer(Script script) throws IOException {
        this.script = script;
        this.thread = new Thread(this::serve, "fake-xmpp-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serve() {
        try (Socket socket = listener.accept()) {
            out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (restart) {
                    parser = new XmppStreamParser(ParserLimits.DEFAULT, new Handler());
                    restart = false;
                }
                parser.feed(buffer, 0, n);
            }
        } catch (IOException | StreamErrorException e) {
            received.add(Element.builder("fake-server-error", "test").text(e.toString()).build());
        }
    }

    private void write(String xml) {
        try {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("client went away", e);
        }
    }

    private void onElement(Element element) {
        received.add(element);
        switch (element.name()) {
            case "auth" -> onAuth(element);
            case "response" -> onResponse(element);
            case "iq" -> onIq(element);
            default -> {
                // presence, results of our ping: only recorded.
            }
        }
    }

    private void onAuth(Element auth) {
        if (script == Script.AUTH_FAILURE) {
            write("<failure xmlns='" + Namespaces.SASL + "'><not-authorized/></failure>");
            return;
        }
        String clientFirst = decode(auth.text());
        String clientFirstBare = clientFirst.substring(3);
        String nonce = clientFirstBare.substring(clientFirstBare.indexOf(",r=") + 3) + "server";
        String serverFirst = "r=" + nonce + ",s=" + SALT + ",i=4096";
        authMessagePrefix = clientFirstBare + "," + serverFirst + ",";
        write("<challenge xmlns='" + Namespaces.SASL + "'>" + encode(serverFirst) + "</challenge>");
    }

    private void onResponse(Element response) {
        String clientFinal = decode(response.text());
        String withoutProof = clientFinal.substring(0, clientFinal.indexOf(",p="));
        byte[] salted = SaltedPasswordCache.hi(PASSWORD.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(SALT), 4096);
        byte[] serverKey = hmac(salted, "Server Key");
        byte[] signature = hmac(serverKey, authMessagePrefix + withoutProof);
        authenticated = true;
        restart = true;
        write("<success xmlns='" + Namespaces.SASL + "'>"
                + encode("v=" + Base64.getEncoder().encodeToString(signature)) + "</success>");
    }

    private void onIq(Element iq) {
        String id = iq.attributeOrNull("id");
        if (iq.child("query", "jabber:iq:register").isPresent()) {
            write("<iq type='error' id='" + id + "'><error type='cancel'><conflict xmlns='"
                    + Namespaces.STANZA_ERRORS + "'/></error></iq>");
        } else if (iq.child("bind", Namespaces.BIND).isPresent()) {
            String resource = iq.child("bind", Namespaces.BIND).flatMap(b -> b.childText("resource", Namespaces.BIND))
                    .orElse("r");
            write("<iq type='result' id='" + id + "'><bind xmlns='" + Namespaces.BIND + "'><jid>user1@localhost/"
                    + resource + "</jid></bind></iq>");
        } else if (iq.child("query", "jabber:iq:roster").isPresent()) {
            write("<iq type='result' id='" + id + "'><query xmlns='jabber:iq:roster'/></iq>"
                    + "<iq type='get' id='ping1' from='localhost'><ping xmlns='urn:xmpp:ping'/></iq>"
                    + "<message from='user2@localhost/x' type='chat'><body>hello &amp; welcome</body></message>");
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private final class Handler implements StreamHandler {
        @Override
        public void streamOpened(StreamOpen open) {
            String features = authenticated
                    ? "<bind xmlns='" + Namespaces.BIND + "'/><session xmlns='" + Namespaces.SESSION + "'><optional/></session>"
                    : "<mechanisms xmlns='" + Namespaces.SASL + "'><mechanism>SCRAM-SHA-1</mechanism></mechanisms>";
            write(StreamOpen.header(Namespaces.CLIENT, Map.of("id", "s1", "from", "localhost"))
                    + "<stream:features>" + features + "</stream:features>");
        }

        @Override
        public void element(Element element) {
            onElement(element);
        }

        @Override
        public void streamClosed() {
            write("</stream:stream>");
        }
    }
}
