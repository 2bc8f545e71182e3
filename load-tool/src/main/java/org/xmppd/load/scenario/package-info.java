/**
 * The load scenarios (login, chat, muc, pubsub, idle, and registration to provision users), each
 * bounded in count and time, and the {@link org.xmppd.load.scenario.Report} they produce; the
 * stepped ones (chat, muc, pubsub) share {@link org.xmppd.load.scenario.StepPlan} and its runner.
 */
package org.xmppd.load.scenario;
