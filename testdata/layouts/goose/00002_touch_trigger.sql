-- +goose Up
ALTER TABLE users ADD COLUMN updated_at timestamptz;

-- +goose StatementBegin
CREATE FUNCTION touch_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION touch_updated_at();
ALTER TABLE users DROP COLUMN updated_at;
