-- Failures are values with a code from a closed set (timeout, http_status, expression, ...): the code
-- and the details beside the message (retryable, HTTP status, ...) as JSON text. Rows written before
-- this version have a message only; they read as code 'unexpected'.
ALTER TABLE interaction ADD COLUMN error_code VARCHAR(32);
ALTER TABLE interaction ADD COLUMN error_details VARCHAR(2000);
ALTER TABLE interaction_step ADD COLUMN error_code VARCHAR(32);
ALTER TABLE interaction_step ADD COLUMN error_details VARCHAR(2000);
