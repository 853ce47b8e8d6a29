-- The columns of the run's submissions file, read by stage/file.sql and stage/file_inline_headers.sql; a file
-- written since header numbers has one more, header_id, last. cover: the units and periods a refused file appears
-- to cover ('unit period' pairs joined by ';'), null when not known.

create or replace temp macro stage_file_columns() as {
    'submission_id': 'varchar', 'sha256': 'varchar', 'file_path': 'varchar', 'size_bytes': 'bigint',
    'modified_at': 'timestamp', 'pulled_at': 'timestamp', 'layout': 'varchar', 'refused_reason': 'varchar',
    'refused_detail': 'varchar', 'rows_read': 'bigint', 'rows_accepted': 'bigint',
    'rows_quarantined': 'bigint', 'rows_duplicate': 'bigint', 'header_line': 'varchar',
    'delimiter': 'varchar', 'cover': 'varchar'};
