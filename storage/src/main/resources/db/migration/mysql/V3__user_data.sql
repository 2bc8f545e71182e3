-- Small per-account documents by (kind, key): vCards, private XML, block lists (UserDataStore).
-- key_hash is the SHA-256 of item_key, so the primary key stays within InnoDB's 3072-byte limit
-- whatever the key's length. MEDIUMTEXT holds up to 16 MiB (vCards carry avatars).
CREATE TABLE user_data (
    domain    VARBINARY(1023) NOT NULL,
    localpart VARBINARY(1023) NOT NULL,
    kind      VARBINARY(64) NOT NULL,
    key_hash  BINARY(32) NOT NULL,
    item_key  VARBINARY(3071) NOT NULL,
    item      MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (domain, localpart, kind, key_hash)
) ENGINE = InnoDB;
