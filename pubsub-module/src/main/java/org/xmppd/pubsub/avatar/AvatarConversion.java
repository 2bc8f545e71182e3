package org.xmppd.pubsub.avatar;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.xmppd.codec.Element;
import org.xmppd.codec.Iq;
import org.xmppd.codec.Presence;
import org.xmppd.codec.StanzaErrorException;
import org.xmppd.pubsub.engine.Item;
import org.xmppd.pubsub.engine.Notification;
import org.xmppd.pubsub.engine.PubSubService;
import org.xmppd.pubsub.engine.Result;
import org.xmppd.pubsub.xml.Payloads;
import org.xmppd.server.router.Router;
import org.xmppd.server.router.ServerInfo;
import org.xmppd.server.modules.vcard.VCardModule;
import org.xmppd.server.modules.vcard.VCardStore;

/**
 * XEP-0398: PEP avatars (XEP-0084) and vCard avatars (XEP-0153) kept as one. The vCard is read
 * and written through the vCard module's {@link VCardStore}.
 * <pre>
 * S: &lt;presence from='juliet@example.org/balcony'&gt;...&lt;x xmlns='vcard-temp:x:update'&gt;&lt;photo&gt;sha1-hex&lt;/photo&gt;&lt;/x&gt;&lt;/presence&gt;
 * </pre>
 */
public final class AvatarConversion {
    public static final String FEATURE = "urn:xmpp:pep-vcard-conversion:0";
    public static final String DATA = "urn:xmpp:avatar:data";
    public static final String METADATA = "urn:xmpp:avatar:metadata";
    private static final String VCARD = VCardModule.NAMESPACE;
    private static final String UPDATE = "vcard-temp:x:update";
    private static final int CACHE = 10_000;

    /** Sends what the engine asks to announce. */
    @FunctionalInterface
    public interface Announcer {
        void announce(List<Notification> notifications);
    }

    private final VCardStore store;
    private final Function<BareJid, PubSubService> services;
    private final Announcer announcer;
    private final Router router;
    private final ServerInfo server;
    private final Map<BareJid, String> hashes = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<BareJid, String> eldest) {
            return size() > CACHE;
        }
    };

    public AvatarConversion(VCardStore store, Function<BareJid, PubSubService> services, Announcer announcer,
            Router router, ServerInfo server) {
        this.store = store;
        this.services = services;
        this.announcer = announcer;
        this.router = router;
        this.server = server;
    }

    /** The presence hook at DELIVER: adds the avatar hash to an account's presence that has none. */
    public boolean presenceDelivered(Presence presence) throws StanzaErrorException {
        Jid from = presence.from();
        if (presence.type() != null || from == null || !from.isEntityFullJid() || !server.isLocal(from)
                || presence.element().childOrNull("x", UPDATE) != null) {
            return false;
        }
        String hash = hash(from.asBareJid());
        if (hash.isEmpty()) {
            return false;
        }
        router.route(presence.element().toBuilder().child(Element.builder("x", UPDATE)
                .child(Element.builder("photo", UPDATE).text(hash).build()).build()).build());
        return true;
    }

    /** The current avatar's SHA-1 (the XEP-0084 metadata id), or "" when there is none. */
    String hash(BareJid account) {
        synchronized (hashes) {
            String cached = hashes.get(account);
            if (cached != null) {
                return cached;
            }
        }
        Element info = currentInfo(services.apply(account), account);
        String hash = info == null ? "" : info.attributeOrNull("id");
        synchronized (hashes) {
            hashes.put(account, hash);
        }
        return hash;
    }

    private static Element currentInfo(PubSubService pep, BareJid owner) {
        Result<List<Item>> items = pep.items(owner, METADATA, List.of(), 1);
        if (!items.isOk() || items.value().isEmpty()) {
            return null;
        }
        Element metadata = Payloads.element(items.value().get(0));
        return metadata == null ? null : metadata.elements().stream()
                .filter(e -> e.is("info", METADATA) && e.attributeOrNull("id") != null).findFirst().orElse(null);
    }

    /** Forgets the cached hash of a deleted account (a new account of that name starts without avatar). */
    public void forget(EntityBareJid account) {
        synchronized (hashes) {
            hashes.remove(account);
        }
    }

    /** After the owner published avatar metadata through PEP: the vCard photo follows (§3). */
    public void metadataPublished(EntityBareJid account) {
        synchronized (hashes) {
            hashes.remove(account);
        }
        PubSubService pep = services.apply(account);
        Element info = currentInfo(pep, account);
        Element vcard = store.get(account).orElse(Element.of("vCard", VCARD));
        Element.Builder updated = vcard.toBuilder().clearChildren();
        vcard.elements().stream().filter(e -> !e.is("PHOTO", VCARD)).forEach(updated::child);
        String data = info == null ? null : dataOf(pep, account, info.attributeOrNull("id"));
        if (data != null) {
            updated.child(Element.builder("PHOTO", VCARD)
                    .textChild("TYPE", VCARD, info.attribute("type").orElse("image/png"))
                    .textChild("BINVAL", VCARD, data).build());
        }
        store.put(account, updated.build());
    }

    private static String dataOf(PubSubService pep, BareJid owner, String id) {
        Result<List<Item>> items = pep.items(owner, DATA, List.of(id), 0);
        if (!items.isOk() || items.value().isEmpty()) {
            return null;
        }
        Element data = Payloads.element(items.value().get(0));
        return data == null ? null : data.text().replaceAll("\\s", "");
    }

    /** The IQ hook at SENT: a vCard with a photo published by its owner becomes the PEP avatar. Never consumes. */
    public boolean vcardSet(Iq iq) throws StanzaErrorException {
        Element vcard = iq.payload().filter(p -> p.is("vCard", VCARD)).orElse(null);
        Jid from = iq.from();
        if (!"set".equals(iq.type()) || vcard == null || from == null || !from.hasLocalpart()
                || (iq.to() != null && !iq.to().equals(from.asBareJid()))) {
            return false;
        }
        Element photo = vcard.childOrNull("PHOTO", VCARD);
        String base64 = photo == null ? null : photo.childText("BINVAL", VCARD).map(s -> s.replaceAll("\\s", ""))
                .orElse(null);
        if (base64 == null || base64.isEmpty()) {
            return false;
        }
        byte[] image;
        try {
            image = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return false; // not an image we can hash; the vCard module stores it as it is
        }
        String hash = sha1(image);
        BareJid account = from.asBareJid();
        if (!hash.equals(hash(account))) {
            publish(account, from, hash, base64, image.length, photo.childText("TYPE", VCARD).orElse("image/png"));
        }
        return false;
    }

    private void publish(BareJid account, Jid publisher, String hash, String base64, int bytes, String type) {
        PubSubService pep = services.apply(account);
        Result<String> data = pep.publish(publisher, DATA, hash, Element.builder("data", DATA).text(base64).build()
                .toXml(), true, null);
        Result<String> metadata = pep.publish(publisher, METADATA, hash, Element.builder("metadata", METADATA)
                .child(Element.builder("info", METADATA).attribute("id", hash).attribute("bytes", Integer.toString(bytes))
                        .attribute("type", type).build()).build().toXml(), true, null);
        announcer.announce(data.notifications());
        announcer.announce(metadata.notifications());
        synchronized (hashes) {
            hashes.put(account, metadata.isOk() ? hash : "");
        }
    }

    private static String sha1(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest's specification).
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
