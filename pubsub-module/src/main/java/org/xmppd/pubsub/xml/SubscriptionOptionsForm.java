package org.xmppd.pubsub.xml;

import java.util.List;
import java.util.Map;

import org.xmppd.codec.Element;
import org.xmppd.pubsub.engine.Subscription;

/** The {@code pubsub#subscribe_options} form (XEP-0060 §6.3, §16.4.2) with the options this service keeps. */
final class SubscriptionOptionsForm {
    private SubscriptionOptionsForm() {
    }

    static Element of(Map<String, String> options, String type) {
        return DataForm.builder(type, Ns.SUBSCRIBE_OPTIONS)
                .field(Subscription.DELIVER, "boolean", "Enable delivery?",
                        List.of(options.getOrDefault(Subscription.DELIVER, "1")), List.of())
                .field("pubsub#digest", "boolean", "Receive digest notifications (approx. one per day)?",
                        List.of(options.getOrDefault("pubsub#digest", "0")), List.of())
                .field("pubsub#include_body", "boolean", "Receive message body in addition to payload?",
                        List.of(options.getOrDefault("pubsub#include_body", "0")), List.of())
                .build();
    }
}
