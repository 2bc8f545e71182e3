/** Benchmarks of the pubsub module, run by hand (excluded from the build's test run). */
package org.xmppd.pubsub.bench;
