-- Version 1: the audit trail of console edits.
CREATE TABLE audit_edit (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    at_millis   BIGINT        NOT NULL,
    user_name   VARCHAR(200)  NOT NULL,
    connection  VARCHAR(2000) NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    path        VARCHAR(4000) NOT NULL,
    before_data VARBINARY     NOT NULL,
    after_data  VARBINARY     NOT NULL
);
CREATE INDEX audit_edit_path ON audit_edit(path);
