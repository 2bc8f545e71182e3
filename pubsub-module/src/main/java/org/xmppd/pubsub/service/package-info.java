/** The XEP-0060 service at {@code pubsub.<domain>}: every stanza to that domain, answered through the engine. */
package org.xmppd.pubsub.service;
