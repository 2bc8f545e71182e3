package org.xmppd.load.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.security.sasl.SaslException;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.xmppd.codec.Element;
import org.xmppd.codec.Namespaces;
import org.xmppd.codec.ParserLimits;
import org.xmppd.codec.StreamErrorException;
import org.xmppd.codec.StreamHandler;
import org.xmppd.codec.StreamOpen;
import org.xmppd.codec.XmppStreamParser;

/**
 * One client connection and its negotiation (RFC 6120 §5-§7, RFC 6121 §2.1.3 and §4.2, XEP-0077).
 * The IO events of a connection arrive on one MINA processor thread; {@link #send} and
 * {@link #close} may be called from any thread, and the single outcome (ready or failed) is
 * guarded so a timeout racing the IO thread reports once.
 */
public final class XmppClient {
    /** What the connection is for. */
    public enum Goal { LOGIN, REGISTER }

    private enum Phase { CONNECTING, STREAM, TLS, AUTH, BIND, SESSION, ROSTER, REGISTER, READY, CLOSING }

    private final long id;
    private final ClientSettings settings;
    private final Account account;
    private final Goal goal;
    private final ClientListener listener;
    private final SSLContext tls;
    private final SaltedPasswordCache saltCache;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Phase phase = Phase.CONNECTING;
    private volatile IoSession session;
    private volatile long readyNanos;
    private volatile String jid;
    private volatile Future<?> expiry;
    private volatile String closeReason;
    private XmppStreamParser parser;
    private ScramSha1Client scram;
    private boolean secured;
    private boolean authenticated;
    private boolean sessionRequired;

    XmppClient(long id, ClientSettings settings, Account account, Goal goal, ClientListener listener, SSLContext tls,
            SaltedPasswordCache saltCache) {
        this.id = id;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.account = Objects.requireNonNull(account, "account");
        this.goal = Objects.requireNonNull(goal, "goal");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.saltCache = Objects.requireNonNull(saltCache, "saltCache");
    }

    /** A number unique within the launcher that made this client. */
    public long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    /** The full JID the server bound (RFC 6120 §7.6.1), or null before binding. */
    public String jid() {
        return jid;
    }

    /** Nanoseconds from launch to ready; only meaningful after {@link ClientListener#ready}. */
    public long setupNanos() {
        return readyNanos - startedNanos;
    }

    /** Why the connection ended (or will end): the first problem seen, else a close by the server. */
    public String closeReason() {
        String reason = closeReason;
        return reason == null ? "closed by the server" : reason;
    }

    public boolean isReady() {
        return phase == Phase.READY;
    }

    /** Writes raw XML; ignored unless connected. */
    public void send(String xml) {
        IoSession current = session;
        if (current != null && current.isConnected()) {
            current.write(IoBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Sends a chat message (RFC 6121 §5.2.2) to {@code to}. */
    public void sendChat(String to, String messageId, String body) {
        send(Stanzas.chat(to, messageId, body));
    }

    /** Ends the stream politely (RFC 6120 §4.4) and closes once the close tag is written. */
    public void close() {
        // Whatever was under way is abandoned without a report: the caller is done with this client.
        finished.set(true);
        phase = Phase.CLOSING;
        IoSession current = session;
        if (current != null && current.isConnected()) {
            send(Stanzas.CLOSE);
            current.closeOnFlush();
        }
    }

    /** Bytes waiting in MINA's write queue: a server that stops reading shows here. */
    public long queuedBytes() {
        IoSession current = session;
        return current == null ? 0 : current.getScheduledWriteBytes();
    }

    /** The launcher's timer for {@link #expire}; cancelled once there is an outcome. */
    void expireAfter(Future<?> timer) {
        expiry = timer;
        if (finished.get()) {
            timer.cancel(false);
        }
    }

    void opened(IoSession opened) {
        session = opened;
        openStream();
    }

    void connectFailed(Throwable cause) {
        fail("connect: " + cause);
    }

    /** Called by the launcher's timer: a goal not reached by now is a failure. */
    void expire() {
        if (!finished.get()) {
            fail("timeout in phase " + phase);
        }
    }

    void received(IoBuffer buffer) {
        try {
            parser.feed(buffer.buf());
        } catch (StreamErrorException e) {
            fail("unparsable input from server: " + e.getMessage());
        }
    }

    void tlsSecured() {
        openStream();
    }

    void closed() {
        if (!finished.get()) {
            fail("connection closed in phase " + phase);
        }
        listener.closed(this);
    }

    void failed(Throwable cause) {
        fail("IO error in phase " + phase + ": " + cause);
    }

    private void openStream() {
        parser = new XmppStreamParser(ParserLimits.DEFAULT, new Handler());
        phase = Phase.STREAM;
        send(Stanzas.header(settings.domain()));
    }

    /** Ends the connection because of {@code reason}; the first reason is the one kept. */
    private void fail(String reason) {
        if (phase == Phase.CLOSING) {
            return;
        }
        if (closeReason == null) {
            closeReason = reason;
        }
        finish(reason);
        IoSession current = session;
        if (current != null) {
            current.closeNow();
        }
    }

    /** Reports the outcome once: ready when {@code failure} is null; true if this call reported. */
    private boolean finish(String failure) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        Future<?> timer = expiry;
        if (timer != null) {
            timer.cancel(false);
        }
        if (failure == null) {
            readyNanos = System.nanoTime();
            listener.ready(this);
        } else {
            listener.failed(this, failure);
        }
        return true;
    }

    private void onElement(Element element) throws SaslException {
        if (element.is("features", Namespaces.STREAMS)) {
            onFeatures(element);
        } else if (element.namespace().equals(Namespaces.TLS)) {
            onTls(element);
        } else if (element.namespace().equals(Namespaces.SASL)) {
            onSasl(element);
        } else if (element.is("iq", Namespaces.CLIENT)) {
            onIq(element);
        } else if (element.is("message", Namespaces.CLIENT) && phase == Phase.READY) {
            listener.message(this, element);
        } else if (element.is("presence", Namespaces.CLIENT) && phase == Phase.READY) {
            listener.presence(this, element);
        } else if (element.is("error", Namespaces.STREAMS)) {
            fail("stream error " + element.firstElement().map(Element::name).orElse("?"));
        }
    }

    private void onFeatures(Element features) {
        if (settings.security() == Security.STARTTLS && !secured) {
            if (features.child("starttls", Namespaces.TLS).isEmpty()) {
                fail("server offers no STARTTLS");
                return;
            }
            phase = Phase.TLS;
            send(Stanzas.STARTTLS);
        } else if (goal == Goal.REGISTER) {
            phase = Phase.REGISTER;
            send(Stanzas.register("reg", account));
        } else if (!authenticated) {
            startAuth(features);
        } else {
            sessionRequired = features.child("session", Namespaces.SESSION)
                    .map(s -> s.child("optional", Namespaces.SESSION).isEmpty()).orElse(false);
            phase = Phase.BIND;
            send(Stanzas.bind("bind", account.resource()));
        }
    }

    private void startAuth(Element features) {
        String wanted = settings.mechanism().saslName();
        boolean offered = features.child("mechanisms", Namespaces.SASL).stream()
                .flatMap(m -> m.elements().stream()).anyMatch(m -> m.text().equals(wanted));
        if (!offered) {
            fail("server does not offer " + wanted + (secured ? "" : " without TLS"));
            return;
        }
        phase = Phase.AUTH;
        if (settings.mechanism() == Mechanism.PLAIN) {
            send(Stanzas.auth(Mechanism.PLAIN, "\0" + account.username() + "\0" + account.password()));
            return;
        }
        scram = new ScramSha1Client(account.username(), account.password(), Long.toHexString(id) + "x"
                + Long.toHexString(System.nanoTime()), saltCache);
        send(Stanzas.auth(Mechanism.SCRAM_SHA_1, scram.clientFirstMessage()));
    }

    private void onTls(Element element) {
        if (!element.name().equals("proceed")) {
            fail("STARTTLS refused: " + element.name());
            return;
        }
        // RFC 6120 §5.4.3.3: TLS starts right after <proceed/>; the stream restarts once secured
        // (SslEvent.SECURED reaches tlsSecured()).
        secured = true;
        session.getFilterChain().addFirst("tls", new SslFilter(tls));
    }

    private void onSasl(Element element) throws SaslException {
        switch (element.name()) {
            case "challenge" -> send(Stanzas.response(scram.clientFinalMessage(decode(element.text()))));
            case "success" -> {
                if (scram != null) {
                    scram.verifyServerFinal(decode(element.text()));
                }
                authenticated = true;
                openStream();
            }
            default -> fail("SASL " + element.name() + ": "
                    + element.firstElement().map(Element::name).orElse("?"));
        }
    }

    private void onIq(Element iq) {
        String type = iq.attributeOrNull("type");
        if ("get".equals(type) || "set".equals(type)) {
            send(Stanzas.reply(iq));
            return;
        }
        String iqId = iq.attributeOrNull("id");
        if (phase == Phase.READY) {
            // Negotiation is over: answers now belong to requests of the scenario.
            listener.iqResponse(this, iq);
            return;
        }
        if ("error".equals(type)) {
            fail("iq " + iqId + " error: " + iq.child("error", Namespaces.CLIENT)
                    .flatMap(e -> e.childIn(Namespaces.STANZA_ERRORS)).map(Element::name).orElse("?"));
            return;
        }
        switch (iqId == null ? "" : iqId) {
            case "bind" -> onBound(iq);
            case "sess" -> requestRoster();
            case "roster" -> {
                send(Stanzas.PRESENCE);
                phase = Phase.READY;
                finish(null);
            }
            case "reg" -> finish(null);
            default -> {
                // A result we did not ask for this way (none expected); nothing waits for it.
            }
        }
    }

    private void onBound(Element iq) {
        jid = iq.child("bind", Namespaces.BIND).flatMap(b -> b.childText("jid", Namespaces.BIND)).orElse(null);
        if (jid == null) {
            fail("bind result without a JID");
        } else if (sessionRequired) {
            // RFC 3921 §3 session establishment, still required by servers that do not mark it optional.
            phase = Phase.SESSION;
            send(Stanzas.session("sess"));
        } else {
            requestRoster();
        }
    }

    private void requestRoster() {
        phase = Phase.ROSTER;
        send(Stanzas.rosterGet("roster"));
    }

    private static String decode(String base64) {
        String trimmed = base64.trim();
        if (trimmed.isEmpty() || trimmed.equals("=")) {
            return "";
        }
        return new String(Base64.getDecoder().decode(trimmed), StandardCharsets.UTF_8);
    }

    /** Feeds parser events into the negotiation; a protocol failure closes the connection. */
    private final class Handler implements StreamHandler {
        @Override
        public void streamOpened(StreamOpen open) {
            // The header carries nothing the client needs; features follow (RFC 6120 §4.3.2).
        }

        @Override
        public void element(Element element) {
            try {
                onElement(element);
            } catch (SaslException | IllegalArgumentException e) {
                fail("SASL: " + e.getMessage());
            }
        }

        @Override
        public void streamClosed() {
            fail("server closed the stream in phase " + phase);
        }
    }
}
