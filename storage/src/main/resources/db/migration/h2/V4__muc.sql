-- XEP-0045 persistent rooms (RoomStore). config is a JSON object of option name to value.
CREATE TABLE muc_rooms (
    service    VARCHAR(1023)          NOT NULL,
    name       VARCHAR(1023)          NOT NULL,
    config     CHARACTER LARGE OBJECT NOT NULL,
    subject    CHARACTER LARGE OBJECT,
    subject_by VARCHAR(1023),
    created_at BIGINT                 NOT NULL,
    PRIMARY KEY (service, name)
);

-- Room affiliations (XEP-0045 §5.2); jid_hash is the SHA-256 of jid, a short key whatever its length.
CREATE TABLE muc_affiliations (
    service     VARCHAR(1023) NOT NULL,
    name        VARCHAR(1023) NOT NULL,
    jid_hash    BINARY(32)    NOT NULL,
    jid         VARCHAR(3071) NOT NULL,
    affiliation VARCHAR(16)   NOT NULL,
    nick        VARCHAR(1023),
    reason      CHARACTER LARGE OBJECT,
    PRIMARY KEY (service, name, jid_hash)
);
