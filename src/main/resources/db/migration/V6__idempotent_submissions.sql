-- A submission sent with an Idempotency-Key header: the key (per user), a fingerprint of the request, and the
-- application it created. A retry with the same key gets that application back instead of a second one.
create table idempotent_submission (
    user_id          varchar(64)  not null,
    idempotency_key  varchar(100) not null,
    request_hash     varchar(64)  not null,
    application_no   varchar(32)  not null references application (application_no),
    created_at       timestamp with time zone not null,
    primary key (user_id, idempotency_key)
);
