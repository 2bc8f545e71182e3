/** Benchmarks run by hand (main methods), never by the build. */
package org.xmppd.muc.bench;
