/**
 * XEP-0163 Personal Eventing Protocol: every account is a pubsub service (the account's bare JID)
 * run by the same engine as the pubsub domain. Nodes are created by publishing; notifications go
 * to the owner's resources and to contacts with a presence subscription whose clients asked for
 * them with {@code +notify} in their entity capabilities (XEP-0115); the last item goes to a
 * client when it comes online or starts asking.
 */
package org.xmppd.pubsub.pep;
