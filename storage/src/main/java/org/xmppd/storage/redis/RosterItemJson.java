package org.xmppd.storage.redis;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jxmpp.jid.BareJid;
import org.xmppd.storage.RosterItem;
import org.xmppd.storage.StorageException;
import org.xmppd.storage.Subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A roster item as the compact JSON value of its roster hash field (the contact JID is the
 * field): {@code {"n":"Bob","s":"both","a":true,"p":true,"ap":true,"g":["Friends"]}}. Absent,
 * false and empty members are left out; unknown members are ignored, so later versions can add some.
 */
final class RosterItemJson {
    /** The stored form; short names because every roster item of every user carries them. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    private record Stored(@JsonProperty("n") String name, @JsonProperty("s") String subscription,
            @JsonProperty("a") boolean askOut, @JsonProperty("p") boolean pendingIn,
            @JsonProperty("ap") boolean approved, @JsonProperty("g") List<String> groups) {
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String write(RosterItem item) {
        Stored stored = new Stored(item.name(), item.subscription().attributeValue(), item.askOut(),
                item.pendingIn(), item.approved(), List.copyOf(new TreeSet<>(item.groups())));
        try {
            return mapper.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A roster item always serializes", e);
        }
    }

    RosterItem read(BareJid contact, String json) {
        try {
            Stored stored = mapper.readValue(json, Stored.class);
            return new RosterItem(contact, stored.name(), Subscription.fromAttributeValue(stored.subscription()),
                    stored.askOut(), stored.pendingIn(), stored.approved(),
                    stored.groups() == null ? Set.of() : Set.copyOf(stored.groups()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StorageException("Corrupt roster item " + contact + " in Redis: " + json, e);
        }
    }
}
