-- Accounts keyed by their normalized JID parts (RFC 7622 §3: each part is at most 1023 octets).
-- VARBINARY holds the UTF-8 octets: exact comparison (JIDs are already normalized) and a key
-- short enough for InnoDB's 3072-byte index limit, which VARCHAR(1023) utf8mb4 would exceed.
CREATE TABLE users (
    domain    VARBINARY(1023) NOT NULL,
    localpart VARBINARY(1023) NOT NULL,
    PRIMARY KEY (domain, localpart)
) ENGINE = InnoDB;

-- SCRAM credentials (RFC 5802 §3), one per mechanism; never the password.
CREATE TABLE scram_credentials (
    domain     VARBINARY(1023) NOT NULL,
    localpart  VARBINARY(1023) NOT NULL,
    mechanism  VARCHAR(20) CHARACTER SET ascii NOT NULL,
    salt       VARBINARY(1024) NOT NULL,
    iterations INT NOT NULL,
    stored_key VARBINARY(64) NOT NULL,
    server_key VARBINARY(64) NOT NULL,
    PRIMARY KEY (domain, localpart, mechanism),
    FOREIGN KEY (domain, localpart) REFERENCES users (domain, localpart) ON DELETE CASCADE
) ENGINE = InnoDB;
