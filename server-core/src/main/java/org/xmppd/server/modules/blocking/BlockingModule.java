package org.xmppd.server.modules.blocking;

import org.xmppd.server.module.DiscoTarget;
import org.xmppd.server.module.IqHandler;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.module.StorageGuard;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;

/**
 * XEP-0191: Blocking Command.
 * <pre>
 * C: &lt;iq type='set' id='b1'&gt;&lt;block xmlns='urn:xmpp:blocking'&gt;&lt;item jid='romeo@example.net'/&gt;&lt;/block&gt;&lt;/iq&gt;
 * S: &lt;iq type='result' id='b1'/&gt;   (and a push of the same block to every resource that retrieved the list)
 * </pre>
 * The policy runs before every other hook (roster, presence, carbons, offline storage), so a
 * blocked stanza has no effect anywhere.
 */
@Xep(number = 191, version = "1.3")
public final class BlockingModule implements XmppModule {
    public static final String NAMESPACE = "urn:xmpp:blocking";
    static final int PRIORITY = 1000;

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public void start(ModuleContext context) {
        BlockLists lists = new BlockLists(context.storage().userData());
        BlockingCommands commands = new BlockingCommands(lists, context.sessions(), context.router(),
                context.storage().roster());
        context.onIq(IqRoute.get("blocklist", NAMESPACE).toAccounts(), commands::blocklist);
        context.onIq(IqRoute.set("block", NAMESPACE).toAccounts(), IqHandler.withoutPayloadOnError(commands::block));
        context.onIq(IqRoute.set("unblock", NAMESPACE).toAccounts(), IqHandler.withoutPayloadOnError(commands::unblock));

        // §3.1: clients ask their server's disco for the feature; the requests go to the account.
        context.feature(DiscoTarget.SERVER, NAMESPACE);

        BlockingPolicy policy = new BlockingPolicy(lists, context.sessions(), context.server());
        context.onMessage(StanzaPhase.SENT, PRIORITY, StorageGuard.of(name(), policy::sent));
        context.onPresence(StanzaPhase.SENT, PRIORITY, StorageGuard.of(name(), policy::sent));
        context.onIq(StanzaPhase.SENT, PRIORITY, StorageGuard.of(name(), policy::sent));
        context.onMessage(StanzaPhase.DELIVER, PRIORITY, StorageGuard.of(name(), policy::deliver));
        context.onPresence(StanzaPhase.DELIVER, PRIORITY, StorageGuard.of(name(), policy::deliver));
        context.onIq(StanzaPhase.DELIVER, PRIORITY, StorageGuard.of(name(), policy::deliver));
    }
}
