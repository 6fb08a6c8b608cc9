-- Accepts a new checksum for an applied migration and records who did it, when, and the previous value.
-- Parameters: accepted checksum, location, accepted checksum, id, previous checksum.
UPDATE {migrations}
SET repairs = repairs || jsonb_build_array(jsonb_build_object(
        'at', now(), 'by', current_user, 'previous', checksum, 'accepted', CAST(? AS text), 'location', CAST(? AS text))),
    checksum = ?
WHERE id = ? AND checksum = ?
