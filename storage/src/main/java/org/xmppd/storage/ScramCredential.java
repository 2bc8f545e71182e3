package org.xmppd.storage;

/**
 * A stored SCRAM credential (RFC 5802 §3): the server never keeps the password itself.
 *
 * @param mechanism  "SCRAM-SHA-1" or "SCRAM-SHA-256"
 * @param salt       the per-user salt
 * @param iterations the PBKDF2 iteration count
 * @param storedKey  H(ClientKey)
 * @param serverKey  HMAC(SaltedPassword, "Server Key")
 */
public record ScramCredential(String mechanism, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {}
