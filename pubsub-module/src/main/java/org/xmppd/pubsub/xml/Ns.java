package org.xmppd.pubsub.xml;

/** The namespaces of XEP-0060 and the ones it leans on. */
public final class Ns {
    public static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    public static final String OWNER = PUBSUB + "#owner";
    public static final String EVENT = PUBSUB + "#event";
    public static final String ERRORS = PUBSUB + "#errors";
    public static final String PUBLISH_OPTIONS = PUBSUB + "#publish-options";
    public static final String SUBSCRIBE_OPTIONS = PUBSUB + "#subscribe_options";
    public static final String SUBSCRIBE_AUTHORIZATION = PUBSUB + "#subscribe_authorization";
    public static final String META_DATA = PUBSUB + "#meta-data";
    public static final String DATA = "jabber:x:data";
    public static final String SHIM = "http://jabber.org/protocol/shim";
    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";

    private Ns() {
    }
}
