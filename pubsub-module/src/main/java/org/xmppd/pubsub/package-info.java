/**
 * XEP-0060 Publish-Subscribe and XEP-0163 Personal Eventing Protocol as xmppd modules: the
 * {@code pubsub} module hosts a service at {@code pubsub.<domain>}; the {@code pep} module gives
 * every account its own service. Both run the protocol-free engine of
 * {@link org.xmppd.pubsub.engine} through the XML handlers of {@link org.xmppd.pubsub.xml}.
 */
package org.xmppd.pubsub;
