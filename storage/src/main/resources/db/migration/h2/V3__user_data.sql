-- Small per-account documents by (kind, key): vCards, private XML, block lists (UserDataStore).
-- key_hash is the SHA-256 of item_key, so the primary key stays short whatever the key's length.
CREATE TABLE user_data (
    domain    VARCHAR(1023)          NOT NULL,
    localpart VARCHAR(1023)          NOT NULL,
    kind      VARCHAR(64)            NOT NULL,
    key_hash  BINARY(32)             NOT NULL,
    item_key  VARCHAR(3071)          NOT NULL,
    item      CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (domain, localpart, kind, key_hash)
);
