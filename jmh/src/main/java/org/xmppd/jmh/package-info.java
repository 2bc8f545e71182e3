/**
 * JMH micro-benchmarks of xmppd's hot paths that need no server: the codec's parser and
 * serializer on a typical chat message. Built with the {@code jmh} Maven profile only.
 */
package org.xmppd.jmh;
