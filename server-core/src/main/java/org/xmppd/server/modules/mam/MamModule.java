package org.xmppd.server.modules.mam;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.xmppd.server.module.DiscoTarget;
import org.xmppd.server.module.IqHandler;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.storage.ArchiveIds;
import org.xmppd.storage.ArchiveStore;

/**
 * XEP-0313: Message Archive Management. Every account has an archive of the one-to-one
 * messages it sends and receives (by its preferences), queried with filters and RSM paging.
 * <pre>
 * C: &lt;iq type='set' id='q1'&gt;&lt;query xmlns='urn:xmpp:mam:2' queryid='f27'&gt;
 *      &lt;set xmlns='http://jabber.org/protocol/rsm'&gt;&lt;max&gt;50&lt;/max&gt;&lt;before/&gt;&lt;/set&gt;&lt;/query&gt;&lt;/iq&gt;
 * S: &lt;message to='juliet@example.com/balcony'&gt;&lt;result xmlns='urn:xmpp:mam:2' queryid='f27' id='...'&gt;
 *      &lt;forwarded xmlns='urn:xmpp:forward:0'&gt;&lt;delay .../&gt;&lt;message .../&gt;... (one per message)
 * S: &lt;iq type='result' id='q1'&gt;&lt;fin xmlns='urn:xmpp:mam:2'&gt;&lt;set ...&gt;&lt;first&gt;...&lt;last&gt;...
 * </pre>
 */
@Xep(number = 313, version = "1.1.3")
public final class MamModule implements XmppModule {
    public static final String NAMESPACE = "urn:xmpp:mam:2";
    /** After blocking (a refused message is not archived), before carbons and offline storage (their copies carry the stanza id). */
    static final int PRIORITY = 700;

    private ArchiveWriter writer;
    private ScheduledExecutorService retention;

    @Override
    public String name() {
        return "mam";
    }

    @Override
    public Class<?> configType() {
        return MamConfig.class;
    }

    @Override
    public void start(ModuleContext context) {
        MamConfig config = context.config(MamConfig.class);
        ArchiveStore store = context.storage().archive();
        Clock clock = Clock.systemUTC();
        writer = new ArchiveWriter(store, "mam-writer");
        ArchivingPolicy policy = new ArchivingPolicy(context.storage().userData(), context.storage().roster(),
                config.defaultPolicy());
        MessageArchiver archiver = new MessageArchiver(policy, writer, new ArchiveIds(), clock, context.server(),
                new MessageRetraction(store, writer, clock));
        context.onMessage(StanzaPhase.SENT, PRIORITY, archiver::sent);
        context.rewriteMessages(StanzaPhase.DELIVER, PRIORITY, archiver::delivered);
        context.onAccountRemoved(policy::forget); // the archive itself is a core store, deleted with the account

        AccountArchiveHandlers handlers = new AccountArchiveHandlers(store,
                new ArchiveReader(store, writer, config.defaultPageSize(), config.maxPageSize()), policy,
                context.sessions());
        context.onIq(IqRoute.set("query", NAMESPACE).toAccounts(), answer(handlers::query));
        context.onIq(IqRoute.get("query", NAMESPACE).toAccounts(), answer(handlers::form));
        context.onIq(IqRoute.get("metadata", NAMESPACE).toAccounts(), answer(handlers::metadata));
        context.onIq(IqRoute.get("prefs", NAMESPACE).toAccounts(), answer(handlers::getPrefs));
        context.onIq(IqRoute.set("prefs", NAMESPACE).toAccounts(), answer(handlers::setPrefs));
        context.onIq(IqRoute.set("delete", AccountArchiveHandlers.DELETE_NAMESPACE).toAccounts(), answer(handlers::delete));
        context.feature(DiscoTarget.ACCOUNT, NAMESPACE + "#extended");
        context.feature(DiscoTarget.ACCOUNT, StanzaIds.NAMESPACE);
        context.feature(DiscoTarget.SERVER, MessageRetraction.NAMESPACE);
        context.feature(DiscoTarget.ACCOUNT, MessageRetraction.NAMESPACE);

        retention = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mam-retention");
            thread.setDaemon(true);
            return thread;
        });
        retention.scheduleWithFixedDelay(new ArchiveRetention(store, config, clock), 1,
                config.retentionIntervalMinutes(), TimeUnit.MINUTES);
    }

    /** Errors without the request's payload: Smack fails on echoed forms and preferences it would not send. */
    private static IqHandler answer(IqHandler handler) {
        return IqHandler.withoutPayloadOnError(handler);
    }

    @Override
    public void stop() {
        if (retention != null) {
            retention.shutdownNow();
        }
        if (writer != null) {
            writer.close();
        }
    }
}
