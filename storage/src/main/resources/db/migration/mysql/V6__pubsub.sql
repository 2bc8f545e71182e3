-- XEP-0060 nodes of the pubsub service and of every account's PEP service (NodeStore).
-- Binary JID parts and names as in V1 (exact comparison, keys within InnoDB's 3072-byte
-- limit); config is a JSON object of configuration field to its list of values.
CREATE TABLE pubsub_nodes (
    id         BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    service    VARBINARY(1023) NOT NULL,
    name       VARBINARY(1023) NOT NULL,
    config     MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT pubsub_nodes_name UNIQUE (service, name)
) ENGINE = InnoDB;

-- Published items; seq orders them (newest last), a republished id gets a new seq.
CREATE TABLE pubsub_items (
    seq          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    node_id      BIGINT NOT NULL,
    item_id      VARBINARY(1023) NOT NULL,
    publisher    VARBINARY(3071) NOT NULL,
    published_at BIGINT NOT NULL,
    payload      MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT pubsub_items_id UNIQUE (node_id, item_id),
    CONSTRAINT pubsub_items_node FOREIGN KEY (node_id) REFERENCES pubsub_nodes (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Subscriptions (XEP-0060 §6.1); jid_hash is the SHA-256 of jid, options a JSON object.
CREATE TABLE pubsub_subscriptions (
    node_id  BIGINT NOT NULL,
    jid_hash BINARY(32) NOT NULL,
    subid    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    jid      VARBINARY(3071) NOT NULL,
    state    VARCHAR(16) CHARACTER SET ascii NOT NULL,
    options  MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (node_id, jid_hash, subid),
    CONSTRAINT pubsub_subscriptions_node FOREIGN KEY (node_id) REFERENCES pubsub_nodes (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Affiliations (XEP-0060 §4.1); jid_hash is the SHA-256 of jid.
CREATE TABLE pubsub_affiliations (
    node_id     BIGINT NOT NULL,
    jid_hash    BINARY(32) NOT NULL,
    jid         VARBINARY(3071) NOT NULL,
    affiliation VARCHAR(16) CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (node_id, jid_hash),
    CONSTRAINT pubsub_affiliations_node FOREIGN KEY (node_id) REFERENCES pubsub_nodes (id) ON DELETE CASCADE
) ENGINE = InnoDB;
