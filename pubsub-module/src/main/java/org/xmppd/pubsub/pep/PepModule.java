package org.xmppd.pubsub.pep;

import java.time.Clock;

import org.xmppd.pubsub.RosterRelations;
import org.xmppd.pubsub.avatar.AvatarConversion;
import org.xmppd.pubsub.bookmarks.BookmarksCompat;
import org.xmppd.pubsub.caps.CapsTracker;
import org.xmppd.pubsub.engine.NodeRepository;
import org.xmppd.pubsub.xml.Features;
import org.xmppd.pubsub.xml.Ns;
import org.xmppd.server.module.DiscoTarget;
import org.xmppd.server.module.Identity;
import org.xmppd.server.module.IqRoute;
import org.xmppd.server.module.ModuleContext;
import org.xmppd.server.module.StanzaPhase;
import org.xmppd.server.module.StorageGuard;
import org.xmppd.server.module.Xep;
import org.xmppd.server.module.XmppModule;
import org.xmppd.server.modules.privatexml.PrivateXmlStore;
import org.xmppd.server.modules.vcard.VCardStore;

/**
 * XEP-0163: Personal Eventing Protocol. Every account answers pubsub requests as its own service
 * (identity {@code pubsub/pep}), learns its clients' {@code +notify} interests from their caps
 * (XEP-0115) and sends them notifications and last items accordingly.
 */
@Xep(number = 163, version = "1.2.2")
public final class PepModule implements XmppModule {
    /** Above ordinary hooks: the caps answers are ours and nobody else's. */
    private static final int CAPS_ANSWERS_PRIORITY = 100;
    /** Before other presence hooks, so they all see the presence with its avatar hash (re-routed once). */
    private static final int AVATAR_HASH_PRIORITY = 50;

    @Override
    public String name() {
        return "pep";
    }

    @Override
    public Class<?> configType() {
        return PepConfig.class;
    }

    @Override
    public void start(ModuleContext context) {
        PepConfig config = context.config(PepConfig.class);
        NodeRepository repository = new NodeRepository(context.storage().nodes(), config.cacheSize(),
                config.maxItemsLimit());
        PepServices services = new PepServices(repository, new RosterRelations(context.storage().roster(),
                context.server(), context.sessions()), config.maxItemsLimit(), config.maxNodesPerAccount(),
                Clock.systemUTC());
        Contacts contacts = new Contacts(context.sessions(), context.storage().roster(), context.server());
        PepNotifier notifier = new PepNotifier(context.router(), contacts, services);
        LastItems lastItems = new LastItems(services, contacts, notifier);
        CapsTracker caps = new CapsTracker(context.router(), context.sessions(), config.capsCacheSize(),
                lastItems::featuresChanged);
        context.onPresence(StanzaPhase.SENT, 0, StorageGuard.of(name(), caps::presenceSent));
        context.onIq(StanzaPhase.DELIVER, CAPS_ANSWERS_PRIORITY, caps::iqDelivered);
        BookmarksCompat bookmarks = new BookmarksCompat(new PrivateXmlStore(context.storage().userData()),
                services::of, notifier::send);
        AvatarConversion avatars = new AvatarConversion(new VCardStore(context.storage().userData()),
                services::of, notifier::send, context.router(), context.server());
        mirror(context, bookmarks, avatars);
        answer(context, services, new PepIqHandler(services, notifier, context.router(), (account, node, iq) -> {
            if (node.equals(BookmarksCompat.NODE)) {
                bookmarks.pepChanged(account);
            } else if (node.equals(AvatarConversion.METADATA)) {
                avatars.metadataPublished(account);
            }
        }));
        context.onAccountRemoved(new PepAccountRemoval(services, notifier, avatars));
    }

    /** Every account answers pubsub requests and disco as a PEP service (XEP-0163 §1, §6). */
    private static void answer(ModuleContext context, PepServices services, PepIqHandler handler) {
        context.onIq(IqRoute.get("pubsub", Ns.PUBSUB).toAccounts(), handler::handle);
        context.onIq(IqRoute.set("pubsub", Ns.PUBSUB).toAccounts(), handler::handle);
        context.onIq(IqRoute.get("pubsub", Ns.OWNER).toAccounts(), handler::handle);
        context.onIq(IqRoute.set("pubsub", Ns.OWNER).toAccounts(), handler::handle);
        context.identity(DiscoTarget.ACCOUNT, new Identity("pubsub", "pep", null));
        Features.pep().forEach(feature -> context.feature(DiscoTarget.ACCOUNT, feature));
        context.discoNodes(DiscoTarget.ACCOUNT, new PepDisco(services));
    }

    /** XEP-0402 #compat and XEP-0398: private XML bookmarks and vCard avatars follow PEP and back. */
    private void mirror(ModuleContext context, BookmarksCompat bookmarks, AvatarConversion avatars) {
        context.feature(DiscoTarget.ACCOUNT, BookmarksCompat.FEATURE);
        context.onIq(StanzaPhase.SENT, 0, StorageGuard.of(name(), bookmarks::privateSet));
        context.feature(DiscoTarget.ACCOUNT, AvatarConversion.FEATURE);
        context.onIq(StanzaPhase.SENT, 0, StorageGuard.of(name(), avatars::vcardSet));
        context.onPresence(StanzaPhase.DELIVER, AVATAR_HASH_PRIORITY, StorageGuard.of(name(),
                avatars::presenceDelivered));
    }
}
