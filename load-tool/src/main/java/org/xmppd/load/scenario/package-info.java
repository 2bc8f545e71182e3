/**
 * The load scenarios (login, chat, idle, and registration to provision users), each bounded in
 * count and time, and the {@link org.xmppd.load.scenario.Report} they produce.
 */
package org.xmppd.load.scenario;
