/**
 * The XEP-0060 publish-subscribe engine, with no XML in it (Prosody's {@code util.pubsub}): nodes,
 * items, subscriptions and affiliations with their rules, over an injected
 * {@link org.xmppd.storage.NodeStore}. Every operation returns a {@link org.xmppd.pubsub.engine.Result}
 * value holding either what it produced plus the notifications to send, or the reason it was
 * refused. The pubsub service and every account's PEP service (XEP-0163) run on it.
 */
package org.xmppd.pubsub.engine;
