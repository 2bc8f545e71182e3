/**
 * XEP-0115 Entity Capabilities of clients: what their presence says they support, learnt by
 * asking each new verification string once and remembering the verified answer. PEP reads the
 * {@code +notify} features from it (XEP-0163 §4.3).
 */
package org.xmppd.pubsub.caps;
