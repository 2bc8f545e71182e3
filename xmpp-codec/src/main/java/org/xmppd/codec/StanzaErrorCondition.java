package org.xmppd.codec;

/** The defined stanza error conditions of RFC 6120 §8.3.3, each with its usual error type. */
public enum StanzaErrorCondition {
    BAD_REQUEST("bad-request", "modify"),
    CONFLICT("conflict", "cancel"),
    FEATURE_NOT_IMPLEMENTED("feature-not-implemented", "cancel"),
    FORBIDDEN("forbidden", "auth"),
    GONE("gone", "cancel"),
    INTERNAL_SERVER_ERROR("internal-server-error", "cancel"),
    ITEM_NOT_FOUND("item-not-found", "cancel"),
    JID_MALFORMED("jid-malformed", "modify"),
    NOT_ACCEPTABLE("not-acceptable", "modify"),
    NOT_ALLOWED("not-allowed", "cancel"),
    NOT_AUTHORIZED("not-authorized", "auth"),
    POLICY_VIOLATION("policy-violation", "modify"),
    RECIPIENT_UNAVAILABLE("recipient-unavailable", "wait"),
    REDIRECT("redirect", "modify"),
    REGISTRATION_REQUIRED("registration-required", "auth"),
    REMOTE_SERVER_NOT_FOUND("remote-server-not-found", "cancel"),
    REMOTE_SERVER_TIMEOUT("remote-server-timeout", "wait"),
    RESOURCE_CONSTRAINT("resource-constraint", "wait"),
    SERVICE_UNAVAILABLE("service-unavailable", "cancel"),
    SUBSCRIPTION_REQUIRED("subscription-required", "auth"),
    UNDEFINED_CONDITION("undefined-condition", "cancel"),
    UNEXPECTED_REQUEST("unexpected-request", "wait");

    private final String elementName;
    private final String defaultType;

    StanzaErrorCondition(String elementName, String defaultType) {
        this.elementName = elementName;
        this.defaultType = defaultType;
    }

    public String elementName() {
        return elementName;
    }

    /** The error type RFC 6120 §8.3.3 gives in its examples: cancel, modify, auth or wait. */
    public String defaultType() {
        return defaultType;
    }

    /** The condition named {@code elementName}, or {@link #UNDEFINED_CONDITION}. */
    public static StanzaErrorCondition fromElementName(String elementName) {
        for (StanzaErrorCondition condition : values()) {
            if (condition.elementName.equals(elementName)) {
                return condition;
            }
        }
        return UNDEFINED_CONDITION;
    }
}
