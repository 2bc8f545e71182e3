-- Accounts keyed by their normalized JID parts (RFC 7622 §3: each part is at most 1023 octets).
CREATE TABLE users (
    domain    VARCHAR(1023) NOT NULL,
    localpart VARCHAR(1023) NOT NULL,
    PRIMARY KEY (domain, localpart)
);

-- SCRAM credentials (RFC 5802 §3), one per mechanism; never the password.
CREATE TABLE scram_credentials (
    domain     VARCHAR(1023) NOT NULL,
    localpart  VARCHAR(1023) NOT NULL,
    mechanism  VARCHAR(20)   NOT NULL,
    salt       VARBINARY(1024) NOT NULL,
    iterations INT           NOT NULL,
    stored_key VARBINARY(64) NOT NULL,
    server_key VARBINARY(64) NOT NULL,
    PRIMARY KEY (domain, localpart, mechanism),
    FOREIGN KEY (domain, localpart) REFERENCES users (domain, localpart) ON DELETE CASCADE
);
