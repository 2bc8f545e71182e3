/**
 * XML to engine and back for XEP-0060: the {@code pubsub} and {@code pubsub#owner} requests,
 * event notifications, data forms, errors and disco answers. Shared by the pubsub service and
 * PEP; nothing here decides who may do what (the engine does).
 */
package org.xmppd.pubsub.xml;
