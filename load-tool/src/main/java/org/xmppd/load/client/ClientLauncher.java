package org.xmppd.load.client;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/**
 * Starts {@link XmppClient}s: owns the NIO connector (a few IO threads for all connections), the
 * TLS context, the SCRAM salted-password cache and the timer that fails slow clients.
 */
public final class ClientLauncher implements AutoCloseable {
    private final ClientSettings settings;
    private final SourceAddresses sources;
    private final NioSocketConnector connector;
    private final SSLContext tls = TrustAllTls.context();
    private final SaltedPasswordCache saltCache = new SaltedPasswordCache();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "client-timeouts");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong ids = new AtomicLong();

    public ClientLauncher(ClientSettings settings, SourceAddresses sources, int ioThreads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sources = Objects.requireNonNull(sources, "sources");
        // Every client schedules a timeout and nearly all are cancelled: drop them at once.
        timer.setRemoveOnCancelPolicy(true);
        this.connector = new NioSocketConnector(ioThreads);
        connector.setHandler(new ClientIoHandler());
        connector.setConnectTimeoutMillis(settings.timeout().toMillis());
        // Latency is what the chat scenario measures: no Nagle delay on small stanzas.
        connector.getSessionConfig().setTcpNoDelay(true);
        connector.getSessionConfig().setReuseAddress(true);
    }

    /** Connects a new client; the listener hears its outcome within the configured timeout. */
    public XmppClient launch(Account account, XmppClient.Goal goal, ClientListener listener) {
        XmppClient client = new XmppClient(ids.incrementAndGet(), settings, account, goal, listener, tls, saltCache);
        InetSocketAddress local = sources.nextOrNull();
        ConnectFuture future = connector.connect(settings.server(), local,
                (session, f) -> session.setAttribute(ClientIoHandler.CLIENT, client));
        future.addListener(f -> {
            ConnectFuture done = (ConnectFuture) f;
            if (!done.isConnected()) {
                client.connectFailed(done.getException());
            }
        });
        client.expireAfter(timer.schedule(client::expire, settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
        return client;
    }

    /** Stops the IO threads; connections still open are dropped. */
    @Override
    public void close() {
        timer.shutdownNow();
        connector.dispose(false);
    }
}
