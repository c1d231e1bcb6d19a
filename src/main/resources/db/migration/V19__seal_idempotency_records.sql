-- Idempotency records keep no personal data in clear from now on: "key" holds a SHA-256 of organization,
-- caller (token subject) and Idempotency-Key, "request_hash" an HMAC keyed by the Idempotency-Key, and
-- "body" the first response sealed with AES-GCM under a key derived from the Idempotency-Key, which is
-- not stored (integration/idempotency/IdempotencySeal). Rows written before hold request hashes and response
-- bodies in clear and could not be found by the new lookup anyway; they live a day at most, so they go.
delete from idempotency_key;
comment on column idempotency_key.scope is 'the caller''s organization ('''' for admins, who have none)';
comment on column idempotency_key.key is 'hex SHA-256 of organization, token subject and Idempotency-Key';
comment on column idempotency_key.body is 'the first response, AES-GCM sealed under a key derived from the Idempotency-Key';
