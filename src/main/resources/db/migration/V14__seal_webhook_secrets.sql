-- Webhook secrets are encrypted at rest (AES-GCM, key from the environment) and can be rotated with a grace
-- period. The plain-text column stays only until the start-up step (integration/webhook/WebhookSecretSealing)
-- has sealed what it holds; it is then emptied row by row.
alter table webhook_subscription alter column secret drop not null;
alter table webhook_subscription
    add column secret_key_id              varchar(40),
    add column secret_ciphertext          text,
    add column previous_secret_key_id     varchar(40),
    add column previous_secret_ciphertext text,
    add column previous_secret_expires_at timestamptz,
    add constraint webhook_subscription_secret_present
        check (secret is not null or (secret_key_id is not null and secret_ciphertext is not null));
